"""Bodies that are not prose (mostly digits or symbols) are named, and real bodies never are."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from transforms.normalize.articles import prepare_articles
from transforms.normalize.prose import MAX_SYMBOL_SHARE, not_prose_reason, symbol_share

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def test_a_file_of_numbers_is_not_prose() -> None:
    numbers = " ".join(str(i) for i in range(10_000))
    assert not_prose_reason(numbers) == "not prose: 100 % digits and symbols"


def test_a_table_of_symbols_is_not_prose() -> None:
    table = "\n".join(f"| {i:>4} | {i * 3.5:>8.2f} | +{i % 7}% |" for i in range(200))
    reason = not_prose_reason(table)
    assert reason is not None and reason.startswith("not prose: ")
    assert symbol_share(table) > MAX_SYMBOL_SHARE


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_the_seeds_are_prose(seed: Path) -> None:
    assert not_prose_reason(seed.read_text(encoding="utf-8")) is None


def test_prose_with_figures_is_prose() -> None:
    text = "The film took $28.5m (£15.2m), making a total of $204.3m (£109m) in 3 weeks."
    assert not_prose_reason(text) is None
    assert symbol_share("") == 0.0


def test_prepare_quarantines_a_body_that_is_not_prose() -> None:
    numbers = "\n".join(" ".join(str(i * 10 + j) for j in range(10)) for i in range(100))
    new_files = pl.DataFrame({"file_id": ["n"], "path": ["numbers.txt"], "text": [numbers]})
    raw_files = new_files.select(
        "file_id", "path", status=pl.lit("loaded"), reason=pl.lit(None, pl.String)
    )
    raw, articles, parts = prepare_articles(raw_files, new_files)
    assert articles.height == 0 and parts.height == 0
    assert raw.select("status", "reason").rows() == [
        ("quarantined", "not prose: 100 % digits and symbols")
    ]
