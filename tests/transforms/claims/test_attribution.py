"""Attribution: who each claim is attributed to.

End to end through `extract_claims` on the seed articles and one-sentence texts, then the
module's own functions on seed sentences.
"""

from __future__ import annotations

from tests.transforms.claims.support import claims_of, one, only, token_at
from transforms.claims.attribution import Speakers


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


def test_counted_people_are_not_the_source():
    frame = claims_of("Nearly two thirds of the 1,000 people interviewed said they agreed.")
    assert frame["attributed_to"].to_list() == [None, None]
    assert frame["subject"].to_list() == ["people", "people"]


def test_a_measurement_is_attributed_to_whoever_made_it():
    # "figures" alone names no one; the body after "from" / "by" is the source (issue 12).
    row = only(
        "Rents rose 3.2% last year, according to data from the Office for Budget Responsibility.",
        "3.2%",
    )
    assert row["attributed_to"] == "data from the Office for Budget Responsibility"
    row = only("Support fell to 41%, according to a survey by the Pew Research Center.", "41%")
    assert row["attributed_to"] == "survey by the Pew Research Center"
    # A speaker who is no measurement keeps its name alone, as before.
    row = only("Rents rose 3.2% last year, the housing minister said on Monday.", "3.2%")
    assert row["attributed_to"] == "housing minister"


# --- Speakers on its own --------------------------------------------------------------------


def test_speaker_is_the_subject_of_the_reporting_verb(seed_docs):
    doc = seed_docs["003"]  # "Ukrainian air defences damaged 52 out of 80 drones ..., the
    # Ukrainian air force said."
    tok = doc[token_at(doc, "52 out of 80", "52")]
    assert Speakers(doc, doc.text).speaker(tok, tok.sent) == "Ukrainian air force"


def test_he_resolves_to_the_earlier_named_speaker(seed_docs):
    doc = seed_docs[
        "001"
    ]  # "“We have provided ... several hundred Ukrainian children ...,” he said"
    tok = doc[token_at(doc, "several hundred", "hundred")]
    assert Speakers(doc, doc.text).speaker(tok, tok.sent) == "Umerov"


def test_attribution_comes_from_the_sentence_or_its_quotation():
    # A quoted word in the figure's sentence is no quotation of the speaker named next.
    row = only(
        'Spending hit a "record" £4.2m last year. A party spokesman, Ann Cole, said the rise'
        " was modest.",
        "£4.2m",
    )
    assert row["attributed_to"] is None
    # A quotation that continues an attributed quotation keeps its speaker.
    row = only('"Prices will rise," Chan said. "We expect 15 closures by June."', "15")
    assert row["attributed_to"] == "Chan"
    # A verb of opinion names the speaker of its own clause.
    row = only("Analysts speculated that the bank could cut 500 jobs.", "500")
    assert row["attributed_to"] == "Analysts"
