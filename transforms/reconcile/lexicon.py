"""Word lists of the reconcile stage: subject synonyms and the words that carry no context."""

from __future__ import annotations

# Kinds that compare as one family: a percent and a fraction are both shares 0-1.
FAMILY = {"percent": "share", "fraction": "share"}

# Subject lemmas that name the same counted thing (the seeds' soldiers/troops, planes/jets).
SUBJECT_SYNONYMS = {
    "troop": "soldier",
    "serviceman": "soldier",
    "fighter": "soldier",
    "warplane": "plane",
    "aircraft": "plane",
    "airplane": "plane",
    "jet": "plane",
    "pow": "prisoner",
    "prisoner of war": "prisoner",
    "captive": "prisoner",
    "prisoners": "prisoner",
    "children": "child",
    "kid": "child",
    "people": "person",
    "civilian": "person",
    "corpse": "body",
    "remains": "body",
    "front line": "front line",
    "frontline": "front line",
    "line": "front line",
}

# Owners that name one country ("the UK's £3bn rebate" and "Britain's £3bn EU rebate" are one
# rebate): a claim's owner is compared through this table, lower case as measure.py writes it.
OWNER_ALIASES = {
    "britain": "uk", "great britain": "uk", "united kingdom": "uk", "u.k.": "uk",
    "america": "us", "united states": "us", "u.s.": "us", "usa": "us", "u.s.a.": "us",
    "holland": "netherlands", "the netherlands": "netherlands",
}  # fmt: skip

# Plurals that do not end in "s": a subject's own plural is no context ("339 children" and
# "hundreds of children" share their subject, not a word about the quantity).
IRREGULAR_PLURALS = {
    "child": "children", "person": "people", "man": "men", "woman": "women",
    "foot": "feet", "tooth": "teeth", "mouse": "mice", "life": "lives", "wife": "wives",
}  # fmt: skip

# Counted nouns that, after "the bodies of", are bodies ("the bodies of 6,000 soldiers").
BODY_NOUNS = {
    None,
    "soldier",
    "troop",
    "person",
    "people",
    "civilian",
    "serviceman",
    "pow",
    "prisoner",
    "prisoner of war",
    "fighter",
    "side",
}

# Words too common to say two sentences are about the same quantity.
CONTEXT_STOP_WORDS = frozenset(
    "that this these those their them they have were been from with which what when where while"
    " after before since than then into over under more most less least also said says told"
    " according each both other another some such only about just very would could should will"
    " there here being does done".split()
)
