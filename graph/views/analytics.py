"""Network analytics next to the pictures: degree and betweenness rankings, communities."""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx


@dataclass
class Ranking:
    degree: list[tuple[str, str, int]] = field(default_factory=list)  # (label, type, degree)
    betweenness: list[tuple[str, str, float]] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)  # labels, biggest first
    shared: list[tuple[str, str, int]] = field(default_factory=list)  # (label, type, counties)


def rank(g: nx.MultiDiGraph, *, top: int = 10, exact_up_to: int = 2000) -> Ranking:
    """Rankings of a view's graph. Betweenness is sampled (k=200) past ``exact_up_to`` nodes and
    communities use label propagation past it (Louvain does not scale to a province's decade)."""
    simple = nx.Graph(g.to_undirected())
    label = lambda n: g.nodes[n].get("label", str(n))  # noqa: E731
    kind = lambda n: g.nodes[n].get("type", "")  # noqa: E731
    out = Ranking()
    if not simple:
        return out
    deg = sorted(simple.degree, key=lambda t: (-t[1], label(t[0])))
    out.degree = [(label(n), kind(n), d) for n, d in deg[:top]]
    k = None if len(simple) <= exact_up_to else min(200, len(simple))
    bc = nx.betweenness_centrality(simple, k=k, seed=7)
    out.betweenness = [(label(n), kind(n), round(v, 4)) for n, v in sorted(bc.items(), key=lambda t: (-t[1], label(t[0])))[:top]]
    if len(simple) <= exact_up_to:
        comms = nx.community.louvain_communities(simple, seed=7)
    else:
        comms = list(nx.community.asyn_lpa_communities(simple, seed=7))
    comms = sorted((sorted(label(n) for n in c) for c in comms), key=lambda c: (-len(c), c))
    out.communities = [c for c in comms if len(c) > 1][:top]
    shared = [(label(n), kind(n), d.get("size_by", 0)) for n, d in g.nodes(data=True)
              if kind(n) in ("Mechanism", "Campaign", "Program")]
    out.shared = sorted(shared, key=lambda t: (-t[2], t[0]))[:top]
    return out


def format_ranking(r: Ranking) -> str:
    lines = ["## Most connected (degree)"] + [f"  {d:4}  {lab}  ({t})" for lab, t, d in r.degree]
    lines += ["", "## Brokers (betweenness)"] + [f"  {v:.4f}  {lab}  ({t})" for lab, t, v in r.betweenness]
    if r.shared:
        lines += ["", "## Most shared across counties"] + [f"  {n:4}  {lab}  ({t})" for lab, t, n in r.shared]
    lines += ["", "## Communities"] + [f"  {len(c):4}  {'、'.join(c[:12])}{' …' if len(c) > 12 else ''}" for c in r.communities]
    return "\n".join(lines) + "\n"
