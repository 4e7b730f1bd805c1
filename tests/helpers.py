"""Small accessors over an Extraction for readable assertions."""
from __future__ import annotations

from graph import extract_text


def run(text: str):
    return extract_text(text, "t")


def names(ex, etype: str) -> set[str]:
    return {e.name for e in ex.entities.values() if e.type == etype and e.mentions}


def entity(ex, etype: str, name: str):
    for e in ex.entities.values():
        if e.type == etype and e.name == name:
            return e
    raise AssertionError(f"no {etype} {name}: have {names(ex, etype)}")


def relations(ex, predicate: str) -> set[tuple[str, str]]:
    label = {k: e.name for k, e in ex.entities.items()}
    return {(label[r.subject], label[r.object]) for r in ex.relations if r.predicate == predicate}
