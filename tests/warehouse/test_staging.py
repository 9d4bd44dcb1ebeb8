"""warehouse/staging.py: a parse batch's rows staged as Parquet reach the build unchanged, in
batch order, and a batch missing a file is an error naming it (issue 14, streaming)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from tests.warehouse.rows import new_build
from transforms.bodies import BodyRows, parse_rows
from transforms.nlp.pipeline import DEFAULT_MODEL
from warehouse import staging, store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def two_batches() -> list[BodyRows]:
    paths = sorted(SEEDS.glob("*.txt"))[:3]
    articles = pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(paths))],
            "body": [p.read_text(encoding="utf-8") for p in paths],
        }
    )
    return [
        parse_rows(articles.slice(0, 2), DEFAULT_MODEL),
        parse_rows(articles.slice(2), DEFAULT_MODEL),
    ]


def test_staged_batches_load_into_the_build_as_parsed_in_batch_order(tmp_path, two_batches):
    folders = [tmp_path / "staging" / f"{i:06d}" for i in range(2)]
    written = [
        staging.write_batch(rows, folder) for rows, folder in zip(two_batches, folders, strict=True)
    ]
    build = new_build(tmp_path)
    with store.connect(build) as con:
        loaded = staging.load_batches(con, folders)
        for name, table in staging.TABLES.items():
            expected = pl.concat([getattr(rows, name) for rows in two_batches])
            got = store.read_table(con, table, expected.columns)
            assert got.height == expected.height > 0, table
            assert got.rows() == expected.rows(), table
            assert loaded[table] == expected.height == sum(w[table] for w in written)


def test_a_staged_batch_missing_a_file_is_an_error_naming_it(tmp_path, two_batches):
    folder = tmp_path / "000000"
    staging.write_batch(two_batches[0], folder)
    (folder / "mentions.parquet").unlink()
    with (
        store.connect(new_build(tmp_path)) as con,
        pytest.raises(
            FileNotFoundError, match=r"000000/mentions\.parquet: a staged batch lacks its mentions"
        ),
    ):
        staging.load_batches(con, [folder])
