"""A Markdown summary of a build: per report and in total."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .model import ENTITY_TYPES

if TYPE_CHECKING:
    from .build import BuildResult


def report_counts(ex) -> Counter:
    c = Counter(e.type for e in ex.entities.values() if e.mentions)
    c["relations"] = len({(r.subject, r.predicate, r.object) for r in ex.relations})
    c["posts"] = len(ex.posts)
    c["statistics"] = len(ex.statistics)
    return c


def summary_markdown(result: "BuildResult") -> str:
    cols = list(ENTITY_TYPES) + ["relations", "posts", "statistics"]
    lines = ["# govkg build summary", "", f"Reports built: {len(result.extractions)}; failed: {len(result.failures)}.", "",
             "| report | focus | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 2)]
    total: Counter = Counter()
    for ex in sorted(result.extractions, key=lambda x: x.report.id):
        c = report_counts(ex)
        total += c
        focus = ex.entities[ex.focus].name if ex.focus and ex.focus in ex.entities else "—"
        lines.append(f"| {ex.report.id} | {focus} | " + " | ".join(str(c.get(k, 0)) for k in cols) + " |")
    res = result.resolved
    if res is not None:
        nodes = Counter(k[0] for k in res.canonical)
        lines.append("| **all reports (distinct nodes)** | | " + " | ".join(
            str(nodes.get(k, 0)) if k in ENTITY_TYPES else str(total.get(k, 0)) for k in cols) + " |")
    if result.failures:
        lines += ["", "## Reports that failed", "", "| file | reason |", "|---|---|"]
        for f in result.failures:
            lines.append(f"| {f.path} | {f.reason} |")
    lines.append("")
    return "\n".join(lines)
