"""Where each metadata value of an article came from, the manifest's values laid over the
text's, and the outlet key an article counts as.

Sources: `manifest` (the catalog beside the files wins over the text), `url` (the outlet a
first-line URL names), `html` (a web page's own markup), `text` (read from the file's text).
"""

from __future__ import annotations

from transforms.ingest.manifest import FIELDS as MANIFEST_FIELDS
from transforms.normalize.parts import Article

# The articles columns whose source is recorded (articles.metadata_sources has one field each).
METADATA_FIELDS = (
    "outlet", "original_outlet", "title", "authors", "published_date", "dateline", "url",
)  # fmt: skip
UNNAMED = "unnamed:"


def outlet_key(outlet: str | None, article_id: str) -> str:
    """The outlet an article counts as: its outlet, else one of its own ('unnamed:<id>'), so
    two articles with no known outlet never corroborate or contradict each other as one."""
    return outlet if outlet is not None else UNNAMED + article_id


def _stated(value: object) -> bool:
    return value is not None and value != [] and value != ""


def text_sources(row: dict, article: Article, from_html: set[str]) -> dict[str, str | None]:
    """The source of each metadata value of `row` as the file gave it (None: no value)."""
    sources: dict[str, str | None] = {}
    for field in METADATA_FIELDS:
        if not _stated(row[field]):
            sources[field] = None
        elif field in from_html:
            sources[field] = "html"
        elif (
            field == "outlet"
            and article.url_outlet is not None
            and row[field] == article.url_outlet
        ):
            sources[field] = "url"
        else:
            sources[field] = "text"
    return sources


def with_manifest(row: dict, entry: dict | None) -> dict:
    """`row` (an articles row with `metadata_sources`) with the manifest entry's stated values
    in place of the text's, their source `manifest`, and `outlet_key` set."""
    if entry is not None:
        sources = dict(row["metadata_sources"])
        for field in MANIFEST_FIELDS:
            value = entry.get(field)
            if _stated(value):
                row[field], sources[field] = value, "manifest"
        original = row["original_outlet"]
        # An original outlet equal to the manifest's outlet is no longer a republication.
        if (
            sources["outlet"] == "manifest"
            and original is not None
            and original.casefold() == row["outlet"].casefold()
        ):
            row["original_outlet"], sources["original_outlet"] = None, None
        row["metadata_sources"] = sources
    row["outlet_key"] = outlet_key(row["outlet"], row["article_id"])
    return row
