"""An audit view of one report's extraction: every entity, relation and statistic with
the sentence it came from, so a reader can check a report in a minute. It shows exactly what
the build writes into the report's graph (:func:`graph.rdf.written` chooses for both)."""
from __future__ import annotations

from pathlib import Path

from .extract import extract
from .model import ENTITY_TYPES, Extraction, ReportMeta
from .read import read_report


def explain_report(path: str | Path, meta: ReportMeta | None = None) -> Extraction:
    """One report file's extraction; ``meta``: what a manifest says of it."""
    return extract(read_report(path, meta=meta))


def explain_text(ex: Extraction, *, width: int = 60) -> str:
    def short(s: str) -> str:
        s = s.replace("\n", " ")
        return s if len(s) <= width else s[: width - 1] + "…"

    from .rdf import written

    w = written(ex)  # what the report's graph holds: the same selection the build writes
    label = {k: e.name for k, e in ex.entities.items()}
    r = ex.report
    lines = [f"# {r.id}  ({r.path}, {r.encoding or r.format}, {ex.script})"]
    if r.format not in ("text/plain", "text/markdown"):
        import hashlib

        digest = hashlib.sha256(r.text.encode("utf-8")).hexdigest()
        lines.append(f"offsets index the text extracted from the file ({len(r.text)} characters; the build keeps it "
                     f"as texts/{digest}.txt; `govkg explain --text` prints it)")
    known = [f"{k}: {v}" for k, v in (("title", r.meta.title), ("source", r.meta.source), ("url", r.meta.url)) if v]
    if known:
        lines.append("   ".join(known))
    if ex.focus:
        lines.append(f"focus: {label.get(ex.focus, ex.focus[1])}" + (f"   date: {ex.date}" if ex.date else ""))
    for t in ENTITY_TYPES:
        ents = sorted((e for _, e in w.entities if e.type == t), key=lambda e: min((m.begin for m in e.mentions), default=-1))
        if not ents:
            continue
        lines.append(f"\n## {t} ({len(ents)})")
        for e in ents:
            extra = ""
            if e.attrs.get("code"):
                extra += f" [{e.attrs['code']}]"
            if e.components:
                extra += f" parts({len(e.components)}/{e.formula_count or '?'}): {'、'.join(e.components)}"
            elif e.formula_count:
                extra += f" formula {e.formula_count}, parts not listed"
            at = ", ".join(f"{m.begin}-{m.end}" for m in e.mentions[:4]) or "implied by a post, not named"
            lines.append(f"  {e.name}{extra}   @ {at}")
            aliases = sorted(a for a in e.aliases if a != e.name)
            if aliases:
                lines.append(f"      also: {' | '.join(aliases[:6])}")
    lines.append(f"\n## Relations ({len(w.relations)})")
    for r in w.relations:
        lines.append(f"  {label.get(r.subject, r.subject[1])} —{r.predicate}→ {label.get(r.object, r.object[1])}")
        lines.append(f"      « {short(r.quote)} »")
    if w.posts:
        lines.append(f"\n## Posts ({len(w.posts)})")
        for p in w.posts:
            lines.append(f"  {label.get(p.person, p.person[1])}: {p.title} @ {label.get(p.org, p.org[1])}")
    lines.append(f"\n## Statistics ({len(w.statistics)})")
    for s in w.statistics:
        value = int(s.value) if float(s.value).is_integer() else s.value
        q = f" ({s.qualifier})" if s.qualifier else ""
        period = f" [{s.period}]" if s.period else ""
        about = label.get(s.subject, "—") if s.subject else "—"
        lines.append(f"  {about}: {s.indicator} = {value} {s.unit}{q}{period}")
        lines.append(f"      « {short(s.quote)} »")
    return "\n".join(lines) + "\n"
