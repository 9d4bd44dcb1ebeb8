"""One article's broken row never blocks the others (issue 14): the flow on the seeds plus an
article whose claim breaks its bounds publishes the five seeds and quarantines that file,
naming the check."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

EXTRA = """\
Talks resume in Geneva

Negotiators said on Tuesday that 40 delegates from 12 countries would meet in Geneva to \
discuss the grain corridor, the foreign ministry said.
"""


def test_article_with_a_broken_row_is_withheld_and_the_rest_publishes(
    run_flow, seed_copy, tmp_path, monkeypatch
):
    import transforms.bodies

    real = transforms.bodies.extract_claims

    def broken_claims(article_ids, docs):
        # Simulate a rule that misreads one article: its first claim's interval is inverted
        # (the BBC's "between 12 January and 10" read as 112..110 was such a row).
        frame = real(article_ids, docs)
        target = next(i for i, d in zip(article_ids, docs, strict=True) if "Geneva" in d.text)
        first = frame.filter(pl.col("article_id") == target)["claim_id"][0]
        return frame.with_columns(
            pl.when(pl.col("claim_id") == first)
            .then(pl.col("value") - 1)
            .otherwise(pl.col("value_high"))
            .alias("value_high")
        )

    monkeypatch.setattr(transforms.bodies, "extract_claims", broken_claims)
    (seed_copy / "extra.txt").write_text(EXTRA, encoding="utf-8")
    summary = run_flow(seed_copy, tmp_path / "wh")
    assert summary.status == "published", summary.render()
    reasons = {Path(path).name: reason for path, reason in summary.quarantined}
    assert reasons == {"extra.txt": "failed row check: claim_bounds"}
    with duckdb.connect(str(tmp_path / "wh" / "newsclaims.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
        assert con.execute(
            "SELECT status, reason FROM raw_files WHERE path LIKE '%extra.txt'"
        ).fetchall() == [("quarantined", "failed row check: claim_bounds")]
        failed = con.execute(
            "SELECT count(*) FROM check_results WHERE NOT success AND severity = 'critical'"
        ).fetchone()
    assert failed == (0,)
