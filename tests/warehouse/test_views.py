"""warehouse/views.sql: every view column is documented; the display value reads as printed."""

from __future__ import annotations

import pytest

from tests.warehouse.rows import new_build
from warehouse import store


def test_every_column_of_every_view_has_a_comment(tmp_path):
    with store.connect(new_build(tmp_path), read_only=True) as con:
        rows = con.execute(
            """SELECT v.view_name, c.column_name, c.comment
               FROM duckdb_views() v
               JOIN duckdb_columns() c ON c.table_name = v.view_name
               WHERE NOT v.internal"""
        ).fetchall()
    assert {view for view, _, _ in rows} >= {"claim_comparison", "outlet_mentions"}
    missing = [f"{view}.{column}" for view, column, comment in rows if not (comment or "").strip()]
    assert missing == []


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (6000.0, None, "6,000"),
        (1234567.891, None, "1,234,567.89"),
        (0.2, "share", "20 %"),
        (0.18000000000000002, "share", "18 %"),
        (1 / 3, "share", "33.33 %"),
        (997.79328, "km", "997.79 km"),
        (2.5, "day", "2.5 day"),
    ],
)
def test_display_number(tmp_path, value, unit, shown):
    with store.connect(new_build(tmp_path), read_only=True) as con:
        assert con.execute("SELECT display_number(?, ?)", [value, unit]).fetchone()[0] == shown
