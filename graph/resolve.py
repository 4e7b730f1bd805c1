"""Resolve entities across reports: one node per (type, key), one canonical name each.

Within a report, extraction already qualified bare names to the report's places
(县公安局 → 慈利县公安局). Across reports the same key is the same node; its canonical
name is the form the reports use most (ties: shorter, then code-point order), so the
result does not depend on the order the files were read in.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Extraction


@dataclass
class Resolved:
    extractions: list[Extraction]
    canonical: dict[tuple[str, str], str] = field(default_factory=dict)
    aliases: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    attrs: dict[tuple[str, str], dict] = field(default_factory=dict)
    components: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    formula_count: dict[tuple[str, str], int] = field(default_factory=dict)


def resolve(extractions: list[Extraction]) -> Resolved:
    exs = sorted(extractions, key=lambda x: x.report.id)
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    out = Resolved(exs)
    for ex in exs:
        for key, e in ex.entities.items():
            names[key][e.name] += max(1, len(e.mentions))
            out.aliases.setdefault(key, set()).update(e.aliases | {e.name})
            merged = out.attrs.setdefault(key, {})
            for k, v in sorted(e.attrs.items()):
                merged.setdefault(k, v)
            if e.components:  # the union over reports, in the order first seen
                have = out.components.setdefault(key, [])
                have.extend(c for c in e.components if c not in have)
            if e.formula_count is not None:
                out.formula_count.setdefault(key, e.formula_count)
    for key, counter in names.items():
        out.canonical[key] = sorted(counter.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        out.aliases[key].discard(out.canonical[key])
        out.aliases[key].discard("")
    return out

