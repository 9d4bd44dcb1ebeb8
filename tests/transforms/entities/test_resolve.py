"""Free text to entities: claim attributions of the seeds linked to their entity."""

from __future__ import annotations

import polars as pl

from transforms.entities.resolve import link_attributions, resolve_names


def test_resolve_names(canon: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    entities, _ = canon
    eid = {r["name"]: r["entity_id"] for r in entities.iter_rows(named=True)}
    got = resolve_names(
        [
            "Umerov",
            "Defense Minister Rustem Umerov",
            "Mr Zelensky",
            "Ukraine's President Volodymyr Zelenskyy",
            "Russia's Defence Ministry",
            "Kyiv",
            "Ukraine's air force",
            "the Kremlin",
            "officials",
            None,
            "",
            "Kharkiv Mayor Ihor Terekhov",
            "Turkish Foreign Minister Hakan Fidan",
            "Ukraine's Security Service",
            "a source told us",
            "President",
            "Russian and Ukrainian officials",
            "Ukrainian officials",
        ],
        entities,
    )
    assert got == [
        eid["Rustem Umerov"],
        eid["Rustem Umerov"],
        eid["Volodymyr Zelenskyy"],
        eid["Volodymyr Zelenskyy"],
        eid["Defence Ministry"],
        eid["Kyiv"],
        eid["Ukraine"],
        eid["Kremlin"],
        None,
        None,
        None,
        eid["Ihor Terekhov"],
        eid["Hakan Fidan"],
        eid["Security Service"],
        None,
        None,
        None,
        eid["Ukrainian"],
    ]


def test_link_attributions_sets_the_column_in_place(
    canon: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    entities, _ = canon
    eid = {r["name"]: r["entity_id"] for r in entities.iter_rows(named=True)}
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3"],
            "attributed_to": ["Mr Zelensky", None, "officials"],
            "attributed_entity_id": ["stale", "stale", None],
            "group_id": ["g", "g", "g"],
        }
    )
    linked = link_attributions(claims, entities)
    assert linked.columns == claims.columns  # same position
    assert linked.schema["attributed_entity_id"] == pl.String
    assert linked["attributed_entity_id"].to_list() == [eid["Volodymyr Zelenskyy"], None, None]
    assert linked.drop("attributed_entity_id").equals(claims.drop("attributed_entity_id"))


def test_link_attributions_adds_a_missing_column(
    canon: tuple[pl.DataFrame, pl.DataFrame],
) -> None:
    entities, _ = canon
    claims = pl.DataFrame({"claim_id": ["c1"], "attributed_to": ["Umerov"]})
    linked = link_attributions(claims, entities)
    assert linked.columns == ["claim_id", "attributed_to", "attributed_entity_id"]
    assert linked["attributed_entity_id"].to_list() == resolve_names(["Umerov"], entities)
    empty = link_attributions(claims.head(0), entities)
    assert empty.height == 0 and empty.schema["attributed_entity_id"] == pl.String
