"""Render a view's graph as one self-contained HTML page.

The network is vis-network's nodes and edges as pyvis makes them (pyvis's package ships the
vis-network script the pages load); the page is our own template because pyvis's links Bootstrap
and vis-network from CDNs and leaves some fields unescaped. Here every
script is inlined, all data sits in one JSON block with <, > and & escaped, and the page puts
text into the document only through ``textContent``: report text stays inert.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GovkgError

if TYPE_CHECKING:
    import networkx as nx

TYPE_STYLE = {  # type: (colour, vis shape, 中文)
    "Place": ("#4e79a7", "dot", "地方"), "Agency": ("#f28e2b", "box", "机构"), "Campaign": ("#e15759", "triangle", "专项行动"),
    "Program": ("#76b7b2", "diamond", "工程"), "Mechanism": ("#59a14f", "star", "机制"), "Person": ("#edc948", "ellipse", "人物"),
    "Document": ("#b07aa1", "square", "文件"), "Honor": ("#ff9da7", "hexagon", "荣誉"),
    "Component": ("#9c755f", "text", "组成部分"), "Statistic": ("#bab0ac", "dot", "统计"),
}
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
              '"WenQuanYi Micro Hei", sans-serif')


@lru_cache(maxsize=1)
def _vis_js() -> str:
    from importlib.util import find_spec

    # found, not imported: importing pyvis loads IPython and jinja2 (about 0.1 s of every build)
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise GovkgError("pyvis is not installed: it ships the vis-network script the views load")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def template(name: str) -> str:
    """A page template of graph/web (read once: a build renders a page per county and item)."""
    return resources.files("graph.web").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=50000)
def pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.TONE, errors="ignore"))


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def network_json(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict], bool]:
    """(nodes, edges, physics?) for vis-network: the objects pyvis's ``Network(directed=True)``
    makes (same keys, same order), made directly (pyvis checks each new node and edge against
    a list of every node: quadratic in a page's size), with our own fields on each node."""
    from .layout import PHYSICS_MAX_NODES, positions  # networkx: not for report pages, which every build writes

    order = sorted(g.nodes, key=str)
    ids = {n: i for i, n in enumerate(order)}
    physics = len(g) <= PHYSICS_MAX_NODES
    pos = {} if physics else positions(g)
    nodes = []
    for n in order:
        d = g.nodes[n]
        t = d.get("type", "Place")
        colour, shape, _ = TYPE_STYLE.get(t, ("#999", "dot", t))
        label = d.get("label", str(n))
        size = 10 + 4 * min(int(d.get("size_by", 0) or 0), 10)
        node = {"color": colour, "size": size}  # no group: its palette would override the type colour
        if n in pos:
            node.update(x=pos[n][0], y=pos[n][1])
        node.update(id=ids[n], label=label or ids[n], shape=shape, kind=t, pinyin=pinyin(label), code=d.get("code", ""),
                    reports=d.get("reports", ""), quotes=list(d.get("quotes", []))[:3], mention=d.get("mention"),
                    iri=str(n) if str(n).startswith("http") else "")
        nodes.append(node)
    edges = []
    for s, o, key, d in g.edges(keys=True, data=True):
        label = d.get("predicate", key)
        if d.get("year"):
            label += f" {d['year']}"
        edges.append({"label": label, "from": ids[s], "to": ids[o], "arrows": "to"})
    return nodes, edges, physics


VIS_ASSET = "vis-network.min.js"  # the name of the shared copy beside a build's pages


def write_vis_asset(folder) -> None:
    """The vis-network script once per folder of pages, instead of inside every page."""
    (folder / VIS_ASSET).write_text(_vis_js(), encoding="utf-8")


def render(g: nx.MultiDiGraph, *, title: str, reports_href: str = "reports/", analytics: str = "",
           index_href: str = "index.html", vis_src: str | None = None) -> str:
    """The page; ``vis_src``: load vis-network from this relative path (a build's many pages
    share one copy) instead of inlining it (a page that stands alone)."""
    nodes, edges, physics = network_json(g)
    present = sorted({n["kind"] for n in nodes}, key=lambda t: list(TYPE_STYLE).index(t) if t in TYPE_STYLE else 99)
    options = {
        "physics": {"enabled": physics, "solver": "barnesHut", "stabilization": {"enabled": physics, "iterations": 200},
                    "barnesHut": {"springLength": 110, "gravitationalConstant": -6000}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "font": {"size": 8, "face": FONT_STACK},
                  "color": {"color": "#bbb"}},
        "nodes": {"font": {"face": FONT_STACK, "size": 13}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(nodes) > 1000},
        "layout": {"improvedLayout": physics and len(nodes) < 150, "randomSeed": 7},
    }
    data = {"nodes": nodes, "edges": edges, "options": options, "reportsHref": reports_href, "types": present,
            "typeNames": {t: TYPE_STYLE[t][2] for t in present if t in TYPE_STYLE},
            "colours": {t: TYPE_STYLE[t][0] for t in present if t in TYPE_STYLE}, "hidden": g.graph.get("hidden", 0),
            "hiddenWhat": g.graph.get("hidden_what", "items")}
    page = template("view.html")
    if vis_src is None:
        page = page.replace("/*VIS*/", _vis_js())
    else:  # CSP: scripts only from the page itself or files beside it (file: when opened from disk)
        page = (page.replace("<script>/*VIS*/</script>", f'<script src="{html.escape(vis_src, quote=True)}"></script>')
                .replace("script-src 'unsafe-inline'", "script-src 'self' file: 'unsafe-inline'"))
    return (page.replace("{{TITLE}}", html.escape(title)).replace("{{FONT}}", FONT_STACK)
            .replace("{{INDEX}}", html.escape(index_href, quote=True))
            .replace("{{ANALYTICS}}", analytics).replace("/*DATA*/null", _json(data)))


def analytics_html(ranking) -> str:
    """The overview's side panel: rankings and communities, escaped."""
    esc = html.escape
    parts = ["<h3>最常连接 Most connected</h3><ol>"]
    parts += [f"<li>{esc(lab)} <small>{esc(t)} · {d}</small></li>" for lab, t, d in ranking.degree]
    parts += ["</ol><h3>桥接 Brokers (betweenness)</h3><ol>"]
    parts += [f"<li>{esc(lab)} <small>{esc(t)} · {v:.3f}</small></li>" for lab, t, v in ranking.betweenness]
    if ranking.shared:
        parts += ["</ol><h3>多县共有 Most shared</h3><ol>"]
        parts += [f"<li>{esc(lab)} <small>{esc(t)} · {n} 县</small></li>" for lab, t, n in ranking.shared]
    parts += ["</ol><h3>社群 Communities</h3><ol>"]
    parts += [f"<li>{esc('、'.join(c[:8]))}{' …' if len(c) > 8 else ''} <small>({len(c)})</small></li>" for c in ranking.communities]
    parts.append("</ol>")
    return "".join(parts)


_HTML_SPECIAL = re.compile("[&<>\"']")  # what html.escape changes


def report_page(report_id: str, text: str, mentions: list[tuple[int, int, str]]) -> str:
    """The report's original text with every mention marked; #c<begin> jumps to a mention."""
    spans = sorted({(b, e, t) for b, e, t in mentions if 0 <= b < e <= len(text)})
    # a report without & < > " ' (most) has no piece to escape: str() gives each piece as it is
    esc = html.escape if _HTML_SPECIAL.search(text) else str
    kinds = {t: html.escape(t) for _, _, t in spans}
    out, pos = [], 0
    for b, e, t in spans:
        if b < pos:
            continue
        out.append(esc(text[pos:b]))
        out.append(f'<mark id="c{b}" class="{kinds[t]}" title="{kinds[t]}">{esc(text[b:e])}</mark>')
        pos = e
    out.append(esc(text[pos:]))
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(report_id)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>body{{font-family:{FONT_STACK};max-width:52em;margin:1em auto;line-height:1.7}} pre{{white-space:pre-wrap;font-family:inherit}}
mark{{background:#ffe9a8}} mark:target,mark.now{{background:#ffb347;outline:2px solid #e15759}}</style></head>
<body><h2>{html.escape(report_id)}</h2><pre>{''.join(out)}</pre>
<script>const t = document.getElementById(location.hash.slice(1)); if (t) {{ t.classList.add("now"); t.scrollIntoView({{block: "center"}}); }}</script>
</body></html>
"""
