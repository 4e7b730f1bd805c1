"""Interactive network views: pyvis builds the network, our own template renders it.

pyvis's stock template links Bootstrap and vis-network from CDNs and leaves some fields
unescaped; this template inlines the vis-network script pyvis ships and puts all data in
one JSON block with <, > and & escaped, so a page works offline and report text stays inert.
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from .vocab import GK

TYPE_STYLE = {  # type: (colour, shape)
    "Place": ("#4e79a7", "dot"), "Agency": ("#f28e2b", "box"), "Campaign": ("#e15759", "triangle"),
    "Program": ("#76b7b2", "diamond"), "Mechanism": ("#59a14f", "star"), "Person": ("#edc948", "ellipse"),
    "Document": ("#b07aa1", "square"), "Honor": ("#ff9da7", "hexagon"),
}
EDGE_PREDICATES = ("within", "jurisdiction", "conducts", "implements", "adopts", "issuedBy", "awardedTo")
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif')


@lru_cache(maxsize=1)
def _vis_js() -> str:
    lib = resources.files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js")
    return lib.read_text(encoding="utf-8")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _type_of(g: Graph, node) -> str | None:
    for t in TYPE_STYLE:
        if (node, RDF.type, GK[t]) in g:
            return t
    for lvl in ("Province", "Prefecture", "County", "Township", "Village"):
        if (node, RDF.type, GK[lvl]) in g:
            return "Place"
    return None


def network_data(g: Graph) -> tuple[list[dict], list[dict]]:
    from pyvis.network import Network

    net = Network(directed=True)
    ids: dict = {}
    for pred in EDGE_PREDICATES:
        for s, o in g.subject_objects(GK[pred]):
            for n in (s, o):
                if n in ids:
                    continue
                t = _type_of(g, n)
                if t is None:
                    continue
                label = str(g.value(n, SKOS.prefLabel) or n)
                colour, shape = TYPE_STYLE[t]
                ids[n] = len(ids)
                code = g.value(n, GK.divisionCode)
                title = f"{t}: {label}" + (f"\n区划代码 {code}" if code else "")
                net.add_node(ids[n], label=label, title=title, color=colour, shape=shape, group=t)
            if s in ids and o in ids:
                net.add_edge(ids[s], ids[o], title=pred, label=pred)
    return net.nodes, net.edges


def overview_html(g: Graph, *, title: str = "govkg — overview") -> str:
    nodes, edges = network_data(g)
    legend = "".join(f'<span class="lg"><i style="background:{c}"></i>{html.escape(t)}</span>'
                     for t, (c, _) in TYPE_STYLE.items())
    options = {"physics": {"stabilization": {"iterations": 200}, "barnesHut": {"springLength": 120}},
               "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                         "font": {"size": 8}},
               "nodes": {"font": {"face": FONT_STACK}}, "interaction": {"hover": True}}
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<style>body{{margin:0;font-family:{FONT_STACK}}} #net{{width:100vw;height:92vh}} header{{padding:6px 10px;font-size:14px}}
.lg{{margin-right:12px}} .lg i{{display:inline-block;width:10px;height:10px;margin-right:4px}}</style></head>
<body><header><b>{html.escape(title)}</b> — {len(nodes)} nodes, {len(edges)} edges. {legend}</header>
<div id="net"></div>
<script>{_vis_js()}</script>
<script type="application/json" id="data">{_json({"nodes": nodes, "edges": edges, "options": options})}</script>
<script>
const data = JSON.parse(document.getElementById("data").textContent);
const net = new vis.Network(document.getElementById("net"),
  {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, data.options);
net.once("stabilizationIterationsDone", () => net.setOptions({{physics: false}}));
</script></body></html>
"""
