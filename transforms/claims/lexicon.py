"""Word lists of the numeric-claims stage: units, currencies, bounds, scope and speech words.

Word keys are lower-cased token texts (NOUN_POS holds spaCy part-of-speech tags and
NAME_ENTITY_TYPES / NUMERIC_ENTS spaCy entity labels). Month names are shared with other
stages and live in `transforms.text.lexicon.MONTHS`; number words and numerals are
`transforms.claims.numerals`.
"""

from __future__ import annotations

MILE_KM = 1.609344

# distance word -> (canonical original unit, km per unit)
DISTANCE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("km", 1.0), "kms": ("km", 1.0), "kilometre": ("km", 1.0), "kilometres": ("km", 1.0),
    "kilometer": ("km", 1.0), "kilometers": ("km", 1.0),
    "mile": ("mile", MILE_KM), "miles": ("mile", MILE_KM),
    "metre": ("metre", 0.001), "metres": ("metre", 0.001), "meter": ("metre", 0.001),
    "meters": ("metre", 0.001),
    "yard": ("yard", 0.0009144), "yards": ("yard", 0.0009144),
    "foot": ("foot", 0.0003048), "feet": ("foot", 0.0003048), "ft": ("foot", 0.0003048),
    "cm": ("cm", 1e-5), "mm": ("mm", 1e-6), "nautical mile": ("nautical mile", 1.852),
}  # fmt: skip

# duration word -> canonical unit (kept as written, no conversion: "30-day" stays 30 day)
DURATION_UNITS: dict[str, str] = {
    "seconds": "second", "minute": "minute", "minutes": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}  # fmt: skip

# Symbols written before the amount.
CURRENCY_SYMBOLS: dict[str, str] = {
    "£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "¥": "JPY", "₽": "RUB", "₴": "UAH",
    "usd": "USD", "gbp": "GBP", "eur": "EUR", "a$": "AUD", "c$": "CAD", "hk$": "HKD",
    "nz$": "NZD", "s$": "SGD",
}  # fmt: skip
# "1.2bn Australian dollars"
CURRENCY_ADJECTIVES: dict[str, str] = {
    "us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "singapore": "SGD", "zimbabwean": "ZWD", "taiwan": "TWD", "taiwanese": "TWD",
}  # fmt: skip
# Words written after the amount: word -> (currency, factor to the main unit).
CURRENCY_WORDS: dict[str, tuple[str, float]] = {
    "pound": ("GBP", 1.0), "pounds": ("GBP", 1.0), "sterling": ("GBP", 1.0),
    "pence": ("GBP", 0.01), "p": ("GBP", 0.01),
    "dollar": ("USD", 1.0), "dollars": ("USD", 1.0),
    "euro": ("EUR", 1.0), "euros": ("EUR", 1.0),
    "yen": ("JPY", 1.0), "rouble": ("RUB", 1.0), "roubles": ("RUB", 1.0),
    "ruble": ("RUB", 1.0), "rubles": ("RUB", 1.0), "hryvnia": ("UAH", 1.0),
    "hryvnias": ("UAH", 1.0), "usd": ("USD", 1.0), "gbp": ("GBP", 1.0), "eur": ("EUR", 1.0),
}  # fmt: skip

# Units glued to a numeral that are neither distance nor money: kind "other", unit as written.
GLUED_UNITS: dict[str, str] = {
    "mbps": "Mbps", "kbps": "kbps", "gbps": "Gbps", "mb": "MB", "gb": "GB", "kb": "KB",
    "tb": "TB", "mhz": "MHz", "ghz": "GHz", "kg": "kg", "mph": "mph", "kph": "km/h",
    "cc": "cc", "mw": "MW", "kw": "kW", "gw": "GW", "bhp": "bhp", "hp": "hp", "ml": "ml",
    "kwh": "kWh", "lb": "lb", "lbs": "lb", "oz": "oz", "t": "tonne",
}  # fmt: skip
SUPERLATIVE_SUFFIXES: tuple[str, ...] = ("est",)

PERCENT_WORDS: frozenset[str] = frozenset({"%", "percent", "pc"})

# Bound phrases read leftwards from a number, longest first wins. "nearly" is its own internal
# bound (approx_below): it is reported as approx but its interval stops at the value.
BOUND_PHRASES: dict[tuple[str, ...], str] = {
    ("more", "than"): "more_than", ("just", "more", "than"): "more_than",
    ("just", "over"): "more_than", ("over",): "more_than", ("above",): "more_than",
    ("in", "excess", "of"): "more_than", ("upwards", "of"): "more_than",
    ("at", "least"): "at_least", ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least", ("a", "minimum", "of"): "at_least",
    ("about",): "approx", ("roughly",): "approx", ("around",): "approx",
    ("approximately",): "approx", ("some",): "approx", ("an", "estimated"): "approx",
    ("estimated",): "approx", ("circa",): "approx", ("c.",): "approx", ("nearly",): "approx_below",
    ("almost",): "approx_below", ("close", "to"): "approx_below",
    ("just", "under"): "approx_below", ("nearly", "all"): "approx_below",
    ("up", "to"): "up_to", ("as", "many", "as"): "up_to", ("as", "much", "as"): "up_to",
    ("at", "most"): "at_most", ("no", "more", "than"): "at_most", ("fewer", "than"): "at_most",
    ("less", "than"): "at_most", ("under",): "at_most", ("below",): "at_most",
    ("barely",): "at_most", ("a", "maximum", "of"): "at_most",
}  # fmt: skip
BOUND_MAX_LEN = max(len(p) for p in BOUND_PHRASES)
# These are also prepositions ("over eight regions", "about the war"); they bound a number only
# when the parser attaches them to it (quantmod/advmod), never as a prep heading a phrase.
AMBIGUOUS_BOUND_WORDS: frozenset[str] = frozenset(
    {"over", "above", "about", "around", "some", "under", "below", "estimated"}
)

# Nouns under "X of": the counted thing is the noun after "of" ("number of drones",
# "dozens of children", "a fifth of territory").
CONTAINER_NOUNS: frozenset[str] = frozenset({
    "number", "total", "tally", "toll", "group", "batch", "share", "proportion", "part",
    "portion", "majority", "minority", "percent", "%", "dozen", "dozens", "hundreds",
    "thousands", "millions", "billions", "half", "third", "quarter", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "thirds", "quarters", "fifths", "tenths", "lot",
    "list", "figure", "count", "rest", "set", "pair", "couple", "tens",
})  # fmt: skip

# Phrases right after the counted noun (or the number) that make a count per side.
PER_SIDE_AFTER: tuple[tuple[str, ...], ...] = (
    ("from", "each", "side"), ("for", "each", "side"), ("on", "each", "side"),
    ("on", "both", "sides"), ("from", "both", "sides"), ("for", "both", "sides"),
    ("on", "either", "side"), ("per", "side"), ("from", "each", "country"),
    ("each",), ("apiece",), ("per", "country"), ("for", "each", "country"),
)  # fmt: skip
TOTAL_AFTER: tuple[tuple[str, ...], ...] = (
    ("in", "total"),
    ("in", "all"),
    ("combined",),
    ("altogether",),
    ("overall",),
)
TOTAL_BEFORE: tuple[tuple[str, ...], ...] = (("a", "total", "of"), ("total", "of"), ("total",))

# Verbs whose subject is the source of a claim ("Umerov said", "officials told reporters").
SAY_LEMMAS: frozenset[str] = frozenset({
    "say", "tell", "claim", "report", "add", "note", "confirm", "announce", "state",
    "estimate", "write", "insist", "warn", "declare", "allege", "assert", "explain",
    "acknowledge", "admit", "tweet", "post", "show", "suggest", "indicate", "reveal",
    # verbs that report someone's view of a figure ("Cornyn speculated that Lieberman could
    # get 100 votes"): without them the sentence had no speaker of its own, and one was
    # borrowed from a neighbouring sentence
    "speculate", "predict", "argue", "contend", "forecast", "testify", "concede", "recall",
    "stress", "point",
})  # fmt: skip

# Nouns that name a measurement rather than a speaker ("according to figures from the ODPM",
# "a Gallup poll showed"): the source of such a figure is the body that measured it, named
# after "from"/"by"/"of", and two bodies' measurements of one thing are two quantities
# (reconcile.quantities.measured_apart).
MEASUREMENT_NOUNS: frozenset[str] = frozenset({
    "figure", "data", "datum", "statistic", "survey", "poll", "index", "study", "estimate",
    "census", "research", "analysis", "report", "count", "tally", "reading", "measure",
    "measurement",
})  # fmt: skip

# "X-year-old war" is the war's duration; "X-year-old man" an age. Heads treated as things.
AGELESS_HEADS: frozenset[str] = frozenset({
    "war", "conflict", "dispute", "crisis", "company", "firm", "record", "ban", "law",
    "tradition", "building", "rule", "campaign", "case", "marriage", "relationship",
    "career", "business", "feud", "film", "song", "show", "series", "brand", "band",
    "system", "policy", "treaty", "deal", "invasion", "occupation", "insurgency",
})  # fmt: skip

# Verbs whose number is the size of a change: "rose 2.8% to 14.96bn" is no range.
CHANGE_LEMMAS: frozenset[str] = frozenset({
    "rise", "fall", "increase", "decrease", "climb", "jump", "drop", "slip", "slide", "grow",
    "gain", "lose", "cut", "raise", "lower", "edge", "soar", "plunge", "tumble", "rally",
    "surge", "dip", "decline", "advance", "ease", "boost", "reduce", "shrink", "expand",
    "rebound", "sink", "slump", "leap", "add", "shed", "widen", "narrow", "up", "down",
    "trim", "slash", "halve", "double", "triple",
})  # fmt: skip

# "one-off", "one-time": hyphen compounds that are adjectives, not counts of a noun.
NOT_COUNTED_COMPOUNDS: frozenset[str] = frozenset(
    {"off", "time", "sided", "way", "liner", "shot", "stop", "size", "piece", "nil", "all"}
)

# Athletics and swimming distances in metres: "the 800m", "1500m" are not 800 and 1,500 million.
RACE_METRES: frozenset[float] = frozenset(
    {50, 60, 100, 110, 200, 300, 400, 800, 1000, 1500, 3000, 5000, 10000}
)

# Nouns an ordinal can be glued to and still rank ("fourth-quarter", "second-round").
RANKED_NOUNS: frozenset[str] = frozenset({
    "quarter", "half", "round", "place", "placed", "seed", "seeded", "minute", "day", "week",
    "month", "year", "term", "generation", "division", "leg", "innings", "set", "stage",
    "tier", "biggest", "largest", "highest", "lowest", "best", "worst",
})  # fmt: skip

# spaCy entity types under which a number is part of a name ("Channel 4", "Group of Seven").
NAME_ENTITY_TYPES: frozenset[str] = frozenset(
    {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT", "PERSON", "GPE", "LOC", "NORP"}
)

# Parts of speech a counted noun or a speaker's head can have.
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Pronouns are no subject, and no speaker a "he said" can resolve to (claims.attribution).
# Quotation marks that open and close a quoted phrase, straight and curly (the straight ones
# do both). Read by claims.subjects (a quoted figure's noun) and reconcile.restatements.
OPENING_QUOTES = frozenset("'‘\"“«")
CLOSING_QUOTES = frozenset("'’\"”»")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "this", "that"})

# Kinds whose quantity cannot be negative: an upper bound alone still means "from 0".
NON_NEGATIVE_KINDS = frozenset(
    {"count", "percent", "fraction", "money", "distance", "duration", "age"}
)
RANGE_WORDS = frozenset({"to", "-", "–", "—", "or"})
DASHES = frozenset({"-", "–"})
TIME_SUFFIXES = frozenset({"am", "pm"})
# "more than a year", "barely an hour": one unit, read only after "a"/"an" and a bound phrase.
A_UNIT_WORDS = frozenset(
    {"tens", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}
)
# Signs and bound words glued to a numeral in one token ("-0.1%", "near-400,000").
GLUED_PREFIXES = {"-": "minus", "−": "minus", "near-": "approx", "over-": "more_than"}
RANGE_LEADS = frozenset({"aged", "ages", "between", "from", "of", "for", "about", "around"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
CLOCK_WORDS = frozenset({"gmt", "bst", "cet", "et", "est", "pm", "am", "p.m.", "a.m.", "hrs"})
RATE_MARKERS = frozenset({"%", "percent", "once", "twice", "times", "cent", "per"})
AGE_DECADE_PREFIXES = frozenset({"their", "his", "her", "my", "our", "your", "early", "late"})
# Currency symbols a range's second end may carry glued inside one token ("24-$26").
SYMBOL_CHARS = "£$€¥"
# spaCy entity types of numbers: a bound word inside one of them belongs to the number.
NUMERIC_ENTS = frozenset({"DATE", "TIME", "QUANTITY", "MONEY", "CARDINAL", "PERCENT"})
