"""Numeric claims: every number a reader would check in a body, normalized into one row each.

`extract_claims(article_ids, docs)` reads the spaCy `Doc`s of article bodies (parsed once by
`transforms.nlp.pipeline.parse`) and returns a polars frame with the
columns of `numeric_claims` this stage fills (`CLAIM_COLUMNS`). The stage walks
doc's tokens once, and only tokens that can be part of a number (spaCy's `like_num`, a digit, or
a small set of number words: "dozen", "hundreds", "half", "third", ordinals) are looked at;
everything else is decided from the neighbouring tokens and the dependency parse.

Offsets and quote
    `start_char`/`end_char` index the body; `quote == body[start_char:end_char]` always. The
    quote is the number as a reader sees it: bound words, currency symbol, number words,
    multiplier, "percent" and hyphen-glued units are inside ("more than 6,000", "£1,400",
    "1.2 million", "about 20 percent", "620-mile", "one-fifth", "two to three",
    "between June 20 and 30"); a separate counted noun or unit noun is not ("6,000" of
    "6,000 bodies", "two to three" of "two to three days": the noun goes to `subject` / `unit`).

Bound semantics (value_low/value_high is the closed interval the wording allows)
    exact      "6,000"                      [v, v]
    approx     "about/roughly/around/some"  [v*(1-APPROX_TOLERANCE), v*(1+APPROX_TOLERANCE)]
    approx     "nearly/almost/close to"     [v*(1-APPROX_TOLERANCE), v]  (from below only)
    at_least   "at least", "no fewer than"  [v, null]
    more_than  "more than/over/just over"   [v, null]; closed at v on purpose: "more than 6,000"
               is how news rounds 6,000-and-some, so it must stay compatible with "6,000"
    at_most    "at most/fewer than/under"   [0, v]
    up_to      "up to/as many as"           [0, v]
    range      "two to three", "between June 20 and 30", "2004-05"  [low, high], value =
               midpoint (for dates value = low: the midpoint of two yyyymmdd codes is no date)
    Vague quantities are ranges by a fixed convention (numerals.VAGUE_PLURALS/VAGUE_PREFIXES):
    "dozens" 24..99, "hundreds" 200..999, "thousands" 2,000..9,999, "several hundred" 300..900,
    "a few thousand" 2,000..5,000. "a dozen" is exactly 12. null means unbounded. Dates and
    ordinals are never widened. A parenthesised conversion ("roughly 1,000-kilometer
    (620-mile)") inherits the bound of the number it converts.

Kinds and units
    count     unit null; `subject` is the lemma of the counted noun ("soldier", "drone").
    percent   value is a share in 0..1 (20 percent -> 0.2), unit "share", original_value 20,
              original_unit "percent"; subject is the noun after "of" ("20 percent of
              territory") or what a change verb says changed ("Shares sank 14.87%" -> share).
    fraction  share in 0..1 ("one-fifth" -> 0.2), unit "share", original_value is the numerator,
              original_unit the denominator word ("fifth").
    money     value in units of the currency, unit = currency = "GBP"/"USD"/"EUR"/...;
              "$3bn" -> 3e9 USD; pence -> GBP * 0.01 (original kept).
    distance  canonical km (620-mile -> 997.79 km), original_value 620, original_unit "mile".
    duration  unit "day"/"hour"/"week"/"month"/"year"/... as written, no conversion.
    date      value encodes the date, unit names the encoding: "yyyymmdd" (June 2, 2025 ->
              20250602), "mmdd" (May 16 -> 516), "yyyymm" (March 2022 -> 202203),
              "year" (2022). Dates and years are never counts.
    ordinal   "second round", "18th package", "2nd": value 2, 18, 2; subject the noun. Ranks
              count too: "Japan's third-largest bank", "fourth-quarter", "world number one".
    age       "aged 25", "under the age of 25", "25-year-old man", "Aguilera, 23," (unit
              "year"); "in their 30s" is the range 30..39.
    other     scores ("2-1": one claim, value 2, unit "score"), times of day ("6pm",
              "1300 GMT", unit "time_of_day"), glued technical units ("2.9Mbps", "2kW", unit
              as written), formats with unequal sides.

Scope
    per_side when the wording says so ("6,000 bodies each", "from/for/on each side", "on both
    sides", "each side freeing 1,000"); total when it says "in total"/"combined" or when the
    same sentence restates it per side ("12,000 dead soldiers, or 6,000 for each side": the
    12,000 row is total with per_side_value 6,000, the 6,000 row per_side with 6,000, so both
    readings of one claim carry the same per_side_value); unknown otherwise.

Choices written down
    "52 out of 80 drones" gives two count claims (52 and 80), both with subject "drone".
    A range shares its multiplier and unit: "between 200 and 250 million" is 2e8..2.5e8,
    "$3-4bn" 3e9..4e9 USD, "two to three days" 2..3 day, also inside one spaCy token
    ("£40m-£50m", "8%-10%", "$24-$26"). Small integers joined by a hyphen with nothing measured
    after them are scores ("2-1", "lost 1-2"), not ranges. A change is not a range: "rose from
    5% to 7%" and "rose 2.8% to 14.96bn" are two claims each. "a/an" + a time unit is one
    unit ("after an hour of discussions", "more than a year", "a year and a half" = 1.5),
    except in rates and frequencies ("£1bn a year", "80,000 barrels a day", "twice a week"),
    whose number is the claim.
    "1,000-for-1,000" is one claim: value 1,000, kind count, scope per_side, subject taken from
    the nearest earlier count in the sentence ("POWs"). "one missile", "one step closer" are
    emitted as counts (a nummod "one"); a pronoun "one" ("including one that hit") is not.
    Capitalised number words inside a sentence are names ("Group of Seven", "Bucharest Nine")
    and are skipped, as are numerals inside a name entity after a proper noun ("Channel 4",
    "PlayStation 2"), model numbers ("777-200LR") and numerals glued to a capital ("3G").
    Ordinal words count only when they modify a noun or stand for one ("the second struck a
    road"), not as adverbs ("first proposed", "at first").
    attributed_to is the text of the sentence's source: the subject of a speech verb that
    reports a clause and governs the number (or of the sentence's own speech verb), else
    "according to X"; "he"/"she" resolve to the latest earlier singular speaker of the article
    (a heuristic, not coreference); a sentence inside a quotation with no speech verb takes the
    nearest speaker of its paragraph. Reported speech that continues in the next unquoted
    sentence is not followed (attributed_to stays null there).

Modules
    This module is the stage: it runs the rules over each number and builds the rows.
    `candidates` finds the tokens that may start a number; `reader` (with `number_words` and
    `odd_numerals`) reads one bare number into a `record.Claim`; `dates`, `units`, `ranges`,
    `bounds` and `names` read its context; `subjects` finds the counted noun, `scope` the
    per-side/total reading, `attribution` the speaker. Word lists are `lexicon` and
    `numerals`.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
from spacy.tokens import Doc, Span

from transforms.claims.attribution import Speakers
from transforms.claims.bounds import apply_prefix
from transforms.claims.candidates import candidates
from transforms.claims.dates import as_date
from transforms.claims.lexicon import CURRENCY_WORDS, NON_NEGATIVE_KINDS
from transforms.claims.measure import (
    change_target,
    compound_text,
    direction,
    measured_noun,
    modality,
    owner,
    time_ref,
)
from transforms.claims.names import listed_after_name, name_end
from transforms.claims.ranges import read_range
from transforms.claims.reader import read_number
from transforms.claims.record import Claim
from transforms.claims.scope import apply_scope, restate_total
from transforms.claims.subjects import counted_noun, fallback_subject, noun_text
from transforms.claims.units import apply_units, finish_kind, race_metres
from transforms.contract.schema import columns
from transforms.text.ids import stable_id

APPROX_TOLERANCE = 0.1

# The columns this stage fills, in schema.sql's order (rows below are built in that order);
# the sentence, the entity link, the comparison key and the group come from later stages.
CLAIM_COLUMNS: dict[str, pl.DataType] = columns(
    "numeric_claims",
    without=(
        "sentence_id", "attributed_entity_id", "subject_key", "compare_low", "compare_high",
        "group_id",
    ),
)  # fmt: skip


def read_claims(doc: Doc, i: int, named: set[int] | None = None) -> tuple[list[Claim], int]:
    """All claims of the number expression starting at token i, and the next token to read.

    `named` collects the starts of numbers skipped as names, so a list continuing a name
    ("Windows 95, 98 and 2000") is skipped too."""
    claim = read_number(doc, i)
    if claim is None:
        return [], i + 1
    named = set() if named is None else named
    skip_to = name_end(doc, claim)
    if skip_to is None and listed_after_name(doc, claim, named):
        skip_to = claim.end
    if skip_to is not None:
        named.add(claim.start)
        return [], skip_to
    claims = [claim]
    race_metres(doc, claim)
    if not as_date(doc, claim):
        apply_units(doc, claim)
    second = read_range(doc, claim)
    if second is not None:
        claims.extend(second)
    apply_prefix(doc, claim)
    if claim.bound == "range" and claim.low is not None and claim.high is not None:
        # Midpoint of a range; a date range keeps its first day (a midpoint of codes is no date).
        claim.value = claim.low if claim.kind == "date" else (claim.low + claim.high) / 2
    for c in claims:
        finish_kind(c)
    return claims, max(c.end for c in claims)


def _doc_claims(doc: Doc, text: str) -> list[Claim]:
    claims: list[Claim] = []
    named: set[int] = set()
    next_free = 0
    for i in candidates(doc):
        if i < next_free:
            continue
        found, next_free = read_claims(doc, i, named)
        claims.extend(found)
    if not claims:
        return claims
    speakers = Speakers(doc, text)
    sent_cache: dict[int, Span] = {}
    sentence_speaker: dict[tuple[int, int], str | None] = {}
    for claim in claims:
        tok = doc[claim.anchor]
        sent = tok.sent
        sent_cache[claim.start] = sent
        if claim.kind not in ("date",):
            noun = counted_noun(doc, claim)
            if claim.subject is None and noun is not None:
                claim.subject = noun_text(noun)
            apply_scope(doc, claim, noun)
            _measure(doc, claim, noun, sent)
        key = (sent.start, claim.anchor)
        if key not in sentence_speaker:
            sentence_speaker[key] = speakers.speaker(tok, sent)
        claim.speaker = sentence_speaker[key]
    _link_within_sentences(doc, claims, sent_cache)
    return claims


def _measure(doc: Doc, claim: Claim, noun, sent: Span) -> None:
    """Subject of a sum or share with no counted noun, owner, time, direction, modality."""
    if claim.kind in ("ordinal", "other"):
        return
    changed = change_target(noun) if noun is not None else None
    if changed is not None and claim.kind in ("money", "percent", "fraction"):
        claim.subject, noun = compound_text(changed), changed  # "a 2% rise in prices"
    if claim.kind == "money" and claim.subject in CURRENCY_WORDS:
        claim.subject = None  # "the 4bn euros it held": the currency is the unit, not the thing
    if claim.subject is None and claim.kind in ("money", "percent", "fraction"):
        measured, act = measured_noun(doc, claim)
        if measured is not None:
            noun = measured
            claim.subject = compound_text(measured)
        else:
            claim.subject = act
    claim.owner = owner(doc, claim, noun)
    claim.time_ref = time_ref(doc, claim, sent)
    claim.direction = direction(doc, claim)
    claim.modality = modality(doc, claim, noun)


def _link_within_sentences(doc: Doc, claims: list[Claim], sents: dict[int, Span]) -> None:
    """Ratios, formats, per-side restatements and bare counts, which need their neighbours."""
    for k, claim in enumerate(claims):
        sent = sents[claim.start]
        if k > 0 and claim.start >= 2 and doc[claim.start - 1].text == "(":
            # "roughly 1,000-kilometer (620-mile)": the conversion carries the same bound.
            prev = claims[k - 1]
            if prev.end == claim.start - 1 and prev.kind == claim.kind and claim.bound == "exact":
                claim.bound = prev.bound
        if claim.subject_from >= 0:
            whole = next((c for c in claims if c.start <= claim.subject_from < c.end), None)
            if whole is not None and whole.subject:
                claim.subject = whole.subject
        if claim.kind != "count":
            continue
        earlier = _earlier_counts(claims, k, sent)
        if claim.inherit_subject:
            claim.subject = next((c.subject for c in reversed(earlier) if c.subject), None)
        if claim.scope == "per_side":
            restate_total(claim, earlier)
        if claim.subject is None:
            claim.subject = fallback_subject(doc, claim, sent)


def _earlier_counts(claims: list[Claim], k: int, sent: Span) -> list[Claim]:
    """The counts before claims[k] in its sentence, in body order (walking back only that far)."""
    earlier = []
    for j in range(k - 1, -1, -1):
        c = claims[j]
        if c.start < sent.start:
            break
        if c.kind == "count":
            earlier.append(c)
    earlier.reverse()
    return earlier


def _interval(claim: Claim) -> tuple[float | None, float | None]:
    v = claim.value
    if claim.bound == "range":
        return claim.low, claim.high
    if claim.kind in ("date", "ordinal"):
        return v, v
    floor = 0.0 if claim.kind in NON_NEGATIVE_KINDS else None
    match claim.bound:
        case "approx":
            return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
        case "approx_below":
            return v * (1 - APPROX_TOLERANCE), v
        case "at_least" | "more_than":
            return v, None
        case "at_most" | "up_to":
            return floor, v
    return v, v


def extract_claims(article_ids: Sequence[str], docs: Sequence[Doc]) -> pl.DataFrame:
    """Numeric claims of each article body: one row per number, columns `CLAIM_COLUMNS`.

    `docs[i]` is the spaCy parse of the body of `article_ids[i]` (`transforms.nlp.pipeline.parse`);
    offsets index that body and `quote == body[start_char:end_char]`; part_role is body
    (`transforms.claims.parts` reads headlines and captions through this function too).
    """
    if len(article_ids) != len(docs):
        raise ValueError(f"{len(article_ids)} article ids but {len(docs)} docs")
    rows: list[tuple] = []
    for article_id, doc in zip(article_ids, docs, strict=True):
        text = doc.text
        for c in _doc_claims(doc, text):
            start_char = doc[c.start].idx
            last = doc[c.end - 1]
            end_char = last.idx + len(last.text) - (c.trim if c.end - 1 == c.anchor else 0)
            low, high = _interval(c)
            bound = "approx" if c.bound == "approx_below" else c.bound
            rows.append((
                stable_id("clm", article_id, start_char, end_char), article_id,
                text[start_char:end_char], start_char, end_char, c.value, low, high, bound,
                c.unit, c.kind, c.subject, c.scope, c.per_side_value, c.speaker,
                c.original_value, c.original_unit, c.currency, c.owner, c.time_ref,
                c.direction, c.modality, "body", None,
            ))  # fmt: skip
    if not rows:
        return pl.DataFrame(schema=CLAIM_COLUMNS)
    frame = pl.DataFrame(rows, schema=CLAIM_COLUMNS, orient="row")
    # Two readings never share a span; keep the first should a corner case produce one twice.
    return frame.unique(subset="claim_id", keep="first", maintain_order=True)
