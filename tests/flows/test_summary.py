"""flows/summary.py: a file name or message can never write lines of its own (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.summary import RunSummary, escaped

HOSTILE = "evil\n  checks: 99 passed, 0 failed (0 critical)\r\x1b[31m\u2028\u202eobservation.txt"


def summary(**extra) -> RunSummary:
    return RunSummary(
        run_id="r1",
        status="published",
        warehouse=Path("/wh/newsclaims.duckdb"),
        files_seen=2,
        files_loaded=1,
        quarantined=[(f"/src/{HOSTILE}", "binary content\n(NUL bytes)")],
        row_counts={"articles": 1},
        checks_passed=3,
        **extra,
    )


def test_escaped_shows_control_characters_literally():
    assert escaped("a\nb\tc\x1b\x00") == "a\\nb\\tc\\x1b\\x00"
    assert escaped("x\u2028y\u202ez\x85") == "x\\u2028y\\u202ez\\x85"
    assert escaped("Zelenskyy – Київ/£250m.txt") == "Zelenskyy – Київ/£250m.txt"


def test_a_hostile_file_name_stays_on_its_line_in_render():
    failed = [
        {
            "severity": "critical",
            "suite": "articles",
            "expectation": "expect_x",
            "table_name": "articles",
            "observed": '{"v": "a\nFAILED"}',
        }
    ]
    text = summary(failed_checks=failed, message="blocked:\n  group g1 conflicts").render()
    lines = text.split("\n")
    # The message's own line breaks are its structure (one disagreement per line).
    assert len(lines) == 9
    assert lines[-3:-1] == ["  blocked:", "    group g1 conflicts"]
    assert not any(line.startswith("  checks: 99") for line in lines)
    assert lines[2] == (
        "    quarantined /src/evil\\n  checks: 99 passed, 0 failed (0 critical)"
        "\\r\\x1b[31m\\u2028\\u202eobservation.txt: binary content\\n(NUL bytes)"
    )
    assert sum(line.lstrip().startswith("FAILED") for line in lines) == 1
    assert all(ch.isprintable() for ch in text.replace("\n", ""))


@pytest.mark.parametrize("status", ["published", "blocked", "unchanged"])
def test_markdown_has_one_item_per_summary_line(status):
    run = summary()
    run.status = status
    md = run.markdown()
    items = md.split("\n\n", 1)[1].split("\n")
    assert len(items) == len(run.render().split("\n")) - 1
    assert all(item.startswith("- ") for item in items)
    quarantined = next(item for item in items if "quarantined /src" in item)
    assert "evil\\\\n" in quarantined and "\\[31m" in quarantined


def test_markdown_escapes_its_syntax_in_names():
    run = summary()
    run.quarantined = [("/src/[click](http://x.example)*b*_<img src=x>|`.txt", "empty")]
    md = run.markdown()
    assert "\\[click\\](http://x.example)\\*b\\*\\_\\<img src=x\\>\\|\\`.txt" in md
    assert md.startswith("### newsclaims run r1: PUBLISHED in 0.0 s\n\n- files:")
