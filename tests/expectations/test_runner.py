"""expectations/runner.py: run_checks on small frames, results shaped as check_results."""

from __future__ import annotations

import re

import great_expectations.expectations as gxe
import polars as pl
import pytest

from expectations.checks import CRITICAL, WARNING, Check
from expectations.runner import RESULT_SCHEMA, run_checks
from transforms.contract.schema import columns

FRAMES = {
    "articles": pl.DataFrame({"article_id": ["a1", "a2"], "word_count": [12, 0]}),
    "sentences": pl.DataFrame({"sentence_id": ["s1", "s1"]}),
}
SUITES = {
    "small": [
        Check(
            "articles",
            gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
            CRITICAL,
            "ids are filled",
        ),
        Check(
            "articles",
            gxe.ExpectColumnValuesToBeBetween(column="word_count", min_value=1),
            CRITICAL,
            "every article has prose",
        ),
    ],
    "other": [
        Check(
            "sentences",
            gxe.ExpectColumnValuesToBeUnique(column="sentence_id"),
            WARNING,
            "sentence ids are unique",
        ),
    ],
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    return run_checks(FRAMES, run_id="run-1", data_docs_dir=docs, suites=SUITES), docs


def test_results_have_the_check_results_columns(run):
    results, _ = run
    assert results.schema == columns("check_results") == RESULT_SCHEMA


def test_a_passing_and_a_failing_critical_check(run):
    results, _ = run
    by_protects = {r["protects"]: r for r in results.iter_rows(named=True)}
    assert by_protects["ids are filled"]["success"] is True
    failed = by_protects["every article has prose"]
    assert (failed["success"], failed["severity"], failed["suite"]) == (False, CRITICAL, "small")
    assert failed["table_name"] == "articles"
    assert failed["run_id"] == "run-1"
    assert '"unexpected_count": 1' in failed["observed"]
    assert failed["expectation"] == (
        "expect_column_values_to_be_between(column='word_count', min_value=1.0)"
    )
    warned = by_protects["sentence ids are unique"]
    assert (warned["success"], warned["severity"]) == (False, WARNING)


def test_the_data_docs_index_is_written_for_offline_reading(run):
    results, docs = run
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert "Run <b>run-1</b>: 1 passed, 2 failed." in index
    assert "<script" not in index
    assert "every article has prose" in index
    assert 'href="validations/' in index  # suites link to GX's rendered validation pages


def test_the_index_says_plainly_which_pages_need_a_network(run):
    from expectations.report import external_urls

    _, docs = run
    index = (docs / "index.html").read_text(encoding="utf-8")
    urls = external_urls(docs)
    # GX 1.24's validation pages load their CDN assets: the index names how many, and where.
    assert urls, "the GX validation pages were expected to reference external assets"
    assert f"load {len(urls)} external URLs" in index
    assert "This index itself needs no network" in index
    assert all(not u.startswith("http") for u in re.findall(r'href="([^"]+)"', index))
