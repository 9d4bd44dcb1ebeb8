"""Numeric claims on the five seed articles (Istanbul talks, 2 June 2025).

Bodies here are the seed files' text as is (the normalize stage is tested on its own); each test
names the sentence it reads and the value a reader would check.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from spacy.tokens import Doc

from transforms.claims.extract import APPROX_TOLERANCE, CLAIM_COLUMNS, extract_claims
from transforms.nlp.pipeline import parse
from transforms.text.ids import stable_id

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Doc]:
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return {p.name[:3]: doc for p, doc in zip(paths, parse(texts), strict=True)}


@pytest.fixture(scope="module")
def claims(seed_docs: dict[str, Doc]) -> pl.DataFrame:
    return extract_claims(list(seed_docs), list(seed_docs.values()))


def one(claims: pl.DataFrame, article: str, quote: str) -> dict:
    """The first claim of seed `article` whose quote is `quote` (in body order)."""
    rows = claims.filter((pl.col("article_id") == article) & (pl.col("quote") == quote))
    assert rows.height >= 1, f"no claim {quote!r} in seed {article}"
    return rows.row(0, named=True)


def claims_of(text: str) -> pl.DataFrame:
    return extract_claims(["t"], list(parse([text])))


def only(text: str, quote: str) -> dict:
    frame = claims_of(text).filter(pl.col("quote") == quote)
    assert frame.height == 1, f"{quote!r} not read once from {text!r}"
    return frame.row(0, named=True)


# --- the contract ---------------------------------------------------------------------------


def test_schema_and_quote_is_the_body_slice(claims, seed_docs):
    assert dict(claims.schema) == CLAIM_COLUMNS
    for row in claims.iter_rows(named=True):
        body = seed_docs[row["article_id"]].text
        assert body[row["start_char"] : row["end_char"]] == row["quote"]
        expected_id = stable_id("clm", row["article_id"], row["start_char"], row["end_char"])
        assert row["claim_id"] == expected_id
    assert claims["claim_id"].is_unique().all()
    assert set(claims["bound"]) <= {
        "exact", "approx", "at_least", "more_than", "at_most", "up_to", "range",
    }  # fmt: skip
    assert set(claims["scope"]) <= {"total", "per_side", "unknown"}


def test_no_claims_gives_the_empty_frame_with_the_schema():
    frame = claims_of("Talks ended without any breakthrough.")
    assert frame.height == 0
    assert dict(frame.schema) == CLAIM_COLUMNS
    assert dict(extract_claims([], []).schema) == CLAIM_COLUMNS


def test_ids_and_docs_must_pair_up():
    with pytest.raises(ValueError, match="article ids"):
        extract_claims(["a", "b"], list(parse(["One text."])))


def test_stable_across_runs(seed_docs):
    ids, docs = list(seed_docs), list(seed_docs.values())
    assert extract_claims(ids, docs).equals(extract_claims(ids, docs))


# --- the per-side body count, said three ways -------------------------------------------------


def test_seed000_more_than_6000_bodies_each(claims):
    # "... and the return of more than 6,000 bodies each."
    row = one(claims, "000", "more than 6,000")
    assert row["value"] == 6000 and row["bound"] == "more_than"
    assert (row["value_low"], row["value_high"]) == (6000, None)
    assert row["kind"] == "count" and row["subject"] == "body"
    assert row["scope"] == "per_side" and row["per_side_value"] == 6000


def test_seed001_6000_killed_soldiers_from_each_side(claims):
    # "... and the bodies of 6,000 killed soldiers from each side."
    row = one(claims, "001", "6,000")
    assert row["value"] == 6000 and row["bound"] == "exact"
    assert row["subject"] == "soldier" and row["scope"] == "per_side"
    assert row["per_side_value"] == 6000


def test_seed002_12000_dead_soldiers_or_6000_for_each_side(claims):
    # "... return the bodies of 12,000 dead soldiers, or 6,000 for each side."
    total = one(claims, "002", "12,000")
    side = one(claims, "002", "6,000")
    assert total["value"] == 12000 and total["scope"] == "total"
    assert side["value"] == 6000 and side["scope"] == "per_side"
    # one claim said twice: both readings carry the same per-side value
    assert total["per_side_value"] == side["per_side_value"] == 6000
    assert total["subject"] == side["subject"] == "soldier"
    assert total["attributed_to"] == "Russian and Ukrainian officials"


def test_seed003_6000_soldiers_killed_in_action_scope_unknown(claims):
    # "... agreed to swap the bodies of 6,000 soldiers killed in action ..."
    row = one(claims, "003", "6,000")
    assert row["value"] == 6000 and row["subject"] == "soldier"
    assert row["scope"] == "unknown" and row["per_side_value"] is None


# --- fractions and shares -------------------------------------------------------------------


def test_seed000_nearly_one_fifth_of_territory(claims):
    # "Russia controls nearly one-fifth of Ukrainian territory ..."
    row = one(claims, "000", "nearly one-fifth")
    assert row["value"] == pytest.approx(0.2) and row["bound"] == "approx"
    assert row["value_low"] == pytest.approx(0.2 * (1 - APPROX_TOLERANCE))
    assert row["value_high"] == pytest.approx(0.2)  # "nearly": from below only
    assert row["kind"] == "fraction" and row["unit"] == "share"
    assert row["subject"] == "territory"
    assert (row["original_value"], row["original_unit"]) == (1, "fifth")


def test_seed002_about_20_percent_of_territory(claims):
    # "... the Kremlin gain control of about 20 percent of Ukrainian territory."
    row = one(claims, "002", "about 20 percent")
    assert row["value"] == pytest.approx(0.2) and row["bound"] == "approx"
    assert row["value_low"] == pytest.approx(0.18) and row["value_high"] == pytest.approx(0.22)
    assert row["kind"] == "percent" and row["unit"] == "share" and row["subject"] == "territory"
    assert (row["original_value"], row["original_unit"]) == (20, "percent")


def test_fifth_and_20_percent_are_compatible(claims):
    fifth = one(claims, "000", "nearly one-fifth")
    pct = one(claims, "002", "about 20 percent")
    assert fifth["value_low"] <= pct["value_high"] and pct["value_low"] <= fifth["value_high"]


def test_seed002_nearly_a_third_of_the_bomber_fleet(claims):
    # "... including nearly a third of Moscow's strategic bomber fleet, according to Kyiv."
    row = one(claims, "002", "nearly a third")
    assert row["value"] == pytest.approx(1 / 3) and row["kind"] == "fraction"
    assert row["subject"] == "fleet" and row["attributed_to"] == "Kyiv"


def test_seed001_at_least_half_of_the_children(claims):
    # "... the return of at least half of the children from this list ..."
    row = one(claims, "001", "at least half")
    assert row["value"] == 0.5 and row["bound"] == "at_least" and row["subject"] == "child"


# --- distances ------------------------------------------------------------------------------


def test_seed003_620_mile_front_line(claims):
    # "Fierce fighting has continued along the 620-mile front line ..."
    row = one(claims, "003", "620-mile")
    assert row["kind"] == "distance" and row["unit"] == "km"
    assert row["value"] == pytest.approx(997.79, abs=0.01)
    assert (row["original_value"], row["original_unit"]) == (620, "mile")
    assert row["subject"] == "front line"


def test_seed004_roughly_1000_kilometer_620_mile(claims):
    # "... along the roughly 1,000-kilometer (620-mile) front line ..."
    km = one(claims, "004", "roughly 1,000-kilometer")
    miles = one(claims, "004", "620-mile")
    assert km["value"] == 1000 and km["bound"] == "approx" and km["kind"] == "distance"
    assert km["subject"] == "front line"
    assert miles["value"] == pytest.approx(997.79, abs=0.01)
    assert miles["bound"] == "approx"  # the conversion is as rough as what it converts
    assert km["value_low"] <= miles["value"] <= km["value_high"]


def test_seed003_more_than_4300_miles(claims):
    row = one(claims, "003", "more than 4,300")
    assert row["kind"] == "distance" and row["bound"] == "more_than"
    assert row["value"] == pytest.approx(4300 * 1.609344)


# --- ratios, formats, bounds ----------------------------------------------------------------


def test_seed003_52_out_of_80_drones(claims):
    # "Ukrainian air defences damaged 52 out of 80 drones launched by Russia overnight, the
    # Ukrainian air force said." -> two counts, both of drones.
    part = one(claims, "003", "52")
    whole = one(claims, "003", "80")
    assert (part["value"], whole["value"]) == (52, 80)
    assert part["subject"] == whole["subject"] == "drone"
    assert part["attributed_to"] == "Ukrainian air force"


def test_seed002_up_to_1200_pows_and_1000_for_1000_format(claims):
    # "Zelensky later said Ukraine could return up to 1,200 POWs, with an expected
    # 1,000-for-1,000 format that could be increased."
    pows = one(claims, "002", "up to 1,200")
    assert pows["bound"] == "up_to" and (pows["value_low"], pows["value_high"]) == (0, 1200)
    assert pows["subject"] == "prisoner of war"
    assert pows["attributed_to"] == "Ukrainian President Volodymyr Zelensky"
    fmt = one(claims, "002", "1,000-for-1,000")
    assert fmt["value"] == 1000 and fmt["kind"] == "count"
    assert fmt["scope"] == "per_side" and fmt["per_side_value"] == 1000
    assert fmt["subject"] == "prisoner of war"


def test_seed000_at_least_12_troops(claims):
    # "... a missile attack in Dnipro killed at least 12 Ukrainian troops."
    row = one(claims, "000", "at least 12")
    assert row["value"] == 12 and row["bound"] == "at_least" and row["subject"] == "troop"
    assert (row["value_low"], row["value_high"]) == (12, None)


def test_seed000_more_than_1_2_million_people(claims):
    # "The conflict has claimed or injured more than 1.2 million people since 2022, according
    # to US estimates." ("claimed" here is not speech.)
    row = one(claims, "000", "more than 1.2 million")
    assert row["value"] == 1_200_000 and row["bound"] == "more_than"
    assert row["subject"] == "people" and row["attributed_to"] == "US estimates"


def test_seed002_more_than_a_dozen_people_on_each_side(claims):
    row = one(claims, "002", "More than a dozen")
    assert row["value"] == 12 and row["bound"] == "more_than"
    assert row["scope"] == "per_side" and row["per_side_value"] == 12


def test_seed_more_than_40_warplanes(claims):
    row = one(claims, "002", "more than 40")
    assert row["value"] == 40 and row["subject"] == "warplane" and row["bound"] == "more_than"


# --- written and vague numbers --------------------------------------------------------------


def test_seed001_several_hundred_children(claims):
    # "We have provided the other side with a list of several hundred Ukrainian children ..."
    row = one(claims, "001", "several hundred")
    assert row["bound"] == "range" and (row["value_low"], row["value_high"]) == (300, 900)
    assert row["value"] == 600 and row["subject"] == "child"
    assert row["attributed_to"] == "Umerov"  # "he said" -> the named speaker before


def test_seed001_dozens_of_children_inside_a_quote(claims):
    # "“In fact, we are talking about dozens of children." (Medinsky, earlier in the paragraph)
    row = one(claims, "001", "dozens")
    assert row["bound"] == "range" and (row["value_low"], row["value_high"]) == (24, 99)
    assert row["subject"] == "child" and row["attributed_to"] == "Medinsky"


def test_seed004_hundreds_of_children(claims):
    row = one(claims, "004", "hundreds")
    assert (row["value_low"], row["value_high"]) == (200, 999) and row["subject"] == "child"
    assert row["attributed_to"] == "Ukrainian officials"


def test_seed003_472_drones_attributed_to_the_air_force(claims):
    # "Russia on Sunday fired the biggest number of drones — 472 — at Ukraine ..., Ukraine's air
    # force said"
    row = one(claims, "003", "472")
    assert row["value"] == 472 and row["kind"] == "count" and row["subject"] == "drone"
    assert row["attributed_to"] == "Ukraine’s air force"


def test_seed003_162_drones_attributed_to_the_defence_ministry(claims):
    row = one(claims, "003", "162")
    assert row["subject"] == "drone" and row["attributed_to"] == "Russia’s Defence Ministry"
    row = one(claims, "004", "162")
    assert row["attributed_to"] == "Russia's Defense Ministry"


def test_seed003_1000_on_both_sides_and_seed004_each_side_freeing(claims):
    # "... a swap of prisoners, with 1,000 on both sides being exchanged."
    both = one(claims, "003", "1,000")
    assert both["value"] == 1000 and both["scope"] == "per_side"
    assert both["subject"] == "prisoner"
    # "... with each side freeing 1,000 prisoners ..."
    each = one(claims, "004", "1,000")
    assert each["scope"] == "per_side" and each["per_side_value"] == 1000
    assert each["subject"] == "prisoner"


# --- durations ------------------------------------------------------------------------------


def test_seed000_two_to_three_days(claims):
    # "Medinsky said Moscow proposed a temporary ceasefire for two to three days ..."
    row = one(claims, "000", "two to three")
    assert row["bound"] == "range" and (row["value_low"], row["value_high"]) == (2, 3)
    assert row["value"] == 2.5 and row["kind"] == "duration" and row["unit"] == "day"
    assert row["subject"] == "ceasefire" and row["attributed_to"] == "Medinsky"


def test_seed001_30_day_ceasefire_and_seed002_at_least_30_days(claims):
    row = one(claims, "001", "30-day")
    assert (row["value"], row["kind"], row["unit"]) == (30, "duration", "day")
    assert row["subject"] == "ceasefire"
    row = one(claims, "002", "at least 30")
    assert row["bound"] == "at_least" and row["kind"] == "duration" and row["unit"] == "day"
    assert row["attributed_to"] == "Umerov"


def test_three_year_war_is_a_duration(claims):
    # "... to end the three-year war." / "... ending the three-year-old war"
    row = one(claims, "001", "three-year")
    assert (row["value"], row["kind"], row["unit"]) == (3, "duration", "year")
    assert row["subject"] == "war"
    row = one(claims, "003", "three-year-old")
    assert row["kind"] == "duration" and row["subject"] == "war"


def test_seed003_just_over_two_weeks(claims):
    row = one(claims, "003", "just over two")
    assert row["bound"] == "more_than" and row["kind"] == "duration" and row["unit"] == "week"


# --- dates, years and ordinals are never counts ---------------------------------------------


def test_dates(claims):
    assert one(claims, "000", "2022")["kind"] == "date"  # "since 2022"
    may = one(claims, "003", "May 16")
    assert (may["value"], may["kind"], may["unit"]) == (516, "date", "mmdd")
    june = one(claims, "003", "between June 20 and 30")
    assert june["kind"] == "date" and june["bound"] == "range"
    assert (june["value_low"], june["value_high"]) == (620, 630)
    full = one(claims, "001", "June 2, 2025")
    assert (full["value"], full["unit"]) == (20250602, "yyyymmdd")
    march = one(claims, "002", "March 2022")
    assert (march["value"], march["unit"]) == (202203, "yyyymm")


def test_ordinals(claims):
    row = one(claims, "000", "18th")
    assert (row["value"], row["kind"], row["subject"]) == (18, "ordinal", "package")
    row = one(claims, "002", "second")  # "the second round of negotiations"
    assert (row["value"], row["kind"], row["subject"]) == (2, "ordinal", "round")
    counts = claims.filter(pl.col("kind") == "count")
    assert not counts["quote"].is_in(["2022", "2023", "May 16", "second", "18th"]).any()


def test_age_under_the_age_of_25(claims):
    row = one(claims, "001", "25")  # "captives under the age of 25"
    assert row["kind"] == "age" and row["value"] == 25


def test_names_are_not_numbers(claims):
    quotes = set(claims.filter(pl.col("article_id") == "001")["quote"])
    assert "Seven" not in quotes  # "(Group of Seven) level"
    assert "Nine" not in quotes  # "the Bucharest Nine"


def test_one_missile_is_a_count_and_pronoun_one_is_not(claims):
    # "Two ballistic missiles struck ..., including one that hit near a school"
    seed4 = claims.filter(pl.col("article_id") == "004")
    assert "one" not in set(seed4.filter(pl.col("subject") == "missile")["quote"])
    row = one(claims, "004", "One")  # "One missile landed near an apartment building"
    assert row["value"] == 1 and row["subject"] == "missile"


# --- forms that the seeds do not contain (one sentence each) --------------------------------


def test_money_symbols_and_multipliers():
    row = only("The fine was £1,400 and the deal was worth $3bn.", "£1,400")
    assert (row["value"], row["kind"], row["currency"]) == (1400, "money", "GBP")
    assert row["unit"] == "GBP"
    row = only("The fine was £1,400 and the deal was worth $3bn.", "$3bn")
    assert (row["value"], row["currency"]) == (3e9, "USD")
    row = only("Profits rose to £5.3m last year.", "£5.3m")
    assert row["value"] == pytest.approx(5.3e6) and row["currency"] == "GBP"
    row = only("It cost 20 million euros.", "20 million")
    assert row["kind"] == "money" and row["currency"] == "EUR" and row["value"] == 2e7


def test_percent_sign_and_per_cent():
    row = only("Turnout was 90% in the north.", "90%")
    assert row["value"] == pytest.approx(0.9) and row["kind"] == "percent"
    row = only("Sales fell by 3.5 per cent.", "3.5 per cent")
    assert row["value"] == pytest.approx(0.035)


def test_written_compounds_and_a_dozen():
    assert only("Twenty-five people were hurt.", "Twenty-five")["value"] == 25
    row = only("Police arrested a dozen people.", "a dozen")
    assert row["value"] == 12 and row["subject"] == "people"
    row = only("Two-thirds of voters agreed.", "Two-thirds")
    assert row["value"] == pytest.approx(2 / 3) and row["kind"] == "fraction"
    row = only("Hundreds of thousands of people marched.", "Hundreds of thousands")
    assert (row["value_low"], row["value_high"]) == (200_000, 999_000)


def test_year_ranges_decades_and_scores():
    row = only("Profits in 2004-05 were flat.", "2004-05")
    assert row["kind"] == "date" and (row["value_low"], row["value_high"]) == (2004, 2005)
    row = only("It was popular in the 1990s.", "1990s")
    assert row["kind"] == "date" and (row["value_low"], row["value_high"]) == (1990, 1999)
    frame = claims_of("Chelsea won 2-1 at home.")
    assert set(frame["kind"]) == {"other"}


def test_from_to_is_a_change_not_a_range():
    frame = claims_of("Unemployment rose from 5% to 7% last year.")
    assert frame["bound"].to_list() == ["exact", "exact"]
    assert frame["value"].to_list() == pytest.approx([0.05, 0.07])


def test_over_as_a_preposition_is_not_a_bound():
    # seed 003: "downed 162 Ukrainian drones over eight Russian regions overnight"
    row = only("Air defences downed 162 drones over eight Russian regions.", "eight")
    assert row["bound"] == "exact" and row["subject"] == "region"


def test_ranges_share_multiplier_and_currency():
    row = only("Between 200 and 250 million people watched.", "Between 200 and 250 million")
    assert (row["value_low"], row["value_high"]) == (2e8, 2.5e8) and row["value"] == 2.25e8
    row = only("The bill could reach $3-4bn.", "$3-4bn")
    assert (row["value_low"], row["value_high"], row["currency"]) == (3e9, 4e9, "USD")
    row = only("Growth of 2% to 3% is expected.", "2% to 3%")
    assert (row["value_low"], row["value_high"]) == pytest.approx((0.02, 0.03))


def test_a_change_then_a_level_is_not_a_range():
    frame = claims_of("Sales rose 2.8% to 14.96bn euros.")
    assert frame["quote"].to_list() == ["2.8%", "14.96bn"]
    assert frame["kind"].to_list() == ["percent", "money"]
    assert frame["currency"].to_list() == [None, "EUR"]


def test_a_unit_of_time_and_rates():
    # seed 000: "Peace talks ... ended on Monday in Istanbul after an hour of discussions"
    row = only("Talks ended after an hour of discussions.", "an hour")
    assert (row["value"], row["kind"], row["unit"]) == (1, "duration", "hour")
    row = only("The raid took over a year and a half to prepare.", "over a year and a half")
    assert row["value"] == 1.5 and row["bound"] == "more_than" and row["unit"] == "year"
    # rates: the number is the claim, "a year" / "a day" is not a duration
    frame = claims_of("That is £1bn a year, or 80,000 barrels a day, twice a week.")
    assert frame["quote"].to_list() == ["£1bn", "80,000"]


def test_seed003_barely_an_hour(seed_docs):
    # "... but the discussion lasted barely an hour and produced no major progress ..."
    frame = extract_claims(["003"], [seed_docs["003"]])
    row = frame.filter(pl.col("quote") == "barely an hour").row(0, named=True)
    assert row["bound"] == "at_most" and (row["value_low"], row["value_high"]) == (0, 1)
    assert row["unit"] == "hour"


def test_ranks_and_ages():
    row = only("Barclays, the UK's third-biggest bank, grew.", "third-biggest")
    assert (row["value"], row["kind"], row["subject"]) == (3, "ordinal", "bank")
    row = only("A 25-year-old man was arrested.", "25-year-old")
    assert (row["value"], row["kind"], row["subject"]) == (25, "age", "man")
    row = only("Singer Christina Aguilera, 23, married.", "23")
    assert row["kind"] == "age"


def test_names_models_and_times_are_not_counts():
    frame = claims_of("He watched Channel 4 on a PlayStation 2 with 3G, near a 777-200LR.")
    assert frame.height == 0
    row = only("By 1300 GMT shares had fallen.", "1300 GMT")
    assert (row["kind"], row["unit"]) == ("other", "time_of_day")
    row = only("Speeds of 2.9Mbps were seen.", "2.9Mbps")
    assert (row["kind"], row["unit"], row["value"]) == ("other", "Mbps", 2.9)


def test_sentence_final_million_keeps_the_full_stop_out():
    row = only("Farm subsidies were cut by $587m.", "$587m")
    assert row["value"] == 5.87e8 and row["currency"] == "USD"


def test_every_seed_paragraph_alone_gives_the_same_claims(seed_docs, claims):
    # Parsing a paragraph on its own (as the flow may, per body) must not change its claims.
    text = seed_docs["002"].text
    para = next(p for p in text.split("\n") if "12,000" in p)
    alone = claims_of(para).select("quote", "value", "scope", "per_side_value", "subject")
    inside = claims.filter(
        (pl.col("article_id") == "002") & pl.col("quote").is_in(alone["quote"].to_list())
    ).select("quote", "value", "scope", "per_side_value", "subject")
    assert alone.equals(inside)


def test_currency_written_twice_in_a_range():
    row = only("It will cost between £5m and £6m.", "between £5m and £6m")
    assert (row["value_low"], row["value_high"], row["currency"]) == (5e6, 6e6, "GBP")
    frame = claims_of("Costs rose from £5.5bn to £8.2bn a year.")
    assert frame["quote"].to_list() == ["£5.5bn", "£8.2bn"]


def test_half_a_million_and_glued_million():
    row = only("In India just over half a million people are affected.", "just over half a million")
    assert row["value"] == 500_000 and row["bound"] == "more_than" and row["kind"] == "count"
    row = only("More than half of the 17-million population is poor.", "17-million")
    assert row["value"] == 17e6


def test_day_ranges_and_scores_after_names():
    row = only("The show runs from 6 to 9 January 2005.", "6 to 9 January 2005")
    assert row["kind"] == "date" and (row["value_low"], row["value_high"]) == (20050106, 20050109)
    frame = claims_of("Arsenal beat Chelsea 2-1 on Sunday 16 May.")
    assert frame["quote"].to_list() == ["2", "1", "16 May"]
    assert frame["kind"].to_list() == ["other", "other", "date"]


def test_counted_people_are_not_the_source():
    frame = claims_of("Nearly two thirds of the 1,000 people interviewed said they agreed.")
    assert frame["attributed_to"].to_list() == [None, None]
    assert frame["subject"].to_list() == ["people", "people"]


def test_race_distances_and_score_lines():
    frame = claims_of("He ran the 800m in Erfurt, and 5m people watched.")
    assert frame["kind"].to_list() == ["distance", "count"]
    assert frame["value"].to_list() == [0.8, 5e6]
    frame = claims_of("Kim won 3-6 6-2 6-7 6-2 6-2 and they lost 1-2 at home.")
    assert set(frame["kind"]) == {"other"} and set(frame["unit"]) == {"score"}
    row = only("The trip takes 3-4 days.", "3-4")
    assert (row["kind"], row["bound"], row["value_low"], row["value_high"]) == (
        "duration", "range", 3, 4,
    )  # fmt: skip


EDGE_TEXTS = [
    "",
    "   \n\n  ",
    "6,000",
    "More than",
    "between June 20 and",
    "£",
    "$3bn.",
    "1,000-for-",
    "one-",
    "a dozen",
    "It cost £5.3m.\n\nIt rose 2.8% to 14.96bn.",
    "Version 1.2.3 shipped on 10.5.2004 at 10:30, 25:99 and ²³ with １２ items.",
    "1,000,000,000 people; 1,00 items; 12,34,567 rupees; .5 points; 3/4 of them; 50/50",
    "The 1990s, '90s, mid-1990s, 2004-05, 2004/2005, 2025-06-02, 2025-13-40.",
    "first second third fourth fifth half quarter dozens hundreds thousands tens",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_odd_inputs_keep_the_contract(text):
    frame = claims_of(text)
    assert dict(frame.schema) == CLAIM_COLUMNS
    for row in frame.iter_rows(named=True):
        assert text[row["start_char"] : row["end_char"]] == row["quote"]
        assert row["quote"].strip() == row["quote"] and row["quote"]
        low, high = row["value_low"], row["value_high"]
        if low is not None and high is not None:
            assert low <= high


def test_glued_signs_bounds_and_clock_times():
    frame = claims_of("Sales grew -0.1% and 53% of the near-400,000 complaints came at 2100GMT.")
    rows = {r["quote"]: r for r in frame.iter_rows(named=True)}
    assert rows["-0.1%"]["value"] == pytest.approx(-0.001)
    assert rows["near-400,000"]["bound"] == "approx" and rows["near-400,000"]["value"] == 4e5
    assert rows["2100GMT"]["unit"] == "time_of_day"
    row = only("Spending on roads since 1998/9 rose.", "1998/9")
    assert (row["kind"], row["value_low"], row["value_high"]) == ("date", 1998, 1999)


def test_value_lies_in_its_interval(claims):
    # The warehouse's critical check: value within [value_low, value_high] (null = unbounded).
    for row in claims.iter_rows(named=True):
        low, high = row["value_low"], row["value_high"]
        assert low is None or low <= row["value"] + 1e-9, row
        assert high is None or row["value"] <= high + 1e-9, row


def test_percent_subject_is_what_changed():
    row = only("Shares in Krispy Kreme sank 14.87% on Friday.", "14.87%")
    assert row["subject"] == "share"
    row = only("Pre-tax profits rose 15% to £546m.", "15%")
    assert row["subject"] == "profit"


def test_ranges_spacy_keeps_in_one_token():
    text = "Shares of $24-$26 and profits of £40m-£50m, an 8%-10% rise; IPC is 46%-owned."
    frame = claims_of(text)
    rows = {r["quote"]: r for r in frame.iter_rows(named=True)}
    assert (rows["$24-$26"]["value_low"], rows["$24-$26"]["value_high"]) == (24, 26)
    assert rows["$24-$26"]["currency"] == "USD"
    assert (rows["£40m-£50m"]["value_low"], rows["£40m-£50m"]["value_high"]) == (4e7, 5e7)
    assert rows["8%-10%"]["kind"] == "percent" and rows["8%-10%"]["value_high"] == 0.1
    assert rows["46%-owned"]["value"] == pytest.approx(0.46)
