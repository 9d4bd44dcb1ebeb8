"""An offline index for the Data Docs folder.

Great Expectations' own index page draws its table with jQuery and bootstrap-table loaded from
public CDNs, so offline it shows nothing. Its validation pages are rendered server-side and
stay readable. This module writes a self-contained `index.html` (inline CSS, no scripts)
listing every expectation of the run and linking each suite to its GX validation page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import polars as pl

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.fail{background:#fde2e2}.pass{background:#e6f4ea}
code{font-size:.8rem;word-break:break-all}
"""


def _validation_pages(docs_dir: Path) -> dict[str, str]:
    """suite.frame name -> relative path of its newest GX validation page."""
    pages: dict[str, str] = {}
    for page in sorted((docs_dir / "validations").rglob("*.html")):
        relative = page.relative_to(docs_dir / "validations")
        pages[".".join(relative.parts[:2])] = str(page.relative_to(docs_dir))
    return pages


# A src= or href= pointing off the machine (the GX pages' CDN scripts, styles, fonts, logo).
_EXTERNAL = re.compile(r"""(?:src|href)=["'](https?://[^"']+)""", re.I)


def external_urls(docs_dir: Path) -> set[str]:
    """Every external URL the GX validation pages would load (or link to)."""
    return {
        url
        for page in (docs_dir / "validations").rglob("*.html")
        for url in _EXTERNAL.findall(page.read_text(encoding="utf-8", errors="replace"))
    }


def _network_note(docs_dir: Path) -> str:
    urls = external_urls(docs_dir)
    if not urls:
        return "<p>Every page here opens offline.</p>"
    hosts = sorted({url.split("/")[2] for url in urls})
    return (
        "<p><b>Needs a network:</b> the Great Expectations validation pages linked below load "
        f"{len(urls)} external URLs (from {html.escape(', '.join(hosts))}) for their styles, "
        "scripts and logo; offline they show their text unstyled. This index itself needs no "
        "network.</p>"
    )


def write_offline_index(docs_dir: Path, results: pl.DataFrame, run_id: str) -> Path:
    """Write `docs_dir/index.html` for `results` of `run_id`; returns its path."""
    pages = _validation_pages(docs_dir)
    failed = results.filter(~pl.col("success")).height
    rows = []
    for r in results.sort("success", "severity", "suite").iter_rows(named=True):
        name = f"{r['suite']}.{r['table_name']}"
        link = pages.get(name)
        suite = f'<a href="{html.escape(link)}">{html.escape(name)}</a>' if link else name
        rows.append(
            f'<tr class="{"pass" if r["success"] else "fail"}"><td>{suite}</td>'
            f"<td>{'passed' if r['success'] else 'FAILED'}</td>"
            f"<td>{html.escape(r['severity'])}</td>"
            f"<td><code>{html.escape(r['expectation'])}</code></td>"
            f"<td>{html.escape(r['protects'] or '')}</td>"
            f"<td><code>{html.escape(r['observed'] or '')}</code></td></tr>"
        )
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>newsclaims checks {run_id}"
        f"</title><style>{_STYLE}</style></head><body><h1>newsclaims checks</h1>"
        f"<p>Run <b>{html.escape(run_id)}</b>: {results.height - failed} passed, {failed} failed."
        " Suite names link to the Great Expectations validation pages.</p>"
        f"{_network_note(docs_dir)}"
        "<table><tr><th>suite.frame</th><th>result</th><th>severity</th><th>expectation</th>"
        f"<th>protects</th><th>observed</th></tr>{''.join(rows)}</table></body></html>"
    )
    target = docs_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
