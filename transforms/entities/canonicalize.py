"""Entities: named-entity mentions from the one spaCy pass, then one canonical entity per
real person, place and organization across all articles.

Two steps, both pure:

1. `extract_mentions` reads `doc.ents` and repairs the boundary errors spaCy makes in news
   prose. Mention offsets EXCLUDE titles, honorifics, a leading "the" and a possessive "'s":
   "Mr Zelensky" gives the mention "Zelensky", "Zelenskyy’s" gives "Zelenskyy", "Defense
   Minister Rustem Umerov" (spaCy: "Defense" ORG + "Umerov" PERSON) gives "Rustem Umerov"
   PERSON. So `text` is always the name itself and aliases list spelling variants, not
   title variants. It also adds what spaCy missed: a name after a head title ("Minister
   Rustem Umerov" untagged in seed 002) and a bare surname of a person the same article
   names in full ("Umerov suggested ..."). Each article's mentions depend on that article
   alone, so the flow may extract new articles in any batch.
2. `canonicalize_entities` clusters mentions over the whole corpus: exact name keys (folded:
   "Çırağan" == "Ciragan", "U.S." == "US") across spaCy labels; spelling variants of full
   person names (rapidfuzz ratio, blocked by the surname's first letter); other names of 2+
   words differing in one word (Defence/Defense Ministry); NORP plurals; a surname alone
   resolved to the full name in the same article, else to the only full name in the corpus
   with that surname; hand pins from `warehouse/entity_aliases.csv` (merge, split, drop).

Everything is deterministic: clusters are built from sorted keys, names and labels are chosen
by counts with lexicographic tie-breaks, ids are `stable_id` over (label, key of name).
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import polars as pl
from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from transforms.entities.names import (
    HEAD_TITLES,
    NOBLE,
    SURNAME_RATIO,
    TITLE_HEADS,
    is_strippable,
    is_title_only,
    name_key,
    pick_name,
    same_person,
    strip_possessive,
    strip_titles,
    word_key,
)
from transforms.text.ids import stable_id

NAME_LABELS = frozenset(
    ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"]
)
# When one key carries several spaCy labels the majority wins; on a tie, the more specific
# place label wins over ORG (spaCy calls "Vilnius" ORG as often as GPE), PERSON last (a
# single capitalized word tagged PERSON is spaCy's most frequent guess: "Kyiv", "Luhansk").
LABEL_PRIORITY = ("GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                  "PERSON")

# Names of 2+ words other than people (ORG, FAC, ...) merge when exactly one word differs
# and that word's ratio reaches this: Defence~Defense 85.7, Appeals~Appeal 92.3,
# Disasters~Disaster 94.1. Known cost: Labour~Labor (90.9) would merge "Labour Party" with
# Australia's "Labor Party"; a split pin keeps them apart.
OTHER_WORD_RATIO = 85.0
# A surname alone, with no full name in its article, goes to the corpus's full name with
# that surname if it is the only one or has this many times the others' article count.
CORPUS_DOMINANCE = 10

MENTION_SCHEMA = {
    "article_id": pl.String,
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "text": pl.String,
    "label": pl.String,
}
ENTITY_SCHEMA = {
    "entity_id": pl.String,
    "name": pl.String,
    "label": pl.String,
    "aliases": pl.List(pl.String),
    "mention_count": pl.Int64,
    "article_count": pl.Int64,
}
PIN_SCHEMA = {
    "action": pl.String,
    "alias": pl.String,
    "label": pl.String,
    "canonical": pl.String,
}
PIN_ACTIONS = frozenset(["merge", "split", "drop"])

_WORDS = re.compile(r"[\w][\w.’'\-]*")
_POSSESSIVE_TOKENS = frozenset(["'s", "’s", "'", "’", "'S", "’S"])


# ---------------------------------------------------------------------------------------------
# 1. Mentions
# ---------------------------------------------------------------------------------------------


_NAME_PARTICLES = frozenset(
    ["de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al",
     "el", "bin", "ibn", "ben", "dos", "das", "ter", "y"]
)
_FUNCTION_WORDS = frozenset(
    ["us", "it", "we", "i", "he", "she", "they", "me", "him", "her", "them", "a", "an", "the",
     "this", "that", "these", "those", "who", "what", "there", "here"]
)
_SEPARATORS = frozenset(["-", "–", "—", "|"])
_INNER_BREAKS = frozenset(["/", ",", ";", ":", "(", ")", "[", "]"])
# Fixtures: "Brentford v Manchester United" is two clubs, not one PERSON.
_VERSUS = frozenset(["v", "v.", "vs", "vs.", "versus"])
_EDGE_CHARS = "/\\|-–—,;:!?\"'“”‘’()[]{}*#&+=<>~_"


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
    return token.tag_ == "POS" or token.text in _POSSESSIVE_TOKENS


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
        or (doc[run_end].lower_ == "of" and run_end > start
            and is_strippable(doc[run_end + 1].text))
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
        elif label == "PERSON" and end - start > 1 and (
            (first.text[:1].islower() and first.lower_ not in _NAME_PARTICLES)
            or is_strippable(first.text)
            or stats.ordinary_word(first)
            or stats.nationality(first)
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
            spaced_dash = t.text in _SEPARATORS and bool(t.whitespace_)
            if t.i > ent.start and (
                spaced_dash or t.text in _INNER_BREAKS or t.lower_ in _VERSUS
            ):
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
    while a < b and text[a] in _EDGE_CHARS:
        a += 1
    while b > a and text[b - 1] in _EDGE_CHARS:
        b -= 1
    return a, b


def _doc_mentions(doc: Doc, text: str, stats: _ArticleStats) -> list[tuple[int, int, str]]:
    """Repaired (start_char, end_char, label) mentions of one doc; a possessor's label is
    "?" + the label of the span it was cut from.
    `text` is `doc.text`, read once by the caller: spaCy rebuilds it on every access."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in _candidate_spans(doc):
        start, end, saw_head = _trim(doc, start, end, label, stats)
        if start >= end:
            continue
        span: Span = doc[start:end]
        if not any(c.isalpha() for c in span.text):
            continue
        if is_title_only(span.text):
            continue  # "Defense" out of "Defense Minister", "State", "President"
        if span.text.lower() in _FUNCTION_WORDS and not span.text.isupper():
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
                start > 0
                and _is_name_token(doc[start - 1], stats)
                and not doc[start].is_sent_start
            ):
                start -= 1
        a, b = _char_span(doc, text, start, end)
        if a < b:
            out.append((a, b, label))
    out.extend(_untagged_after_title(doc, text, out, stats))
    out.extend(_untagged_surnames(doc, text, out, stats))
    return out


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
        if token.text not in surnames or covered[token.idx] or token.pos_ not in (
            "PROPN", "NOUN", "ADJ", "VERB"
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
    """One row per repaired name mention: article_id, start_char, end_char, text, label.

    `docs[i]` is the parse of the body of `article_ids[i]`; `text == doc.text[start:end]`.
    Non-name labels (CARDINAL, DATE, MONEY, ...) are dropped; titles, "the" and possessives
    are outside the offsets; an entity made only of title words is dropped. Each article's
    mentions depend on that article alone (casing statistics and label votes are per doc),
    so a mention and its id do not change with the batch an article arrives in.
    """
    if len(article_ids) != len(docs):
        raise ValueError(f"{len(article_ids)} article ids but {len(docs)} docs")
    rows: list[tuple[str, int, int, str, str]] = []
    for article_id, doc in zip(article_ids, docs, strict=True):
        body = doc.text
        found = sorted(_doc_mentions(doc, body, _ArticleStats.of(doc)))
        text_labels: dict[str, Counter[str]] = defaultdict(Counter)
        for start, end, label in found:
            if not label.startswith("?"):
                text_labels[name_key(body[start:end])][label] += 1
        last_end = -1
        for start, end, label in found:
            text = body[start:end]
            if label.startswith("?"):
                # A possessor cut out of a longer span ("Istanbul" of "Istanbul’s Ciragan
                # Palace", one ORG for spaCy) takes the label its text has elsewhere in the
                # article, else the span's; canonicalization votes over all articles anyway.
                votes = text_labels.get(name_key(text))
                label = _vote(votes) if votes else label[1:]
            if start < last_end:
                continue  # a left extension reached into the previous mention: keep the first
            last_end = end
            rows.append((article_id, start, end, text, label))
    return pl.DataFrame(rows, schema=MENTION_SCHEMA, orient="row")


# ---------------------------------------------------------------------------------------------
# 2. Pins
# ---------------------------------------------------------------------------------------------


def read_pinned_aliases(csv_text: str) -> pl.DataFrame:
    """Parse `warehouse/entity_aliases.csv`: action,alias,label,canonical.

    - merge: every mention whose name key equals key(alias), under any spaCy label, belongs
      to the entity named `canonical` with label `label` (an empty label keeps the vote).
      `merge,Kyiv,GPE,Kyiv` also fixes the label of a name spaCy mislabels.
    - split: never put key(alias) and key(canonical) in one entity (fuzzy and surname rules
      both respect it), e.g. `split,Medvedev,PERSON,Medinsky`.
    - drop: mentions whose key equals key(alias) are not entities (`drop,Fierce,,`).
    Lines starting with "#" and blank lines are comments. An unknown action or label, or one
    alias merged into two entities, raises ValueError naming the line: a typo in the pin
    file fails the run instead of being ignored.
    """
    rows: list[dict[str, str | None]] = []
    header: list[str] | None = None
    merged_into: dict[str, str] = {}
    for lineno, line in enumerate(csv_text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rec = [c.strip() for c in next(csv.reader([line]))]
        if header is None:
            header = [h.lower() for h in rec]
            if header[:4] != list(PIN_SCHEMA):
                raise ValueError(f"entity aliases: header must be {','.join(PIN_SCHEMA)}")
            continue
        rec += [""] * (4 - len(rec))
        action, alias, label, canonical = (rec[0].lower(), rec[1], rec[2].upper(), rec[3])
        where = f"entity aliases line {lineno}"
        if action not in PIN_ACTIONS:
            raise ValueError(f"{where}: unknown action {rec[0]!r}")
        if not alias or (action != "drop" and not canonical):
            raise ValueError(f"{where}: {action} needs alias and canonical")
        if label and label not in NAME_LABELS:
            raise ValueError(f"{where}: unknown label {rec[2]!r}")
        if action == "merge":
            # One alias, one target: two merges of the same alias would depend on file order.
            previous = merged_into.setdefault(name_key(alias), name_key(canonical))
            if previous != name_key(canonical):
                raise ValueError(f"{where}: {alias!r} is already merged into another entity")
        rows.append(
            {"action": action, "alias": alias, "label": label or None,
             "canonical": canonical or None}
        )
    return pl.DataFrame(rows, schema=PIN_SCHEMA)


@dataclass
class _Pins:
    drop: set[str] = field(default_factory=set)
    merge: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    split: set[frozenset[str]] = field(default_factory=set)

    @classmethod
    def from_frame(cls, pinned: pl.DataFrame | None) -> _Pins:
        pins = cls()
        if pinned is None:
            return pins
        for row in pinned.sort(["action", "alias", "canonical"], nulls_last=True).iter_rows(
            named=True
        ):
            alias_key = name_key(row["alias"])
            if row["action"] == "drop":
                pins.drop.add(alias_key)
            elif row["action"] == "merge":
                pins.merge[alias_key] = (name_key(row["canonical"]), row["label"],
                                         row["canonical"])
            elif row["action"] == "split":
                pins.split.add(frozenset([alias_key, name_key(row["canonical"])]))
        return pins


# ---------------------------------------------------------------------------------------------
# 3. Canonicalization
# ---------------------------------------------------------------------------------------------


class _UnionFind:
    """Clusters of keys. The root is the smallest key, so results do not depend on order;
    a union that would join two keys pinned apart is refused."""

    def __init__(self, split: set[frozenset[str]]) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.split = split

    def add(self, key: str) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = {key}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def apart(self, a: str, b: str) -> bool:
        """True if some pin keeps a member of a's cluster apart from one of b's."""
        if not self.split:
            return False
        ma, mb = self.members[self.find(a)], self.members[self.find(b)]
        return any(frozenset([x, y]) in self.split for x in ma for y in mb)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.apart(ra, rb):
            return False
        root, child = (ra, rb) if ra < rb else (rb, ra)
        self.parent[child] = root
        self.members[root] |= self.members.pop(child)
        return True


def _vote(votes: Counter[str]) -> str:
    """Majority label; ties broken by LABEL_PRIORITY."""
    return min(votes, key=lambda lab: (-votes[lab], _priority(lab)))


def _group(label: str) -> str:
    """Label family for merges: places and organizations mix in spaCy's output."""
    return "PLACE_ORG" if label in ("GPE", "LOC", "FAC", "ORG") else label


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


@dataclass
class _Decision:
    """One merge taken by a rule, kept for the benchmark report."""

    rule: str
    alias: str  # name key that was merged
    into: str  # cluster root key it was merged into
    article_id: str | None = None  # for surname rules: where the surname stood


@dataclass
class Canonicalization:
    """Internal result with the merge log; `canonicalize_entities` returns the frames."""

    entities: pl.DataFrame
    mentions: pl.DataFrame
    decisions: list[_Decision]


def canonicalize_entities(
    mentions: pl.DataFrame, pinned: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster mentions into canonical entities; return (entities, mentions).

    entities: entity_id, name, label, aliases (sorted distinct spellings), mention_count,
    article_count. mentions: the input plus mention_id and entity_id (pin-dropped mentions
    are removed). Same input in any row order gives the same ids and names.
    """
    result = canonicalize_with_log(mentions, pinned)
    return result.entities, result.mentions


def canonicalize_with_log(
    mentions: pl.DataFrame, pinned: pl.DataFrame | None = None
) -> Canonicalization:
    """`canonicalize_entities` plus the list of merge decisions (for measurement)."""
    pins = _Pins.from_frame(pinned)
    frame = mentions.select(list(MENTION_SCHEMA)).sort(["article_id", "start_char", "end_char"])
    keys = [name_key(t) for t in frame["text"].to_list()]
    frame = frame.with_columns(pl.Series("_key", keys, dtype=pl.String))
    frame = frame.filter(~pl.col("_key").is_in(sorted(pins.drop)) & (pl.col("_key") != ""))
    rows = frame.select("article_id", "_key", "label").rows()
    decisions: list[_Decision] = []

    # Label votes per key, over the whole corpus.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for _, key, label in rows:
        votes[key][label] += 1

    uf = _UnionFind(pins.split)
    for key in sorted(votes):
        uf.add(key)

    # Pins first, so the rules below build on them.
    for alias_key, (canon_key, _, _) in sorted(pins.merge.items()):
        if alias_key in votes:
            uf.add(canon_key)
            uf.union(alias_key, canon_key)
            decisions.append(_Decision("pin", alias_key, canon_key))

    # (a) Full person names: spelling variants and missing middle names. Blocked by the
    # surname's first letter, and inside a block rapidfuzz's cdist (C++) finds the surname
    # pairs above SURNAME_RATIO, so the Python check runs only on candidate pairs.
    full_names = sorted(k for k, v in votes.items() if " " in k and _vote(v) == "PERSON")
    by_last: dict[str, list[str]] = defaultdict(list)
    for key in full_names:
        by_last[key.rsplit(" ", 1)[1]].append(key)
    letter_blocks: dict[str, list[str]] = defaultdict(list)
    for last in sorted(by_last):
        letter_blocks[last[:1]].append(last)
    for lasts in letter_blocks.values():
        scores = process.cdist(lasts, lasts, scorer=fuzz.ratio, score_cutoff=SURNAME_RATIO)
        for i, j in zip(*scores.nonzero(), strict=True):
            if j < i:
                continue
            names_i, names_j = by_last[lasts[i]], by_last[lasts[j]]
            for a in names_i:
                for b in names_j:
                    if (
                        a < b
                        and uf.find(a) != uf.find(b)
                        and same_person(a.split(), b.split())
                        and uf.union(a, b)
                    ):
                        decisions.append(_Decision("fuzzy_full_name", b, a))

    # (a1) A first initial ("G Dempsey" in a team sheet) joins the one full name with that
    # surname and initial. Two candidates (BBC: "M Williams" may be Martyn or Matt Williams)
    # leave it alone.
    for key in full_names:
        words = key.split()
        if len(words[0]) != 1:
            continue
        roots = {
            uf.find(k)
            for k in by_last[words[-1]]
            if len(k.split()[0]) > 1 and k[0] == key[0]
        }
        roots = {r for r in roots if not uf.apart(r, key)}
        if len(roots) == 1:
            root = next(iter(roots))
            if uf.find(key) != root and uf.union(key, root):
                decisions.append(_Decision("initial", key, root))

    # (a2) Other names of 2+ words that differ in one word by spelling: "Defence Ministry" ~
    # "Defense Ministry" (85.7), "Court of Appeals" ~ "Court of Appeal". Single words are
    # never fuzzy-merged: Australia ~ Austria is 87.5, Union ~ Unison 90.9 on the BBC.
    # Blocking by "all words but one" signatures finds the candidates without all pairs.
    signatures: dict[tuple[int, int, tuple[str, ...]], list[str]] = defaultdict(list)
    for key in sorted(votes):
        if " " not in key or _vote(votes[key]) == "PERSON":
            continue
        words = key.split()
        for p in range(len(words)):
            signatures[(len(words), p, tuple(words[:p] + words[p + 1 :]))].append(key)
    for (_, p, _), keys_ in sorted(signatures.items()):
        for i, a in enumerate(keys_):
            for b in keys_[i + 1 :]:
                wa, wb = a.split()[p], b.split()[p]
                if (
                    min(len(wa), len(wb)) >= 4
                    and fuzz.ratio(wa, wb) >= OTHER_WORD_RATIO
                    and _group(_vote(votes[a])) == _group(_vote(votes[b]))
                    and uf.find(a) != uf.find(b)
                    and uf.union(a, b)
                ):
                    decisions.append(_Decision("fuzzy_other_name", b, a))

    # (a3) Plural group names: "Americans" -> "American", "Conservatives" -> "Conservative".
    for key in sorted(votes):
        singular = key[:-1]
        if (
            key.endswith("s")
            and singular in votes
            and _vote(votes[key]) == _vote(votes[singular]) == "NORP"
            and uf.find(key) != uf.find(singular)
            and uf.union(singular, key)
        ):
            decisions.append(_Decision("plural_norp", key, singular))

    # (b) A surname alone: the full name with that surname in the same article, else the one
    # full name in the corpus with it. Never a first name alone: the index is by last token.
    by_surname_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_surname: dict[str, set[str]] = defaultdict(set)
    full_set = set(full_names)
    for article_id, key, _ in rows:
        if key in full_set:
            by_surname_article[(article_id, key.rsplit(" ", 1)[1])].add(key)
    for key in full_names:
        by_surname[key.rsplit(" ", 1)[1]].add(key)

    # A surname is resolved once per (article, key), so all its mentions in an article go
    # the same way. It is person-like if the corpus mostly tags it PERSON or the article
    # tags it PERSON at least once; otherwise a GPE "Ireland" would join "James Ireland".
    person_in_article = {(a, k) for a, k, lab in rows if lab == "PERSON"}
    cluster_articles: dict[str, set[str]] = defaultdict(set)
    for article_id, key, _ in rows:
        if key in full_set:
            cluster_articles[uf.find(key)].add(article_id)
    first_names = {k.split(" ", 1)[0] for k in full_names}
    surname_rule: dict[tuple[str, str], tuple[str, str]] = {}
    for article_id, key in sorted({(a, k) for a, k, _ in rows}):
        if " " in key or key in pins.merge:
            continue
        person_like = (article_id, key) in person_in_article or (
            votes[key]["PERSON"] * 2 >= sum(votes[key].values())
        )
        if not person_like:
            continue
        local = {uf.find(k) for k in by_surname_article.get((article_id, key), ())}
        local = {r for r in local if not uf.apart(r, key)}
        if len(local) == 1:
            surname_rule[(article_id, key)] = ("surname_in_article", next(iter(local)))
        elif (
            not local
            and (article_id, key) in person_in_article
            and votes[key]["PERSON"] * 2 >= sum(votes[key].values())
            and key not in first_names
        ):
            # Corpus-wide only for a word tagged PERSON here and mostly PERSON overall; never
            # for a word that starts a full name ("Arnold" alone may be Arnold
            # Schwarzenegger); and only for a full name that recurs in 2+ articles (a
            # one-article "Richard Nicholls" is weak evidence for "Lord Nicholls" elsewhere,
            # "Qrio Robot" for "I, Robot") and that is the only one with this surname, or
            # dominates the others CORPUS_DOMINANCE to 1 in articles (Tony Blair, 154
            # articles, against Cherie and Lionel Blair).
            ranked = sorted(
                {uf.find(k) for k in by_surname.get(key, ())},
                key=lambda r: (-len(cluster_articles[r]), r),
            )
            ranked = [r for r in ranked if not uf.apart(r, key)]
            top = ranked[0] if ranked else None
            others = sum(len(cluster_articles[r]) for r in ranked[1:])
            if (
                top is not None
                and len(cluster_articles[top]) >= 2
                and len(cluster_articles[top]) >= CORPUS_DOMINANCE * others
            ):
                rule = "surname_in_corpus" if others == 0 else "surname_in_corpus_dominant"
                surname_rule[(article_id, key)] = (rule, top)
    resolved = [
        uf.find(surname_rule[(a, k)][1]) if (a, k) in surname_rule else uf.find(k)
        for a, k, _ in rows
    ]

    # (c) Record the surname merges, once per (article, surname).
    for (article_id, key), (rule, root) in sorted(surname_rule.items()):
        decisions.append(_Decision(rule, key, uf.find(root), article_id))

    # A mention resolved as a person's surname votes PERSON, whatever spaCy called it
    # ("Bellamy" tagged ORG 20 times next to "Craig Bellamy").
    as_person = [(a, k) in surname_rule for a, k, _ in rows]
    frame = frame.with_columns(
        pl.Series("_cluster", resolved, dtype=pl.String),
        pl.Series("_as_person", as_person, dtype=pl.Boolean),
    )
    pin_roots = {
        uf.find(canon_key): (label, canonical)
        for canon_key, label, canonical in sorted(pins.merge.values(), key=str)
        if canon_key in uf.parent
    }
    return _build_tables(frame, pin_roots, decisions)


def _build_tables(
    frame: pl.DataFrame,
    pin_roots: dict[str, tuple[str | None, str]],
    decisions: list[_Decision],
) -> Canonicalization:
    """Pick name and label per cluster, compute ids and counts."""
    clusters: dict[str, dict[str, Counter[str]]] = defaultdict(
        lambda: {"text": Counter(), "label": Counter(), "key": Counter()}
    )
    for text, label, key, cluster, as_person in frame.select(
        "text", "label", "_key", "_cluster", "_as_person"
    ).rows():
        c = clusters[cluster]
        c["text"][text] += 1
        c["label"]["PERSON" if as_person else label] += 1
        c["key"][key] += 1

    entity_of_cluster: dict[str, tuple[str, str, str]] = {}
    for cluster, c in clusters.items():
        has_full_person = any(" " in k for k in c["key"]) and c["label"]["PERSON"] > 0
        label_votes = Counter(c["label"])
        if not has_full_person and len(label_votes) > 1:
            # Single words only: spaCy's PERSON guess loses to any other label it gave.
            label_votes.pop("PERSON", None)
        label = _vote(label_votes)
        name = pick_name(c["text"])
        pinned = pin_roots.get(cluster)
        if pinned is not None:
            pin_label, pin_name = pinned
            label = pin_label or label
            name = pin_name
        entity_of_cluster[cluster] = (label, name, stable_id("ent", label, name_key(name)))

    ids = [entity_of_cluster[c][2] for c in frame["_cluster"].to_list()]
    mention_ids = [
        stable_id("men", a, s) for a, s in frame.select("article_id", "start_char").rows()
    ]
    frame = frame.with_columns(
        pl.Series("entity_id", ids, dtype=pl.String),
        pl.Series("mention_id", mention_ids, dtype=pl.String),
    )
    # Two clusters can land on one (label, name key) id, e.g. after a pin; they are one
    # entity by definition, so counts are aggregated by entity_id, and the name/label of
    # the entity with the smallest cluster key wins.
    meta = (
        pl.DataFrame(
            sorted((cl, eid, name, label) for cl, (label, name, eid) in entity_of_cluster.items()),
            schema={"cluster": pl.String, "entity_id": pl.String, "name": pl.String,
                    "label": pl.String},
            orient="row",
        )
        .unique("entity_id", keep="first", maintain_order=True)
        .drop("cluster")
    )
    del_cols = ["_key", "_cluster", "_as_person"]
    stats = frame.group_by("entity_id").agg(
        pl.col("text").unique().sort().alias("aliases"),
        pl.len().cast(pl.Int64).alias("mention_count"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("article_count"),
    )
    entities = (
        meta.join(stats, on="entity_id", how="inner")
        .with_columns(
            pl.concat_list("aliases", "name")
            .list.unique()
            .list.sort()
            .alias("aliases")
        )
        .select(list(ENTITY_SCHEMA))
        .sort(["mention_count", "entity_id"], descending=[True, False])
    )
    mentions_out = frame.drop(del_cols).select(
        *MENTION_SCHEMA, "mention_id", "entity_id"
    )
    return Canonicalization(entities, mentions_out, decisions)


# ---------------------------------------------------------------------------------------------
# 4. Resolving free text (claim attributions)
# ---------------------------------------------------------------------------------------------


def resolve_names(names: Sequence[str | None], entities: pl.DataFrame) -> list[str | None]:
    """Map free text ("Umerov", "Russia's Defence Ministry", "Kyiv", "Ukraine's air force")
    to an entity_id, else None.

    First the whole text (titles stripped) against the keys of every name and alias, and a
    lone surname against the last word of exactly one PERSON. Then the longest run of words
    inside the text that starts and ends with a capital and matches: "Russia's Defence
    Ministry" -> "Defence Ministry", "Kharkiv Mayor Ihor Terekhov" -> "Ihor Terekhov",
    "Ukraine's air force" -> "Ukraine". Two different entities at that length ("Russian and
    Ukrainian officials") give None rather than a guess. A key shared by several entities
    goes to the one with the most mentions.
    """
    index: dict[str, tuple[int, str]] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for eid, name, label, aliases, count in entities.select(
        "entity_id", "name", "label", "aliases", "mention_count"
    ).rows():
        for text in {name, *(aliases or [])}:
            key = name_key(text)
            if key and (key not in index or (count, eid) > index[key]):
                index[key] = (count, eid)
            if label == "PERSON" and " " in key:
                surnames[key.rsplit(" ", 1)[1]].add(eid)

    def lookup(text: str) -> str | None:
        key = name_key(text)
        if not key or is_title_only(text):
            return None
        if key in index:
            return index[key][1]
        if " " not in key and len(surnames.get(key, ())) == 1:
            return next(iter(surnames[key]))
        return None

    out: list[str | None] = []
    for raw in names:
        if raw is None or not raw.strip():
            out.append(None)
            continue
        text = strip_titles(raw.strip())
        found = lookup(text)
        words = [strip_possessive(w) for w in _WORDS.findall(text)]
        for n in range(len(words) - 1, 0, -1):
            if found is not None:
                break
            hits = {
                hit
                for i in range(len(words) - n + 1)
                if words[i][:1].isupper() and words[i + n - 1][:1].isupper()
                and (hit := lookup(" ".join(words[i : i + n]))) is not None
            }
            if len(hits) > 1:
                break  # "Russian and Ukrainian officials": two sources, no single entity
            found = next(iter(hits), None)
        out.append(found)
    return out
