"""warehouse/audits/*.sql and warehouse/audit.py: every audit parses, declares its severity
and purpose, and runs on a build made from schema.sql + views.sql; hand-made rows show each
audit catching what it exists to catch."""

from __future__ import annotations

import pytest

from tests.warehouse.rows import article, claim, insert, new_build
from warehouse import store
from warehouse.audit import (
    AUDITS_DIR,
    SEVERITIES,
    TABLE_FRAMES,
    audit,
    audit_frames,
    audits,
    disagreements,
    parse_audit,
)

AUDIT_NAMES = [
    "body_count_agreement",
    "body_count_per_side_reports",
    "claim_bounds",
    "claim_slices",
    "independent_conflicts",
    "manifest_rows",
    "mention_slices",
    "sentence_slices",
]
BODY_A = "Russia and Ukraine each handed over 6,000 bodies on Monday."
BODY_B = "Each side returned 9,000 bodies, officials said."
BODY_C = "Each side returned about 6,000 bodies."


@pytest.fixture()
def con(tmp_path):
    with store.connect(new_build(tmp_path)) as con:
        yield con


def test_every_audit_file_parses_with_severity_and_protects():
    assert sorted(audits()) == AUDIT_NAMES
    for path in sorted(AUDITS_DIR.glob("*.sql")):
        item = parse_audit(path)
        assert item.name == path.stem
        assert item.severity in SEVERITIES, path
        assert item.protects and all(item.protects.values()), path
        assert item.sql.lstrip().startswith("--") and not item.sql.endswith(";")


def test_every_audit_runs_on_an_empty_build(con):
    frames = audit_frames(con)
    assert list(frames) == [*TABLE_FRAMES, *AUDIT_NAMES]
    assert all(frame.height == 0 for frame in frames.values())
    assert disagreements(con) == []


def test_manifest_rows_lists_each_manifest_problem_as_a_warning(con):
    con.execute(
        "INSERT INTO manifest_issues "
        "VALUES ('m.csv', 4, 'gone.txt', 'no such file under the source')"
    )
    frame = audit_frames(con)["manifest_rows"]
    assert frame.rows() == [(4, "gone.txt", "no such file under the source")]
    assert audits()["manifest_rows"].severity == "warning"


def test_a_header_without_severity_or_protects_is_refused(tmp_path):
    for header in (
        "-- protects: x\n",
        "-- severity: fatal\n-- protects: x\n",
        "-- severity: warning\n",
    ):
        path = tmp_path / "bad.sql"
        path.write_text(header + "SELECT 1\n", encoding="utf-8")
        with pytest.raises(ValueError, match="header needs"):
            parse_audit(path)


def test_protects_per_column():
    slices = audit("claim_slices")
    assert slices.protects_for("in_body").startswith("offsets lie inside the article body")
    with pytest.raises(KeyError, match="per column"):
        slices.protects_for("nonsense")
    assert audit("independent_conflicts").protects_for(None).startswith("no quantity")
    with pytest.raises(KeyError, match="no audit file"):
        audit("nonsense")


def test_claim_slices_fail_a_quote_that_is_not_its_body_slice(con):
    insert(con, "articles", [article("a1", BODY_A)])
    good = claim("c1", "a1", BODY_A, "6,000", value=6000)
    shifted = claim("c2", "a1", BODY_A, "6,000", value=6000, start=BODY_A.index("6,000") + 1)
    outside = claim("c3", "a1", BODY_A, "6,000", value=6000, start=len(BODY_A))
    insert(con, "numeric_claims", [good, shifted, outside])
    rows = {r["id"]: r for r in audit_frames(con)["claim_slices"].iter_rows(named=True)}
    assert (rows["c1"]["in_body"], rows["c1"]["matches_body"]) == (True, True)
    assert (rows["c2"]["in_body"], rows["c2"]["matches_body"]) == (True, False)
    assert rows["c3"]["in_body"] is False


def test_sentence_and_mention_slices_count_code_points(con):
    body = "Çırağan Palace talks: Umerov said so."
    insert(con, "articles", [article("a1", body)])
    start = body.index("Umerov")
    insert(con, "sentences", [whole_body("a1", body)])
    mention = {"mention_id": "m1", "article_id": "a1", "text": "Umerov", "start_char": start,
               "part_role": "body"}  # fmt: skip
    insert(con, "entity_mentions", [mention | {"end_char": start + len("Umerov")}])
    frames = audit_frames(con)
    assert frames["sentence_slices"].select("in_body", "matches_body").rows() == [(True, True)]
    assert frames["mention_slices"].select("in_body", "matches_body").rows() == [(True, True)]


def test_claim_bounds_fail_a_value_outside_its_interval(con):
    insert(con, "articles", [article("a1", BODY_A)])
    inside = claim("c1", "a1", BODY_A, "6,000", value=6000, low=5940, high=6060)
    outside = claim("c2", "a1", BODY_A, "6,000", value=7000, low=5940, high=6060)
    insert(con, "numeric_claims", [inside, outside])
    frame = audit_frames(con)["claim_bounds"].sort("claim_id")
    assert frame["value_within_bounds"].to_list() == [True, False]


def outlets_report(con, body_b: str, value_b: int, *, outlet_b: str | None = "The Hill"):
    """Reuters says 6,000 bodies per side in BODY_A; a second outlet says `value_b`."""
    insert(
        con,
        "articles",
        [
            article("a1", BODY_A, outlet="Reuters", event_id="e1"),
            article("a2", body_b, outlet=outlet_b, event_id="e1"),
        ],
    )
    quote_b = f"{value_b:,}"
    insert(con, "sentences", [whole_body("a1", BODY_A), whole_body("a2", body_b)])
    insert(
        con,
        "numeric_claims",
        [
            claim("c1", "a1", BODY_A, "6,000", value=6000, group_id="g1", sentence_id="s-a1"),
            claim("c2", "a2", body_b, quote_b, value=value_b, group_id="g1", sentence_id="s-a2"),
        ],
    )


def whole_body(article_id: str, body: str) -> dict:
    """The one sentence of a one-sentence article."""
    return {
        "sentence_id": f"s-{article_id}",
        "article_id": article_id,
        "position": 0,
        "start_char": 0,
        "end_char": len(body),
        "text": body,
    }


def test_two_outlets_saying_6000_and_9000_per_side_disagree(con):
    outlets_report(con, BODY_B, 9000)
    frame = audit_frames(con)["body_count_per_side_reports"]
    assert frame.select("event_id", "n_outlets", "most_outlets_agreeing", "agree").rows() == [
        ("e1", 2, 1, False)
    ]
    assert "Reuters says 6,000" in frame["reports"][0]
    assert "The Hill says 9,000" in frame["reports"][0]
    assert disagreements(con)[0].startswith("bodies per side disagree in event e1: ")


def test_two_outlets_allowing_one_number_agree(con):
    outlets_report(con, BODY_C, 6000)
    frame = audit_frames(con)["body_count_per_side_reports"]
    assert frame.select("n_outlets", "agree").rows() == [(2, True)]
    assert disagreements(con) == []


def test_an_unnamed_article_counts_as_an_outlet_of_its_own(con):
    outlets_report(con, BODY_B, 9000, outlet_b=None)
    frame = audit_frames(con)["body_count_per_side_reports"]
    assert frame.select("n_outlets", "agree").rows() == [(2, False)]
    assert "unnamed:a2 says 9,000" in frame["reports"][0]


def group(status: str, n_independent: int) -> dict:
    return {
        "group_id": "g1",
        "event_id": "e1",
        "subject": "body",
        "kind": "count",
        "scope": "per_side",
        "n_outlets": 2,
        "n_independent": n_independent,
        "status": status,
    }


def test_a_conflicting_body_count_group_fails_agreement_and_is_explained(con):
    outlets_report(con, BODY_B, 9000)
    insert(con, "claim_groups", [group("conflict", 2)])
    frames = audit_frames(con)
    agreement = frames["body_count_agreement"]
    assert agreement.select("group_id", "agree").rows() == [("g1", False)]
    assert agreement["reports"][0] == f"Reuters says {BODY_A} | The Hill says {BODY_B}"
    assert frames["independent_conflicts"]["group_id"].to_list() == ["g1"]
    per_side, group_line = disagreements(con)
    # The per-side audit joins its reports in no stated order (string_agg DISTINCT).
    prefix = "bodies per side disagree in event e1: "
    assert per_side.startswith(prefix)
    assert set(per_side.removeprefix(prefix).split(" | ")) == {
        "Reuters says 6,000",
        "The Hill says 9,000",
    }
    assert (
        group_line == f"group g1 (body) conflicts: Reuters says {BODY_A} | The Hill says {BODY_B}"
    )


def test_a_conflict_within_one_wire_text_is_not_independent(con):
    outlets_report(con, BODY_B, 9000)
    insert(con, "claim_groups", [group("conflict", 1)])
    assert audit_frames(con)["independent_conflicts"].height == 0


def test_a_consistent_group_agrees(con):
    outlets_report(con, BODY_C, 6000)
    insert(con, "claim_groups", [group("consistent", 2)])
    assert audit_frames(con)["body_count_agreement"]["agree"].to_list() == [True]


def test_a_caption_mention_is_checked_against_its_caption(con):
    body = "Talks resumed in Istanbul."
    caption = "Ibrahim Kalin arrives for the talks (AP)"
    insert(con, "articles", [article("a1", body)])
    part = {"part_id": "p1", "article_id": "a1", "position": 3, "role": "caption"}
    insert(con, "article_parts", [part | {"text": caption, "is_repeat": False}])
    base = {"article_id": "a1", "part_role": "caption", "part_id": "p1", "start_char": 0}
    insert(
        con,
        "entity_mentions",
        [
            base | {"mention_id": "m1", "text": "Ibrahim Kalin", "end_char": 13},
            # the same offsets read in the body would be "Talks resumed": it must not pass
            base | {"mention_id": "m2", "text": "Talks resumed", "end_char": 13},
            base | {"mention_id": "m3", "text": "Kalin", "end_char": 5, "part_id": "gone"},
        ],
    )
    rows = audit_frames(con)["mention_slices"].sort("id")
    assert rows.select("in_body", "matches_body").rows() == [
        (True, True), (True, False), (False, False)
    ]  # fmt: skip
