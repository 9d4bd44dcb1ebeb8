"""Named-entity mentions from the one spaCy pass, with the boundary errors spaCy makes in
news prose repaired.

Mention offsets EXCLUDE titles, honorifics, a leading "the" and a possessive "'s": "Mr
Zelensky" gives the mention "Zelensky", "Zelenskyy’s" gives "Zelenskyy", "Defense Minister
Rustem Umerov" (spaCy: "Defense" ORG + "Umerov" PERSON) gives "Rustem Umerov" PERSON. So
`text` is always the name itself and aliases list spelling variants, not title variants.
The module also adds what spaCy missed: a name after a head title ("Minister Rustem Umerov"
untagged in seed 002) and a bare surname of a person the same article names in full
("Umerov suggested ..."). Each article's mentions depend on that article alone, so the flow
may extract new articles in any batch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import polars as pl
from spacy.tokens import Doc, Span, Token

from transforms.contract.schema import columns, conform
from transforms.entities.glued import split_glued_names
from transforms.entities.labels import vote
from transforms.entities.lexicon import (
    EDGE_CHARS,
    FUNCTION_WORDS,
    HEAD_TITLES,
    INNER_BREAKS,
    NAME_LABELS,
    NOBLE,
    POSSESSIVE_TOKENS,
    SEPARATORS,
    TITLE_HEADS,
    VERSUS,
)
from transforms.entities.names import is_strippable, is_title_only, name_key, word_key
from transforms.entities.party_tags import with_party_tag_states
from transforms.entities.place_heads import with_head_places
from transforms.entities.titles import title_before
from transforms.text.lexicon import NAME_PARTICLES

# The mention columns this stage fills; canonicalization adds mention_id and entity_id, the
# nlp stage sentence_id.
FILLED_LATER = ("mention_id", "entity_id", "sentence_id")


@dataclass
class _ArticleStats:
    """Casing and NORP statistics of one article, for a rule no word list covers: a
    capitalized word at a sentence start that the article otherwise writes only in lower
    case is an ordinary word ("Striker Didier Drogba"), not a first name."""

    lower: Counter[str] = field(default_factory=Counter)
    capital_mid: Counter[str] = field(default_factory=Counter)
    norp: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, doc: Doc) -> _ArticleStats:
        stats = cls()
        for ent in doc.ents:
            if ent.label_ == "NORP" and len(ent) == 1:
                stats.norp[ent[0].lower_] += 1
        for token in doc:
            if not token.is_alpha:
                continue
            if token.is_lower:
                stats.lower[token.lower_] += 1
            elif token.text[0].isupper() and not _at_sentence_start(token):
                stats.capital_mid[token.lower_] += 1
        return stats

    def ordinary_word(self, token: Token) -> bool:
        """A sentence-initial capitalized token the article never capitalizes elsewhere."""
        return (
            _at_sentence_start(token)
            and self.lower[token.lower_] > 0
            and self.capital_mid[token.lower_] == 0
        )

    def nationality(self, token: Token) -> bool:
        """A word the article tags NORP on its own ("Russian" in "seed Russian Mikhail
        Youzhny"): a descriptor, not a first name."""
        return self.norp[token.lower_] >= 1


def _at_sentence_start(token: Token) -> bool:
    """First word of a sentence, also after an opening quote or bracket."""
    doc = token.doc
    i = token.i
    while True:
        if i == 0 or doc[i].is_sent_start:
            return True
        prev = doc[i - 1]
        if not (prev.is_quote or prev.is_left_punct or prev.is_space):
            return False
        i -= 1


def _is_possessive(token: Token) -> bool:
    return token.tag_ == "POS" or token.text in POSSESSIVE_TOKENS


def _is_name_token(token: Token, stats: _ArticleStats) -> bool:
    """A token that may continue a name leftwards: capitalized proper noun outside any
    entity, not a title, not an ordinary word capitalized by its sentence position."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.ent_iob_ == "O"
        and not is_strippable(token.text)
        and not stats.ordinary_word(token)
        and not stats.nationality(token)
    )


def _title_run(doc: Doc, start: int, end: int) -> int:
    """End of the run of strippable words from `start` ("Secretary of State", "Labour MP"),
    or `start` if that run holds no office/honorific or leaves no name."""
    run_end = start
    while run_end < end - 1 and (
        is_strippable(doc[run_end].text)
        or (
            doc[run_end].lower_ == "of" and run_end > start and is_strippable(doc[run_end + 1].text)
        )
    ):
        run_end += 1
    words = {word_key(t.text) for t in doc[start:run_end]}
    if words & TITLE_HEADS and doc[run_end].lower_ != "of":
        return run_end
    return start


def _trim(
    doc: Doc, start: int, end: int, label: str, stats: _ArticleStats
) -> tuple[int, int, bool]:
    """Trim a token range to the name: edge punctuation, a leading "the", leading titles, a
    trailing possessive; for PERSON also leading lower-case words and sentence-initial
    ordinary words. Returns (start, end, saw_head_title)."""
    saw_head = False
    changed = True
    while changed and start < end:
        changed = False
        first = doc[start]
        if first.is_punct or first.is_space or _is_possessive(first):
            start += 1
            changed = True
        elif first.lower_ == "the" and (first.text == "the" or _at_sentence_start(first)):
            # A capital "The" inside a sentence is part of the name ("The Hague").
            start += 1
            changed = True
        elif (
            end - start > 1
            and is_strippable(first.text)
            and (run_end := _title_run(doc, start, end)) > start
        ):
            # Strip only a run that holds an office or honorific, so "Defence Ministry",
            # "Home Office" and "State Department" keep their first word.
            words = {word_key(t.text) for t in doc[start:run_end]}
            saw_head = saw_head or bool(words & HEAD_TITLES)
            start = run_end
            changed = True
        elif (
            label == "PERSON"
            and end - start > 1
            and (
                (first.text[:1].islower() and first.lower_ not in NAME_PARTICLES)
                or is_strippable(first.text)
                or stats.ordinary_word(first)
                or stats.nationality(first)
            )
        ):
            # A person's name never starts with a title, portfolio or party word, even
            # without an office after it: "Exchequer Gordon Brown" (spaCy's cut of
            # "Chancellor of the Exchequer Gordon Brown"), "Tories Ken Clarke"; nor with a
            # lower-case word or a capitalized ordinary one: "unbeaten Andy Roddick",
            # "Striker Didier Drogba", "Russian Mikhail Youzhny".
            start += 1
            changed = True
        last = doc[end - 1] if end > start else None
        if last is not None and (last.is_punct or last.is_space or _is_possessive(last)):
            # "U.S." is one token and not is_punct, so abbreviations survive.
            end -= 1
            changed = True
    return start, end, saw_head


def _candidate_spans(doc: Doc) -> Iterable[tuple[int, int, str]]:
    """spaCy entities with name labels, cut at separators and inner possessives."""
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        # A separator inside one entity joins two names: BBC's "Jonathan Kaplan - England",
        # "Begins/ Von Trapped", "Kremlin Pool Photo/AP", "Brentford v Manchester United".
        # A hyphen without spaces is part of a name ("Lvova-Belova") and stays.
        start = ent.start
        for t in ent:
            spaced_dash = t.text in SEPARATORS and bool(t.whitespace_)
            if t.i > ent.start and (spaced_dash or t.text in INNER_BREAKS or t.lower_ in VERSUS):
                if t.i > start:
                    yield from _split_possessive(doc[start : t.i], ent.label_)
                start = t.i + 1
        if start < ent.end:
            yield from _split_possessive(doc[start : ent.end], ent.label_)


def _split_possessive(span: Span, label: str) -> Iterable[tuple[int, int, str]]:
    """The span, or its possessor and head: "Istanbul’s Ciragan Palace" (one ORG for
    spaCy) is "Istanbul" and "Ciragan Palace". The possessor's label is decided from its
    other mentions in the article (extract_mentions); "?" + the span's label is the
    fallback."""
    cuts = [t.i for t in span if _is_possessive(t) and span.start < t.i < span.end - 1]
    if not cuts:
        yield span.start, span.end, label
        return
    yield span.start, cuts[0], "?" + label
    yield cuts[-1] + 1, span.end, label


def _honorific_before(doc: Doc, start: int) -> bool:
    """True if the token before `start` is a head title ("Mr", "President") in the same
    sentence: then the name is a person whatever label spaCy gave it."""
    if start == 0 or doc[start].is_sent_start:
        return False
    return word_key(doc[start - 1].text) in HEAD_TITLES


def _char_span(doc: Doc, text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens [start, end), minus stray edge characters a token may
    carry ("Forsyth/" in BBC text); an abbreviation's final period stays ("U.S.")."""
    a = doc[start].idx
    b = doc[end - 1].idx + len(doc[end - 1].text)
    while a < b and text[a] in EDGE_CHARS:
        a += 1
    while b > a and text[b - 1] in EDGE_CHARS:
        b -= 1
    return a, b


def _doc_mentions(doc: Doc, text: str, stats: _ArticleStats) -> list[tuple[int, int, str]]:
    """Repaired (start_char, end_char, label) mentions of one doc; a possessor's label is
    "?" + the label of the span it was cut from.
    `text` is `doc.text`, read once by the caller: spaCy rebuilds it on every access."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in split_glued_names(doc, _candidate_spans(doc), stats.nationality):
        start, end, saw_head = _trim(doc, start, end, label, stats)
        if start >= end:
            continue
        span: Span = doc[start:end]
        if not any(c.isalpha() for c in span.text):
            continue
        if is_title_only(span.text):
            continue  # "Defense" out of "Defense Minister", "State", "President"
        if span.text.lower() in FUNCTION_WORDS and not span.text.isupper():
            continue  # "Us" at a sentence start tagged GPE; "US" stays
        if (
            end - start == 1
            and _at_sentence_start(span[0])
            and span[0].pos_ not in ("PROPN", "NOUN")
            and label != "NORP"
        ):
            continue  # a sentence-initial adjective tagged ORG: "Fierce fighting has ..."
        if saw_head or _honorific_before(doc, start):
            label = "PERSON"  # "Mr Zelenskyy" tagged GPE, "President Bush" tagged ORG
        if label == "PERSON":
            # Extend leftwards over capitalized proper nouns spaCy left out: "Rustem" in
            # "Defense Minister Rustem Umerov". Title words stop the extension.
            while (
                start > 0 and _is_name_token(doc[start - 1], stats) and not doc[start].is_sent_start
            ):
                start -= 1
        a, b = _char_span(doc, text, start, end)
        if a < b:
            out.append((a, b, label))
    out.extend(_untagged_after_title(doc, text, out, stats))
    out.extend(_untagged_surnames(doc, text, out, stats))
    return with_party_tag_states(text, with_head_places(text, out))


def _untagged_surnames(
    doc: Doc, text: str, found: list[tuple[int, int, str]], stats: _ArticleStats
) -> list[tuple[int, int, str]]:
    """Surnames spaCy left untagged although the same article names the person in full.

    The small model misses a bare surname at the start of a sentence or after a closing
    quote ("Zelenskyy, speaking from Vilnius", "Umerov suggested" in seed 000). One name,
    one meaning per article: a capitalized token outside every mention that equals the last
    word of a PERSON mention of 2+ words in the same doc is that PERSON (left-extended like
    any PERSON, so an untagged "Rustem Umerov" is caught whole)."""
    surnames: set[str] = set()
    for start, end, label in found:
        words = text[start:end].split()
        if label == "PERSON" and len(words) > 1 and words[-1][:1].isupper():
            surnames.add(words[-1])
    if not surnames:
        return []
    covered = [False] * (len(text) + 1)
    for start, end, _ in found:
        covered[start:end] = [True] * (end - start)
    extra: list[tuple[int, int, str]] = []
    for token in doc:
        if (
            token.text not in surnames
            or covered[token.idx]
            or token.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB")
        ):
            continue
        start = token.i
        while (
            start > 0
            and _is_name_token(doc[start - 1], stats)
            and not doc[start].is_sent_start
            and not covered[doc[start - 1].idx]
        ):
            start -= 1
        extra.append((doc[start].idx, token.idx + len(token.text), "PERSON"))
    return extra


def _untagged_after_title(
    doc: Doc, text: str, found: list[tuple[int, int, str]], stats: _ArticleStats
) -> list[tuple[int, int, str]]:
    """Names spaCy missed after a head title: in seed 002 "led by Defense Minister Rustem
    Umerov" gives only "Defense" ORG. Capitalized proper nouns after "Minister", "Mr",
    "President" ... outside any entity are a PERSON. "General" is not a head title, so
    "General Motors" is not turned into a person."""
    covered = {c for start, end, _ in found for c in (start, end - 1)}
    extra: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc) - 1:
        if word_key(doc[i].text) not in HEAD_TITLES:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and _is_name_token(doc[j], stats) and not doc[j].is_sent_start:
            j += 1
        if j > i + 1:
            # A peerage title is part of the name ("Lord Nicholls"), an office is not.
            first = i if word_key(doc[i].text) in NOBLE else i + 1
            a, b = _char_span(doc, text, first, j)
            if a < b and not any(a <= c < b for c in covered):
                extra.append((a, b, "PERSON"))
        i = j
    return extra


def extract_mentions(article_ids: Sequence[str], docs: Sequence[Doc]) -> pl.DataFrame:
    """One row per repaired name mention: the entity_mentions columns but mention_id,
    entity_id and sentence_id (article_id, text, label, title, start_char, end_char); `title`
    is the title run printed before the mention (`entities.titles.title_before`) or None.

    `docs[i]` is the parse of the body of `article_ids[i]`; `text == doc.text[start:end]`.
    Non-name labels (CARDINAL, DATE, MONEY, ...) are dropped; titles, "the" and possessives
    are outside the offsets; an entity made only of title words is dropped. Each article's
    mentions depend on that article alone (casing statistics and label votes are per doc),
    so a mention and its id do not change with the batch an article arrives in.
    """
    if len(article_ids) != len(docs):
        raise ValueError(f"{len(article_ids)} article ids but {len(docs)} docs")
    rows: list[tuple[str, int, int, str, str, str | None]] = []
    for article_id, doc in zip(article_ids, docs, strict=True):
        rows.extend(_article_rows(article_id, doc))
    frame = pl.DataFrame(rows, schema=_ROW_TYPES, orient="row").with_columns(
        part_role=pl.lit("body"), part_id=pl.lit(None, pl.String)
    )  # body offsets; entities.captions re-labels the mentions of a caption's doc
    return conform(frame, "entity_mentions", without=FILLED_LATER)


# Field order and types (the table's) of the row tuples below. Inferred types failed on BBC:
# polars typed `title` null from a batch's first 100 mentions, then met a "former" after them.
_ROW_TYPES = {
    name: columns("entity_mentions")[name]
    for name in ("article_id", "start_char", "end_char", "text", "label", "title")
}


def _article_rows(article_id: str, doc: Doc) -> list[tuple[str, int, int, str, str, str | None]]:
    """The mention rows of one article, in offset order, overlaps removed."""
    body = doc.text
    found = sorted(_doc_mentions(doc, body, _ArticleStats.of(doc)))
    text_labels: dict[str, Counter[str]] = defaultdict(Counter)
    for start, end, label in found:
        if not label.startswith("?"):
            text_labels[name_key(body[start:end])][label] += 1
    rows: list[tuple[str, int, int, str, str, str | None]] = []
    last_end = -1
    for start, end, label in found:
        text = body[start:end]
        if label.startswith("?"):
            # A possessor cut out of a longer span ("Istanbul" of "Istanbul’s Ciragan
            # Palace", one ORG for spaCy) takes the label its text has elsewhere in the
            # article, else the span's; canonicalization votes over all articles anyway.
            votes = text_labels.get(name_key(text))
            label = vote(votes) if votes else label[1:]
        if start < last_end:
            continue  # a left extension reached into the previous mention: keep the first
        last_end = end
        rows.append((article_id, start, end, text, label, title_before(body, start)))
    return rows
