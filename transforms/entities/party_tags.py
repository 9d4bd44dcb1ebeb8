"""US states in party tags: "Sen. Barbara Boxer (D-Calif.)", "Rep. Edward Markey, D-Mass.".

spaCy leaves the state of a party tag untagged or inside a wrong span ("D-Mass" as ORG),
so US political news loses one place mention per legislator quoted (issue #13). The tag is
a party letter, a hyphen and a state written the AP way ("Calif.", "N.Y.", "W.Va.") or as
the postal code ("CA"); the state becomes a GPE mention whose text is the abbreviation as
printed (offsets exact), and `state_key` gives an AP form the key of the state's name, so
"Calif." and "California" are one entity (a postal code "VT" stays its own entity).
"""

from __future__ import annotations

import re

from transforms.entities.names import name_key

# AP style abbreviations and postal codes; the eight states AP never abbreviates are
# matched by name.
_STATES = {
    "Alabama": ("Ala.", "AL"), "Alaska": ("", "AK"), "Arizona": ("Ariz.", "AZ"),
    "Arkansas": ("Ark.", "AR"), "California": ("Calif.", "CA"), "Colorado": ("Colo.", "CO"),
    "Connecticut": ("Conn.", "CT"), "Delaware": ("Del.", "DE"), "Florida": ("Fla.", "FL"),
    "Georgia": ("Ga.", "GA"), "Hawaii": ("", "HI"), "Idaho": ("", "ID"),
    "Illinois": ("Ill.", "IL"), "Indiana": ("Ind.", "IN"), "Iowa": ("", "IA"),
    "Kansas": ("Kan.", "KS"), "Kentucky": ("Ky.", "KY"), "Louisiana": ("La.", "LA"),
    "Maine": ("", "ME"), "Maryland": ("Md.", "MD"), "Massachusetts": ("Mass.", "MA"),
    "Michigan": ("Mich.", "MI"), "Minnesota": ("Minn.", "MN"), "Mississippi": ("Miss.", "MS"),
    "Missouri": ("Mo.", "MO"), "Montana": ("Mont.", "MT"), "Nebraska": ("Neb.", "NE"),
    "Nevada": ("Nev.", "NV"), "New Hampshire": ("N.H.", "NH"), "New Jersey": ("N.J.", "NJ"),
    "New Mexico": ("N.M.", "NM"), "New York": ("N.Y.", "NY"), "North Carolina": ("N.C.", "NC"),
    "North Dakota": ("N.D.", "ND"), "Ohio": ("", "OH"), "Oklahoma": ("Okla.", "OK"),
    "Oregon": ("Ore.", "OR"), "Pennsylvania": ("Pa.", "PA"), "Rhode Island": ("R.I.", "RI"),
    "South Carolina": ("S.C.", "SC"), "South Dakota": ("S.D.", "SD"),
    "Tennessee": ("Tenn.", "TN"), "Texas": ("", "TX"), "Utah": ("", "UT"),
    "Vermont": ("Vt.", "VT"), "Virginia": ("Va.", "VA"), "Washington": ("Wash.", "WA"),
    "West Virginia": ("W.Va.", "WV"), "Wisconsin": ("Wis.", "WI"), "Wyoming": ("Wyo.", "WY"),
}  # fmt: skip
STATE_OF = {abbr: state for state, forms in _STATES.items() for abbr in forms if abbr}
STATE_OF.update({state: state for state in _STATES if " " not in state})
_PRINTED = sorted(STATE_OF, key=len, reverse=True)  # longest first: "W.Va." before "Va."
# "(D-Calif.)", "R-N.Y.,", "I-Vt.;": a party letter right after "(" or ", ", then the state,
# then the end of the tag.
_TAG = re.compile(
    r"(?:(?<=\()|(?<=, ))[DRI]-(" + "|".join(re.escape(p) for p in _PRINTED) + r")(?=[),;]|$)"
)


def party_tag_states(text: str) -> list[tuple[int, int, str]]:
    """(start_char, end_char, "GPE") of each state printed in a party tag of `text`."""
    return [(m.start(1), m.end(1), "GPE") for m in _TAG.finditer(text)]


def with_party_tag_states(
    text: str, found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """`found` mentions with the party-tag states added; a mention overlapping one (spaCy's
    "D-Mass" as ORG) gives way to it."""
    states = party_tag_states(text)
    if not states:
        return found
    kept = [m for m in found if not any(m[0] < b and a < m[1] for a, b, _ in states)]
    return kept + states


def state_key(text: str) -> str | None:
    """The name key of the state an AP abbreviation stands for ("Calif." -> "california"),
    else None. Only the dotted forms: a bare "LA" or "IN" tagged GPE elsewhere is as often
    Los Angeles or a word, so postal codes keep their own key (and text)."""
    state = STATE_OF.get(text) if "." in text else None
    return name_key(state) if state else None


def state_name(text: str) -> str:
    """The state's name for an AP abbreviation ("Calif." -> "California"), else `text`:
    the canonical name of a state entity is never its dotted abbreviation."""
    return STATE_OF.get(text, text) if "." in text else text
