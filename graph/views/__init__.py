"""Interactive network views of a build: overview, county, mechanism, agency, report.

``make_view(build_dir, kind, focus)`` returns one page's HTML; ``write_views`` writes the set
``govkg build`` leaves in ``out/views/`` (overview, mechanism, agency, one page per county and
per report, the report texts with their mentions marked, and an index).
"""
from __future__ import annotations

import hashlib
import html
import os
import posixpath
from urllib.parse import quote
from pathlib import Path

from .page import VIS_ASSET, analytics_html, render, write_vis_asset

__all__ = ["KINDS", "make_view", "write_views", "show", "rank", "format_ranking", "Ranking"]


def __getattr__(name: str):
    # the network modules load networkx (65 ms) on import; every build writes report text pages
    # (views.page) whether or not it makes a network view, so they are loaded when first asked for
    if name in ("rank", "format_ranking", "Ranking"):
        from . import analytics

        return getattr(analytics, name)
    if name in ("KINDS", "slice_for"):
        from . import data

        return getattr(data, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


TITLES = {"overview": "总览 Overview", "mechanism": "机制扩散 County × mechanism", "agency": "机构与行动 Agencies",
          "county": "县域 County", "report": "报道 Report", "map": "扩散地图 Diffusion map"}


def make_view(store, kind: str, focus: str | None = None, *, reports_href: str = "reports/",
              index_href: str = "index.html") -> str:
    if kind == "map":  # the diffusion map of one item (``focus``), or of every shared item to choose from
        from .map import make_map

        return make_map(store, focus, reports_href=reports_href, index_href=index_href)
    return _pages(store, kind, focus, [(reports_href, index_href)])[0]


def _pages(store, kind: str, focus: str | None, links: list[tuple[str, str]], cat: dict | None = None,
           vis_src: str | None = None, rows: dict | None = None) -> list[str]:
    """One view rendered once per (reports link, index link): the slice and its analytics are
    computed once."""
    from .analytics import rank
    from .data import slice_for

    g = slice_for(store, kind, focus, cat=cat, rows=rows)
    shown = g.nodes[focus].get("label", focus) if focus in g else focus  # a county given by its IRI: its name
    title = TITLES[kind] + (f" — {shown}" if focus else "")
    side = analytics_html(rank(g)) if kind == "overview" else ""
    return [render(g, title=f"govkg · {title}", reports_href=r, analytics=side, index_href=i,
                   vis_src=vis_src and posixpath.join(posixpath.dirname(i), vis_src))  # the script sits beside the index
            for r, i in links]


def show(build_dir, kind: str = "overview", focus: str | None = None, *, height: int = 620):
    """A view inline in Jupyter: the page in a sandboxed iframe (scripts run; it reaches nothing)."""
    import html as _html

    from IPython.display import HTML

    from ..store import open_store

    page = make_view(open_store(build_dir), kind, focus, reports_href=str(Path(build_dir).resolve() / "views" / "reports") + "/")
    return HTML(f'<iframe sandbox="allow-scripts" style="width:100%;height:{height}px;border:1px solid #ddd" '
                f'srcdoc="{_html.escape(page, quote=True)}"></iframe>')


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def write_views(store, folder: Path, *, top_page: Path | None = None, jobs: int = 1, store_path: Path | None = None,
                cat: dict[str, dict] | None = None) -> list[Path]:
    """Write the standard set of views into ``folder`` (out/views); ``top_page`` also gets the
    overview, linking into ``folder`` from the folder above it (out/view.html). The report
    texts (folder/reports/) are written by the build as the reports stream past. With ``jobs``
    > 1 and the store's folder (``store_path``), the pages are made in that many forked
    processes, each reading the store on its own (same bytes as one process writes). ``cat``:
    the entities' details (:func:`~graph.views.data.catalog`), if already known."""
    from .data import _select, catalog, counties, county_rows

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "reports").mkdir(exist_ok=True)
    pages = [("overview", None, "overview.html"), ("mechanism", None, "mechanism.html"), ("agency", None, "agency.html")]
    listed = counties(store)
    shared = {label for _, label, _ in listed if sum(1 for _, other, _ in listed if other == label) > 1}
    # a page per county, its file named by its name (counties that share a name told apart by code
    # or IRI); its focus is the IRI, checked with one question instead of listing every county per page
    pages += [("county", iri,
               f"county-{_safe_name(label)}" + (f"-{code or hashlib.sha1(iri.encode()).hexdigest()[:8]}" if label in shared else "")
               + ".html") for iri, label, code in listed]
    # a report's own network is one command away (govkg view --kind report); a page each would
    # be tens of thousands of files for a province's decade, and its text page is linked below
    report_ids = sorted({r["id"] for r in _select(store, "SELECT ?id WHERE { ?r a gk:Report ; dcterms:identifier ?id }")})
    if cat is None:
        cat = catalog(store)  # every entity's details, read once for all the pages
    rows = county_rows(store, [iri for iri, _, _ in listed])  # what the county pages show, a few queries for all
    write_vis_asset(folder)
    if jobs > 1 and store_path is not None and len(pages) > 1:
        import multiprocessing as mp

        _SHARED.update(path=store_path, folder=folder, top=top_page, cat=cat, rows=rows)  # inherited by the forked writers
        try:
            with mp.get_context("fork").Pool(jobs) as pool:
                pool.map(_page_in_worker, pages, chunksize=1)
        finally:
            _SHARED.clear()
    else:
        for page in pages:
            _write_page(store, folder, top_page, cat, page, rows)
    written = [folder / name for _, _, name in pages]
    from .map import write_maps

    maps = write_maps(store, folder)  # a page per item reported in two counties or more
    written += [folder / name for _, name in maps]
    mapped = "".join(f'<li><a href="{html.escape(n, quote=True)}">{html.escape(label)}</a></li>' for label, n in maps)
    items = "".join(f'<li><a href="{html.escape(p.name, quote=True)}">{html.escape(_label(p.name))}</a></li>' for p in written[:len(pages)])
    texts = "".join(f'<li><a href="reports/{html.escape(quote(rid), quote=True)}.html">{html.escape(rid)}</a></li>' for rid in report_ids)
    (folder / "index.html").write_text(f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>govkg views</title>
<style>body{{font-family:sans-serif;margin:2em}}</style></head><body><h1>govkg views 视图</h1><ul>{items}</ul>
{f'<h2>扩散地图 Diffusion maps</h2><p>Counties by the year each first reports the item, its adoption curve beside it.</p><ul>{mapped}</ul>' if mapped else ''}
<h2>报道原文 Report texts</h2><p>A report's own network: <code>govkg view OUT --kind report --focus ID</code></p><ul>{texts}</ul>
</body></html>
""", encoding="utf-8")
    return written


_SHARED: dict = {}  # what write_views hands to its forked page writers


def _page_in_worker(page: tuple[str, str | None, str]) -> None:
    import pyoxigraph as ox

    if "store" not in _SHARED:  # a handle of this process's own
        _SHARED["store"] = ox.Store.read_only(str(_SHARED["path"]))
    _write_page(_SHARED["store"], _SHARED["folder"], _SHARED["top"], _SHARED["cat"], page, _SHARED["rows"])


def _write_page(store, folder: Path, top_page: Path | None, cat: dict, page: tuple[str, str | None, str],
                rows: dict | None = None) -> None:
    kind, focus, name = page
    links = [("reports/", "index.html")]
    if top_page is not None and kind == "overview":
        links.append((f"{folder.name}/reports/", f"{folder.name}/index.html"))
    html_pages = _pages(store, kind, focus, links, cat, VIS_ASSET, rows)
    (folder / name).write_text(html_pages[0], encoding="utf-8")
    if len(html_pages) > 1:
        top_page.write_text(html_pages[1], encoding="utf-8")


def _label(name: str) -> str:
    stem = os.path.splitext(name)[0]
    for kind in ("county-", "report-"):
        if stem.startswith(kind):
            return f"{TITLES[kind[:-1]]}: {stem[len(kind):]}"
    return TITLES.get(stem, stem)
