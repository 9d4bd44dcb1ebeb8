"""Row-level vocabulary faults: which articles carry a value outside its closed set.

A value outside its vocabulary is a fault of one article's rows (a rule that emitted a new
word), not of the warehouse: the article is withheld and its file quarantined with the check
named, and the rest publishes. The sets are the contract's, the same ones expectations/ checks.
"""

from __future__ import annotations

import polars as pl

from transforms.contract.vocabularies import BOUNDS, CLAIM_KINDS, PART_ROLES, SCOPES

# (table, column) -> the values it may hold. NULL is allowed where the schema allows it.
ARTICLE_VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("numeric_claims", "bound"): BOUNDS,
    ("numeric_claims", "kind"): CLAIM_KINDS,
    ("numeric_claims", "scope"): SCOPES,
    ("article_parts", "role"): PART_ROLES,
}


def vocabulary_faults(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """(article_id, failed_check) for each article with a value outside its vocabulary.

    `tables` maps a table name to its rows (at least article_id and the checked column).
    """
    faults = [
        tables[table]
        .filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(list(values)))
        .select("article_id", pl.lit(f"{table}.{column} vocabulary").alias("failed_check"))
        for (table, column), values in ARTICLE_VOCABULARIES.items()
        if table in tables
    ]
    if not faults:
        return pl.DataFrame(schema={"article_id": pl.String, "failed_check": pl.String})
    return pl.concat(faults).unique().sort("article_id", "failed_check")
