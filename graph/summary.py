"""A Markdown summary of a build: per report and in total, from the parts and the resolution
the build hands it."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .model import ENTITY_TYPES

if TYPE_CHECKING:
    from .parts import BuildResult


def report_counts(ex) -> Counter:
    c = Counter(e.type for e in ex.entities.values() if e.mentions)
    c["relations"] = len({(r.subject, r.predicate, r.object) for r in ex.relations})
    c["posts"] = len(ex.posts)
    c["statistics"] = len(ex.statistics)
    return c


def _cell(text: str) -> str:
    """Text for one table cell: a | or a line break in a file name must not end the cell or the row."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "\\r").replace("\n", "\\n")


def summary_markdown(result: "BuildResult", *, max_rows: int | None = None) -> str:
    """The table of counts per report and in total; with ``max_rows``, reports past that many
    are left out of the table (the totals still count them) — for a terminal."""
    cols = list(ENTITY_TYPES) + ["relations", "posts", "statistics"]
    lines = ["# govkg build summary", "", f"Reports built: {len(result.parts)}; failed: {len(result.failures)}.", "",
             "| report | focus | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 2)]
    total: Counter = Counter()
    for i, part in enumerate(result.parts):
        total.update(part.counts)
        if max_rows is not None and i >= max_rows:
            if i == max_rows:
                lines.append(f"| … {len(result.parts) - max_rows} more (see summary.md) | | " + " | " * (len(cols) - 1) + " |")
            continue
        lines.append(f"| {_cell(part.report_id)} | {_cell(part.focus or '—')} | "
                     + " | ".join(str(part.counts.get(k, 0)) for k in cols) + " |")
    res = result.resolved
    if res is not None:
        nodes = Counter(k[0] for k in res.canonical)
        lines.append("| **all reports (distinct nodes)** | | " + " | ".join(
            str(nodes.get(k, 0)) if k in ENTITY_TYPES else str(total.get(k, 0)) for k in cols) + " |")
    if result.failures:
        lines += ["", "## Reports that failed", "", "| file | reason |", "|---|---|"]
        for f in result.failures:
            lines.append(f"| {_cell(f.path)} | {_cell(f.reason)} |")
    lines.append("")
    return "\n".join(lines)
