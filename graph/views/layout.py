"""Positions for large views: past a size the browser's physics takes too long to settle,
so the layout is computed once here and the page draws it as is.

The views are hub-and-spoke (counties and agencies with many leaves), so networkx's spring
layout runs on the core only (nodes linked to two or more others, at most ``CORE_MAX``), and
the remaining nodes are set in rings around the neighbour that anchors them. Linear past the
core: 5,000 nodes take well under a second, where a spring layout of the whole took 34 s.
"""
from __future__ import annotations

import math
from collections import defaultdict, deque

import networkx as nx

PHYSICS_MAX_NODES = 600  # up to this many nodes the page simulates (and then stops); beyond, positions are fixed
CORE_MAX = 300


def positions(g: nx.MultiDiGraph, *, seed: int = 7) -> dict:
    """Node → (x, y) in page pixels, deterministic for a given graph."""
    if not g:
        return {}
    simple = nx.Graph(g.to_undirected())
    n = len(simple)
    degree = dict(simple.degree)
    order = sorted(simple.nodes, key=lambda v: (-degree[v], str(v)))
    core = [v for v in order if degree[v] >= 2][:CORE_MAX] or order[:1]
    span = 60.0 * math.sqrt(n)
    core_pos = nx.spring_layout(simple.subgraph(core), seed=seed, iterations=80) if len(core) > 1 else {core[0]: (0.0, 0.0)}
    pos = {v: (float(x) * span, float(y) * span) for v, (x, y) in core_pos.items()}
    # breadth-first from the core: each node joins the ring of its first placed neighbour
    rings: dict = defaultdict(list)
    queue = deque(core)
    seen = set(core)
    while queue:
        anchor = queue.popleft()
        for nb in sorted(simple.neighbors(anchor), key=str):
            if nb in seen:
                continue
            seen.add(nb)
            rings[anchor].append(nb)
            queue.append(nb)
    stray = [v for v in order if v not in seen]  # parts not connected to the core
    for i, v in enumerate(stray):
        pos[v] = (span * 1.3 + 40.0 * (i % 40), -span + 40.0 * (i // 40))
    placed = list(core)
    for anchor in placed:
        leaves = rings.get(anchor, [])
        if not leaves:
            continue
        ax, ay = pos[anchor]
        per_ring, ring, k = 12, 0, 0
        for leaf in leaves:
            if k == per_ring:
                ring, k = ring + 1, 0
                per_ring = 12 + 8 * ring
            radius = 70.0 + 45.0 * ring
            angle = 2 * math.pi * k / per_ring + ring * 0.3
            pos[leaf] = (ax + radius * math.cos(angle), ay + radius * math.sin(angle))
            k += 1
            placed.append(leaf)
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in pos.items()}
