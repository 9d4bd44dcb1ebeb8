"""The offline report of agreement and conflict (issue 16), and its conflicts artifact.

Promise: `build_report(warehouse_file, out_dir)` writes a self-contained static site (index of
events, conflicts first; a page per event with every claim group, each outlet's printed number
highlighted in its sentence and an SVG chart of the intervals; a page per article with its
claims and entities marked) that opens from disk with no network; `conflicts_markdown` gives
the conflicting groups as markdown for a Prefect artifact. Both only read the warehouse file.

The package is `pages`, not `report`, because `<warehouse dir>/report/` is the output folder.
"""

from warehouse.pages.artifact import conflicts_markdown
from warehouse.pages.build import build_report

__all__ = ["build_report", "conflicts_markdown"]
