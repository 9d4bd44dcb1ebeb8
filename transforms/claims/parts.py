"""Numbers printed outside the body: a headline ("Gunman kills 1, wounds 2 at accounting
office"), a subheading or standfirst, a photo caption. The normalize stage keeps these in
`article_parts`, apart from the body, but a headline figure is the first one a reader sees, so
it is a claim and is compared with the other outlets' (issue 12).

A part claim is read by the same rules as a body claim (`extract.extract_claims` on the
part's parse); it keeps its part's role and id, and its offsets index the part's text, so body
offsets stay exact and the quote is still a verifiable slice. It has no sentence_id: a part is
not a body sentence. Grouping takes the part's text as the claim's context.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl
from spacy.tokens import Doc

from transforms.claims.extract import CLAIM_COLUMNS, extract_claims

# The part roles a reader reads as text, beside the body (article_parts.role). A masthead,
# byline, credit, footer, header (dates, section names), dateline or url is not read for
# claims: its numbers are dates of the page and addresses, not reporting.
READ_PART_ROLES = ("title", "subheading", "caption")


def read_parts(parts: pl.DataFrame) -> pl.DataFrame:
    """(part_id, article_id, role, text) of the parts of `parts` (article_parts rows) read for
    claims, once each: a repeated part (is_repeat) is the same text again."""
    return parts.filter(pl.col("role").is_in(list(READ_PART_ROLES)) & ~pl.col("is_repeat")).select(
        "part_id", "article_id", "role", "text"
    )


def part_claims(parts: pl.DataFrame, docs: Sequence[Doc]) -> pl.DataFrame:
    """The claim rows of `parts` (`read_parts` rows; `docs[i]` is the parse of row i's text):
    the columns of `extract_claims`, with part_role the part's role, part_id its id and
    offsets into its text. The claim id is keyed by the part (as a body claim's is by the
    article), so it never equals a body claim's."""
    found = extract_claims(parts["part_id"].to_list(), docs)  # keyed by part_id for now
    of_part = parts.select(
        pl.col("part_id").alias("_part"), pl.col("article_id").alias("_article"), "role"
    )
    frame = found.join(
        of_part, left_on="article_id", right_on="_part", how="left", maintain_order="left"
    )
    frame = frame.with_columns(
        part_id=pl.col("article_id"), article_id=pl.col("_article"), part_role=pl.col("role")
    )
    return frame.select([pl.col(name).cast(dtype) for name, dtype in CLAIM_COLUMNS.items()])
