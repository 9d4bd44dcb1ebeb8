"""Caption mentions (part_role caption, offsets into article_parts.text) and places named
before a head noun ("the Irkutsk region"), on text the rules were not written from."""

from __future__ import annotations

import polars as pl

from transforms.entities.canonicalize import canonicalize_mentions
from transforms.entities.captions import caption_mentions, caption_parts
from transforms.entities.mentions import extract_mentions
from transforms.entities.place_heads import head_places
from transforms.nlp.pipeline import parse


def test_head_places_take_the_name_before_the_head_noun() -> None:
    text = (
        "Troops left southern Kherson province; in Helmand province and the Nizhny Novgorod "
        "region, Britain's Kent county council and the region itself were quiet. The Region "
        "of Murcia."
    )
    assert [text[a:b] for a, b, _ in head_places(text)] == [
        "Kherson", "Helmand", "Nizhny Novgorod", "Kent"
    ]  # fmt: skip


def test_a_head_place_spacy_left_untagged_becomes_a_gpe_mention() -> None:
    text = "Shelling hit the Zakarpattia region overnight, local officials said."
    rows = extract_mentions(["a"], list(parse([text])))
    place = rows.filter(pl.col("text") == "Zakarpattia")
    assert place.height == 1 and place["label"][0] == "GPE"
    assert text[place["start_char"][0] : place["end_char"][0]] == "Zakarpattia"


def _parts() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "part_id": ["p1", "p2", "p3"],
            "article_id": ["art1", "art1", "art1"],
            "role": ["caption", "caption", "credit"],
            "text": [
                "Finance minister Chrystia Freeland speaks in Ottawa (Reuters/Blair Gable)",
                "Finance minister Chrystia Freeland speaks in Ottawa (Reuters/Blair Gable)",
                "Photo: Jean Tremblay",
            ],
            "is_repeat": [False, True, False],
        }
    )


def test_caption_mentions_index_their_part_and_say_so() -> None:
    captions = caption_parts(_parts())
    assert captions["part_id"].to_list() == ["p1"]  # the repeat and the credit are left out
    rows = caption_mentions(captions, list(parse(captions["text"].to_list())))
    texts = dict(
        zip(rows["text"], zip(rows["part_role"], rows["part_id"], strict=True), strict=True)
    )
    assert texts["Chrystia Freeland"] == ("caption", "p1")
    caption = captions["text"][0]
    for start, end, text in rows.select("start_char", "end_char", "text").rows():
        assert caption[start:end] == text
    assert set(rows["article_id"]) == {"art1"}


def test_caption_and_body_mentions_at_one_offset_keep_two_ids() -> None:
    body = "Finance minister Chrystia Freeland met Mark Carney in Ottawa on Monday."
    captions = caption_parts(_parts())
    cap = caption_mentions(captions, list(parse(captions["text"].to_list())))
    body_rows = extract_mentions(["art1"], list(parse([body]))).with_columns(
        sentence_id=pl.lit("s1")
    )
    both = pl.concat([body_rows, cap.select(body_rows.columns)])
    both = both.with_columns(mention_id=pl.lit(None, pl.String), entity_id=pl.lit(None, pl.String))
    # Both print "Chrystia Freeland" at offset 17: one in the body, one in the caption.
    assert both.filter(pl.col("text") == "Chrystia Freeland")["start_char"].to_list() == [17, 17]
    entities, out = canonicalize_mentions(both, None)
    assert out["mention_id"].n_unique() == out.height
    freeland = out.filter(pl.col("text") == "Chrystia Freeland")
    assert sorted(freeland["part_role"]) == ["body", "caption"]
    assert freeland["entity_id"].n_unique() == 1  # one person, in the body and the caption
    assert set(out.filter(pl.col("part_role") == "body")["sentence_id"]) == {"s1"}
    assert out.filter(pl.col("part_role") == "caption")["sentence_id"].null_count() == len(
        out.filter(pl.col("part_role") == "caption")
    )


def test_a_person_glued_to_the_org_they_head_is_split() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from transforms.entities.glued import split_glued_names

    words = "the chief of Pakistani Intelligence Asim Munir and Defence Intelligence Staff".split()
    pos = ["DET", "NOUN", "ADP", "ADJ", "PROPN", "PROPN", "PROPN", "CCONJ"] + ["PROPN"] * 3
    doc = Doc(Vocab(), words=words, pos=pos)
    spans = [(3, 7, "ORG"), (8, 11, "ORG")]
    out = list(split_glued_names(doc, spans, lambda t: t.text == "Pakistani"))
    assert [(doc[a:b].text, lab) for a, b, lab in out] == [
        ("Pakistani Intelligence", "ORG"),
        ("Asim Munir", "PERSON"),
        ("Defence Intelligence Staff", "ORG"),  # no nationality first: left whole
    ]
