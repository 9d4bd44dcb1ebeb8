"""Names: numbers inside names ("Channel 4", "Group of Seven") are no claims.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

import polars as pl

from tests.transforms.claims.support import claims_of, only, token_at
from transforms.claims.names import inside_name, name_end
from transforms.claims.reader import read_number
from transforms.nlp.pipeline import parse


def test_names_are_not_numbers(claims):
    quotes = set(claims.filter(pl.col("article_id") == "001")["quote"])
    assert "Seven" not in quotes  # "(Group of Seven) level"
    assert "Nine" not in quotes  # "the Bucharest Nine"


def test_names_models_and_times_are_not_counts():
    frame = claims_of("He watched Channel 4 on a PlayStation 2 with 3G, near a 777-200LR.")
    assert frame.height == 0
    row = only("By 1300 GMT shares had fallen.", "1300 GMT")
    assert (row["kind"], row["unit"]) == ("other", "time_of_day")
    row = only("Speeds of 2.9Mbps were seen.", "2.9Mbps")
    assert (row["kind"], row["unit"], row["value"]) == ("other", "Mbps", 2.9)


# --- name_end on its own --------------------------------------------------------------------


def test_name_end_skips_numbers_in_names_only(seed_docs):
    doc = seed_docs["000"]  # "the return of more than 6,000 bodies each"
    claim = read_number(doc, token_at(doc, "6,000 bodies"))
    assert name_end(doc, claim) is None and not inside_name(doc, claim)
    doc = next(iter(parse(["He watched Channel 4 on a PlayStation 2."])))
    for text in ("4", "2"):
        claim = read_number(doc, next(t.i for t in doc if t.text == text))
        assert name_end(doc, claim) == claim.end, text
