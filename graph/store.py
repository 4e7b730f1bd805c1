"""Writing a build: the only module that knows the output layout and the store.

Everything is written into a sibling temporary folder which then replaces ``out/``
in one rename, so a reader never sees a half-written build.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from .errors import BuildError, InputError
from .gazetteer import load as load_gazetteer
from .rdf import dataset, union

if TYPE_CHECKING:
    from .build import BuildResult

STORE_DIR = "store"  # the persistent Oxigraph store later commands open without re-parsing
GRAPH_TRIG = "graph.trig"
GRAPH_TTL = "graph.ttl"
SUMMARY = "summary.md"
VIEW = "view.html"
VIEWS_DIR = "views"


def write_build(result: "BuildResult", *, view: bool = True) -> dict[str, Path]:
    from .summary import summary_markdown

    out = result.out_dir.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        ds = dataset(result.resolved, load_gazetteer())
        (tmp / GRAPH_TRIG).write_text(trig_text(ds), encoding="utf-8")
        g = union(ds)
        (tmp / GRAPH_TTL).write_text(g.serialize(format="turtle"), encoding="utf-8")
        (tmp / SUMMARY).write_text(summary_markdown(result), encoding="utf-8")
        load_store(tmp / STORE_DIR, tmp / GRAPH_TRIG)  # after graph.ttl: its default graph is graph.ttl
        if view:
            from .views import write_views

            store = open_store(tmp)
            write_views(store, tmp / VIEWS_DIR, result.extractions)
            del store
            # the overview also stands at the top, with links adjusted to views/
            page = (tmp / VIEWS_DIR / "overview.html").read_text(encoding="utf-8")
            page = page.replace('"reportsHref": "reports/"', '"reportsHref": "views/reports/"').replace(
                'href="index.html"', 'href="views/index.html"')
            (tmp / VIEW).write_text(page, encoding="utf-8")
        _replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return {name: out / name for name in (GRAPH_TRIG, GRAPH_TTL, SUMMARY) + ((VIEW, VIEWS_DIR) if view else ())}


def trig_text(ds: Dataset) -> str:
    """TriG with the named graphs in IRI order: rdflib's own writer orders them by hash,
    so the same input would not give the same bytes."""
    from .rdf import _bind

    prefixes: list[str] = []
    blocks: list[str] = []
    graphs = sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier))
    for g in graphs:
        one = Graph()
        _bind(one)
        for t in g:
            one.add(t)
        body = one.serialize(format="turtle")
        lines = body.splitlines()
        head = [ln for ln in lines if ln.startswith("@prefix")]
        for ln in head:
            if ln not in prefixes:
                prefixes.append(ln)
        # no re-indenting: a multi-line literal (an anchor across a line break) must stay as written
        rest = "\n".join(ln for ln in lines if not ln.startswith("@prefix")).strip("\n")
        blocks.append(f"<{g.identifier}> {{\n{rest}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _remove_leftovers(out: Path) -> None:
    """Temporary folders a killed build left beside ``out`` (never ``out`` itself)."""
    import time

    for p in out.parent.glob(f".{out.name}.tmp-*"):
        if p.is_dir() and time.time() - p.stat().st_mtime > 60:
            shutil.rmtree(p, ignore_errors=True)
    for p in out.parent.glob(f".{out.name}.old-*"):
        if p.is_dir():
            if not out.exists():  # killed between the two renames: the old build is the one to keep
                os.replace(p, out)
            else:
                shutil.rmtree(p, ignore_errors=True)


def _replace(tmp: Path, out: Path) -> None:
    """Swap the new build in: old → backup, new → out, drop backup."""
    if out.exists() and not (out / GRAPH_TRIG).exists() and any(out.iterdir()):
        raise BuildError(f"{out}: exists and is not a govkg build; refusing to replace it")
    backup = None
    if out.exists():
        backup = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, backup)
    os.replace(tmp, out)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def load_store(path: Path, trig: Path) -> None:
    """Bulk-load ``trig`` into a new on-disk Oxigraph store at ``path``; its default graph
    gets the union of the named graphs as a set (graph.ttl), so COUNT(*) counts each fact once."""
    import pyoxigraph as ox

    store = ox.Store(str(path))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    ttl = trig.with_name(GRAPH_TTL)
    if ttl.exists():
        store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    store.flush()
    store.optimize()
    del store  # released before the folder is renamed into place


def open_store(build_dir: str | Path):
    """The build's Oxigraph store, read-only (several readers may share it)."""
    import pyoxigraph as ox

    p = Path(build_dir) / STORE_DIR
    if not p.is_dir():
        raise InputError(f"{build_dir}: no {STORE_DIR}/ here; run 'govkg build' first")
    try:
        return ox.Store.read_only(str(p))
    except OSError as exc:
        raise InputError(f"{p}: cannot open the store: {exc}") from exc


def open_dataset(build_dir: str | Path) -> Dataset:
    p = Path(build_dir) / GRAPH_TRIG
    if not p.exists():
        raise InputError(f"{build_dir}: no {GRAPH_TRIG} here; run 'govkg build' first")
    ds = Dataset(default_union=True)
    ds.parse(p, format="trig")
    return ds


def open_graph(build_dir: str | Path) -> Graph:
    p = Path(build_dir) / GRAPH_TTL
    if not p.exists():
        raise InputError(f"{build_dir}: no {GRAPH_TTL} here; run 'govkg build' first")
    g = Graph()
    g.parse(p, format="turtle")
    return g
