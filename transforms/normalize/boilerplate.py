"""Rules that recognise the non-prose pieces of a raw news file, one line at a time.

Each rule is general (a shape a careful editor would recognise), never a seed string: a
masthead is a run of short lines above the title with a newspaper name, a founding date or
site chrome; a caption ends in a parenthesised photo credit; a byline starts with "By"; a footer
points to the full story elsewhere. The lexicons below are the words those shapes hinge on.
"""

from __future__ import annotations

import re

from transforms.text.lexicon import NEWS_AGENCIES

# Words that end or make up a newspaper / agency name ("The Spokesman-Review", "Washington Post").
_OUTLET_WORDS_TEXT = """
newspaper news times post review herald tribune journal gazette chronicle guardian
telegraph observer independent standard examiner daily star sun mail globe courier press
record register bulletin dispatch inquirer sentinel monitor express mirror reuters ap afp
bloomberg agency wire service network radio tv television today insider hill axios politico
mercury republic democrat statesman leader argus advocate enquirer eagle times-union
kyodo xinhua tass interfax anadolu yonhap ria novosti associated agence france-presse
united international"""
OUTLET_WORDS = frozenset(_OUTLET_WORDS_TEXT.split())
# Agencies and words that mark a parenthesised photo credit: "(Igor Kobzev/AP)".
_CREDIT_WORDS = (
    r"AP|AFP|Reuters|Getty|Getty Images|TNS|EPA|EPA-EFE|Photo|Photos|Pool|Images|Sputnik|"
    r"Shutterstock|Bloomberg|PA|Xinhua|Anadolu|Alamy|Courtesy|Handout|File|Kremlin Pool"
)
_CREDIT_WORD = re.compile(rf"\b(?:{_CREDIT_WORDS})\b")
_TRAILING_PAREN = re.compile(r"\(([^()]{2,160})\)\s*$")
_AGENCY_TAG = re.compile(rf"\s\((?:{'|'.join(sorted(NEWS_AGENCIES))})\)\s*$")
# Site chrome scraped with the page: icon labels, buttons, ad slots.
_CHROME = re.compile(
    r"^(?:arrow-(?:right|left|up|down)\b.*|camera|menu|search|share(?: this)?|subscribe|"
    r"sign (?:in|up)|log ?in|advertisement|skip to (?:main )?content|close|print|email|"
    r"story continues below(?: advertisement)?|listen to (?:this )?article|copy (?:this )?link|"
    r"share this with|media playback is (?:unsupported|not supported) on your device)$",
    re.IGNORECASE,
)
# "Est. May 19, 1883", "Established 1851", "Founded in 1908": a masthead's founding line.
_FOUNDED = re.compile(
    r"\b(?:Est\.?|EST\.?|Established|Founded)\s+(?:in\s+)?(?:[A-Z][a-z]+\.? (?:\d{1,2},? )?)?"
    r"\d{4}\b"
)
_PLACE_LINE = re.compile(r"^[A-Z][\w.'’ -]+, [A-Z][\w.'’ -]+$")

FOOTER_SOURCE = re.compile(
    r"^(?:Read|See|View|Continue reading) (?:the )?(?:full|complete|original|rest of the) "
    r"(?:report|story|article)(?: at| on| in)? (?P<src>.+?)\.?$",
    re.IGNORECASE,
)
ORIGINAL_SOURCE = re.compile(
    r"^(?:This (?:article|story|report) )?(?:was )?(?:originally|first) (?:published|appeared)"
    r"(?: (?:in|on|at|by))? (?P<src>.+?)\.?$",
    re.IGNORECASE,
)
# Only short lines: "Copyright infringement cases rose ..." or "Sign up for the draft was
# slow ..." are prose.
_FOOTER_OTHER = re.compile(
    r"^(?:©|\(c\)\s|Copyright\s+(?:©|\(c\)|\d{4})|All rights reserved|"
    r"(?:Additional )?Reporting by\b|Editing by\b|Follow (?:us|him|her|them)\b|Sign up for\b|"
    r"Subscribe to\b|(?:Related(?: Topics)?|Read more|More on this story|More from)\s*:?\s*$|"
    r"Contact (?:the )?(?:author|reporter)\b|This story has been (?:updated|corrected)\b)",
    re.IGNORECASE,
)
_MAX_FOOTER_WORDS = 30
_CAPTION_LABEL = re.compile(r"^(?:Image caption|Caption|Photo caption)\s*[:,]?\s+\S", re.I)
_STANDALONE_CREDIT = re.compile(
    rf"^(?:\(?(?:Photo(?:graph)?|Image|Picture|Video)s?(?: credit| copyright| source)?"
    rf"(?:\s+by\s+|\s*[:/,]\s*)[^.]{{2,80}}\)?"
    rf"|Image (?:copyright|source)\b.*|\((?:[^()]*/)?(?:{_CREDIT_WORDS})(?:/[^()]*)?\)"
    rf"|(?:AP|AFP|Reuters|Getty Images|EPA)(?: Photo)?(?:/[A-Z][\w .-]+)?)$"
)
_BULLET = re.compile(r"^(?:[-*•–—]|\d+[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;,…][\"'”’)\]]*$")


def word_count(text: str) -> int:
    return len(text.split())


def is_prose(text: str) -> bool:
    """A paragraph of running text: ends like a sentence, or too long to be a heading."""
    return bool(_SENTENCE_END.search(text)) or word_count(text) > 20


def starts_like_heading(text: str) -> bool:
    """Capital, digit, quote, currency or entity first; lower case only in a brand ("iTunes")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first:
        return False
    if first[0].islower():
        return any(c.isupper() for c in first[1:])
    return not _BULLET.match(text)


def is_heading_shape(text: str) -> bool:
    """Short, capitalised, no closing punctuation: a title or subheading, not prose."""
    return (
        0 < word_count(text) <= 20
        and not _SENTENCE_END.search(text)
        and starts_like_heading(text)
        and any(c.isalpha() for c in text)
    )


def outlet_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^\w-]+", text.casefold()) if t]


def has_outlet_word(text: str) -> bool:
    tokens = outlet_tokens(text)
    return any(t in OUTLET_WORDS or any(p in OUTLET_WORDS for p in t.split("-")) for t in tokens)


def is_masthead_signal(text: str) -> bool:
    """A line that belongs to a newspaper's masthead or the site chrome around it."""
    if _CHROME.match(text) or _FOUNDED.search(text):
        return True
    return word_count(text) <= 6 and "newspaper" in outlet_tokens(text)


def is_masthead_line(text: str) -> bool:
    """Any line allowed inside a masthead block: a signal, an outlet name, or a place line."""
    if word_count(text) > 10 or _SENTENCE_END.search(text):
        return False
    return is_masthead_signal(text) or has_outlet_word(text) or bool(_PLACE_LINE.match(text))


def is_masthead_name(text: str) -> bool:
    """The masthead line that names the paper ("The Spokesman-Review Newspaper"), not its
    place, founding date or icons."""
    if _CHROME.match(text) or _FOUNDED.search(text) or _PLACE_LINE.match(text):
        return False
    return has_outlet_word(text)


def is_chrome(text: str) -> bool:
    return bool(_CHROME.match(text))


def is_caption(text: str) -> bool:
    """A paragraph ending in a parenthesised photo credit: "... Istanbul (Igor Kobzev/AP)"."""
    if _CAPTION_LABEL.match(text):
        return True
    match = _TRAILING_PAREN.search(text)
    if not match or match.start() == 0:
        return False
    return is_credit_text(match.group(1))


def agency_tag_start(text: str) -> int | None:
    """Where a bare agency tag closing a prose paragraph starts ("... he said. (AP)"), or None.

    Such a paragraph is prose with a credit, not a photo caption: the credit is cut off and
    the prose stays in the body.
    """
    match = _AGENCY_TAG.search(text)
    if match is None or not _SENTENCE_END.search(text[: match.start()].rstrip()):
        return None
    return match.start()


def is_credit_text(inner: str) -> bool:
    """The inside of a credit: "Adem Altan/Getty Images North America/TNS", "AP Photo"."""
    if sum(c.isdigit() for c in inner) > len(inner) / 3:
        return False
    if _CREDIT_WORD.search(inner):
        return True
    # "Jane Doe/The New York Times": photographer/outlet, written without spaces round "/";
    # a list item's "(Life Begins/ Von Trapped, ITV1)" or "(BBC Two/Sky One)" is no credit.
    pieces = inner.split("/")
    return (
        len(pieces) > 1
        and not re.search(r"\s/|/\s", inner)
        and all(p[:1].isupper() for p in pieces)
        and has_outlet_word(pieces[-1])
    )


def is_standalone_credit(text: str) -> bool:
    return word_count(text) <= 14 and bool(_STANDALONE_CREDIT.match(text))


def is_footer(text: str) -> bool:
    if word_count(text) > _MAX_FOOTER_WORDS:
        return False
    return bool(
        FOOTER_SOURCE.match(text) or ORIGINAL_SOURCE.match(text) or _FOOTER_OTHER.match(text)
    )
