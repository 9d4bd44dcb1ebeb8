"""The entities stage's word lists: name labels, title words, and the tokens that cut or
trim a mention.

Every list here is read by more than one module of the stage (mentions, names, pins,
canonicalize); the name particles shared with normalize live in transforms.text.lexicon.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------- labels

# The spaCy labels that name something; CARDINAL, DATE, MONEY, ... are not mentions.
NAME_LABELS = frozenset(
    ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"]
)
# When one key carries several spaCy labels the majority wins; on a tie, the more specific
# place label wins over ORG (spaCy calls "Vilnius" ORG as often as GPE), PERSON last (a
# single capitalized word tagged PERSON is spaCy's most frequent guess: "Kyiv", "Luhansk").
LABEL_PRIORITY = ("GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                  "PERSON")  # fmt: skip
# Labels of places: a single word the corpus votes one of these is a place for the surname
# rule (entities.surnames), and a full name starting with one is checked (merges).
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
# Places and organizations mix in spaCy's output, so merge rules treat them as one family.
PLACE_ORG_LABELS = frozenset(["GPE", "LOC", "FAC", "ORG"])

# ---------------------------------------------------------------- titles

# Words that open a person's name in news prose but are not part of it. Common surnames are
# kept out of the sets that make a mention "title only": "Major" (John Major), "King"
# (Mervyn King), "Lord", "Bishop" would make real people vanish.
HONORIFICS = _words(
    "mr mrs ms miss mx dr sir dame prof professor rev reverend fr sheikh sheik imam "
    "ayatollah rabbi pope archbishop rt hon"
)
# Office and occupation words: "President Vladimir Putin", "Defense Minister Rustem Umerov",
# "Gen. Metin Gurak", "Secretary of State Marco Rubio", BBC's "Striker Didier Drogba",
# "Novelist Arthur Hailey", "Conservative MP Boris Johnson".
OFFICES = _words(
    "president presidents vice minister ministers prime premier chancellor secretary senator "
    "sen rep representative congressman congresswoman governor gov mayor ambassador envoy "
    "commissioner chairman chairwoman chief director deputy spokesman spokeswoman spokesperson "
    "judge justice attorney general gen lt col colonel maj capt captain cmdr commander adm "
    "admiral sgt sergeant marshal brig brigadier lieutenant ombudsman speaker coach "
    "former acting interim mp mps mep meps msp leader manager striker midfielder defender "
    "goalkeeper keeper winger skipper actor actress novelist writer author singer songwriter "
    "comedian presenter broadcaster producer composer poet artist rapper boss analyst "
    "economist lawyer executive founder goalscorer farmer businessman businesswoman tycoon dj "
    "billionaire entrepreneur designer photographer journalist editor reporter correspondent "
    "officer inspector detective sprinter sprinters runner athlete hurdler swimmer cyclist "
    "boxer golfer jockey referee umpire flanker fly-half scrum-half playmaker teenager "
    "youngster veteran medallist finalist "
    # US usage and other trades, from the ECB+ and BBC names that kept one (issue #13):
    # "Special Agent Peter Strzok", "Majority Whip Kevin McCarthy", "Musician Alan Wass",
    # "CEO Tim Cook", "Undersheriff Larry Waldie", "Constable Tim Fanning".
    "agent agents whip ceo cfo coo cto qb quarterback sheriff undersheriff constable "
    "musician guitarist drummer bassist vocalist filmmaker moviemaker gunman"
)
# Portfolio words that spaCy tags as ORG when they stand before an office ("Defense" out of
# "Defense Minister"). Alone they are not names; inside "Defence Ministry" or "Home Office" the
# whole span is kept because the span is not *only* title words.
PORTFOLIOS = _words(
    "defense defence foreign interior home finance trade health culture economy economic "
    "education energy transport environment agriculture industry state shadow sports sport "
    "intelligence security development exchequer "
    # Before an office only: "Special Agent", "Majority Whip", "Minority Leader".
    "special majority minority"
)
# Peerage and royal titles are part of the name in British usage and stay in the mention:
# "Lord Goldsmith" and "Lord Nicholls of Birkenhead" are how those people are named, and
# "Lord Nicholls" is not the "Richard Nicholls" of another article. They are also surnames
# (Mervyn King), so they never make a mention title-only; they do mark a person (HEAD_TITLES).
NOBLE = _words("lord lady baroness baron king queen prince princess duke duchess earl")
# Party words: stripped only together with an office ("Labour MP X", "Tory leader X"); alone
# they are organizations.
AFFILIATIONS = _words(
    "labour conservative conservatives tory tories liberal democrat democrats democratic "
    "republican republicans lib dem dems green snp plaid ukip socialist "
    # Nationality and faction nouns BBC puts before a name: "Briton Tim Henman",
    # "Blairite Alan Milburn".
    "briton britons scot welshman welshwoman irishman englishman frenchman dutchman "
    "spaniard blairite brownite"
)
TITLE_WORDS = HONORIFICS | OFFICES | PORTFOLIOS
STRIPPABLE = TITLE_WORDS | AFFILIATIONS
# A leading run is stripped only if it holds one of these (so "Defence Ministry" stays).
TITLE_HEADS = HONORIFICS | OFFICES

# Titles strong enough that the words after them are a person even when spaCy said ORG/GPE
# ("Mr Zelenskyy" tagged GPE). "General" is not here: "General Motors", "General Assembly".
HEAD_TITLES = _words(
    "mr mrs ms miss dr sir dame lord lady president minister secretary senator sen chancellor "
    "governor mayor pope sheikh ayatollah prof professor rev premier ambassador prince "
    "princess king queen"
)

# ---------------------------------------------------------------- mention boundaries

# Pronouns and determiners spaCy sometimes tags ("Us" at a sentence start as GPE); the
# upper-case "US" is a name and stays.
FUNCTION_WORDS = frozenset(
    ["us", "it", "we", "i", "he", "she", "they", "me", "him", "her", "them", "a", "an", "the",
     "this", "that", "these", "those", "who", "what", "there", "here"]
)  # fmt: skip
# A spaced dash or bar inside one entity joins two names ("Jonathan Kaplan - England").
SEPARATORS = frozenset(["-", "–", "—", "|"])
# Tokens that always end a name inside an entity ("Kremlin Pool Photo/AP").
INNER_BREAKS = frozenset(["/", ",", ";", ":", "(", ")", "[", "]"])
# Fixtures: "Brentford v Manchester United" is two clubs, not one PERSON.
VERSUS = frozenset(["v", "v.", "vs", "vs.", "versus"])
# Stray characters a token may carry at a mention's edge ("Forsyth/" in BBC text).
EDGE_CHARS = "/\\|-–—,;:!?\"'“”‘’()[]{}*#&+=<>~_"
# Possessive tokens as spaCy splits them ("Zelenskyy" + "’s", "Jones" + "'").
POSSESSIVE_TOKENS = frozenset(["'s", "’s", "'", "’", "'S", "’S"])
