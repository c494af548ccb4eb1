"""Laying out the cross-reference graph in Python so the HTML can draw it as plain inline SVG.

No JavaScript library and no network: networkx's `spring_layout` with a fixed seed gives the same
picture on every run (so it can be tested), and needs only numpy while the graph stays small.

Only references are drawn: `refers_to`, `overrides`, `subject_to`, `exempts` and terms imported
from another statute. The `contains` hierarchy is already visible in the annotated statute text, and
the definition and term-use links (hundreds of them in a real Act, most to the interpretation
section) would bury the references in a hairball. Nodes are capped at `max_nodes`: provisions cited
by findings first, then those linking two statutes, then the most connected; the caption says how
many were left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from math import hypot, sqrt

import networkx as nx

from lexcheck.report.citation import provision_anchor, short_eid, statute_anchor
from lexcheck.report.model import Report

MAX_NODES = 60
DRAWN_KINDS = ("refers_to", "overrides", "subject_to", "exempts", "imports")
_SEED = 7
_WIDTH, _PAD, _BOX, _LABEL_ROOM, _RADIUS = 960, 20, 120, 70, 7


@dataclass(frozen=True)
class DrawnNode:
    x: float
    y: float
    label: str
    title: str
    href: str | None
    statute_index: int
    shape: str


@dataclass(frozen=True)
class DrawnEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str
    title: str


@dataclass(frozen=True)
class GraphDrawing:
    width: int
    height: int
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]
    total_nodes: int
    kinds: list[str]


@dataclass(frozen=True)
class _Place:
    """What a graph node stands for: a provision (`eid`), a defined term, or a whole statute."""

    statute: str
    eid: str | None = None
    term: str | None = None

    @property
    def shape(self) -> str:
        """circle for a provision, square for a term, diamond for a whole statute."""
        if self.term is not None:
            return "square"
        return "circle" if self.eid else "diamond"

    @property
    def label(self) -> str:
        if self.term is not None:
            return f"“{self.term}”"
        return short_eid(self.eid) if self.eid else self.statute


def _place(node: object, attrs: dict) -> _Place:
    """Reads a node named as `lexcheck.graph` names them: `statute`, `statute#eid`, `statute#term:x`."""
    statute, _, rest = str(node).partition("#")
    statute = str(attrs.get("statute", statute))
    if attrs.get("kind") == "term" or rest.startswith("term:"):
        return _Place(statute, term=str(attrs.get("term", rest.removeprefix("term:"))))
    if attrs.get("kind") == "statute" or not rest:
        return _Place(statute)
    return _Place(statute, eid=str(attrs.get("eid", rest)))


def _reference_edges(graph: nx.MultiDiGraph) -> list[tuple[object, object, str]]:
    """Every reference edge (see DRAWN_KINDS), once per (source, target, kind)."""
    seen = dict.fromkeys(
        (u, v, d["kind"])
        for u, v, d in graph.edges(data=True)
        if u != v and d.get("kind") in DRAWN_KINDS
    )
    return list(seen)


def _chosen_nodes(report: Report, edges: list[tuple[object, object, str]], limit: int) -> list:
    """The nodes worth drawing first: cited by a finding, then linking statutes, then connected."""
    degree = Counter(n for u, v, _ in edges for n in (u, v))
    cited = {f"{e.statute}#{e.eid}" for f in report.findings for e in f.evidence}
    statute = {n: _place(n, report.graph.nodes[n]).statute for n in degree}
    linking = {n for u, v, _ in edges if statute[u] != statute[v] for n in (u, v)}
    return sorted(
        degree, key=lambda n: (str(n) not in cited, n not in linking, -degree[n], str(n))
    )[:limit]


def _href(report: Report, place: _Place, node: object, graph: nx.MultiDiGraph) -> str | None:
    """Where a node links: its provision, the provision defining its term, or its statute."""
    if place.term is not None:
        edges = [*graph.in_edges(node, data=True), *graph.out_edges(node, data=True)]
        for u, v, attrs in edges:
            if attrs.get("kind") == "defines":
                definer = u if v == node else v
                return _href(report, _place(definer, graph.nodes[definer]), definer, graph)
        return None
    statute = report.statute(place.statute)
    if statute is None:
        return None
    if place.eid is None:
        return "#" + statute_anchor(statute.id)
    return "#" + provision_anchor(statute.id, place.eid) if statute.provision(place.eid) else None


def _spread(values: list[float], start: float, length: float) -> list[float]:
    """Values rescaled onto [start, start + length]; a single value lands in the middle."""
    low, span = min(values), max(values) - min(values)
    return [round(start + (float(v - low) / span if span else 0.5) * length, 1) for v in values]


def _component_boxes(layout: nx.Graph) -> tuple[dict, int]:
    """Node positions in pixels, each connected component laid out in its own box, boxes in rows.

    Laying out the whole graph at once pushes unconnected pieces to the far corners; packing the
    components side by side keeps the drawing compact. A box is as wide as its component needs
    and as tall as the component's layout is. Returns the positions and the height used.
    """
    components = sorted(
        nx.connected_components(layout), key=lambda c: (-len(c), min(str(n) for n in c))
    )
    usable = _WIDTH - 2 * _PAD
    positions: dict = {}
    x = y = row_height = 0.0
    for component in components:
        sub = layout.subgraph(component)
        raw = nx.spring_layout(sub, seed=_SEED) if len(sub) > 1 else {n: (0.0, 0.0) for n in sub}
        nodes = list(raw)
        xs, ys = [raw[n][0] for n in nodes], [raw[n][1] for n in nodes]
        width = min(usable, _BOX * sqrt(len(nodes)))
        aspect = (max(ys) - min(ys)) / ((max(xs) - min(xs)) or 1.0)
        height = max(2 * _RADIUS + 10, width * min(max(aspect, 0.3), 1.2))
        if x and x + width > usable:
            x, y, row_height = 0.0, y + row_height, 0.0
        inner_w = width - _LABEL_ROOM - 2 * _RADIUS
        inner_h = height - 2 * _RADIUS - 10
        px = _spread(xs, _PAD + x + _RADIUS, inner_w)
        py = _spread(ys, _PAD + y + _RADIUS + 5, inner_h)
        positions |= {n: (px[i], py[i]) for i, n in enumerate(nodes)}
        x += width
        row_height = max(row_height, height)
    return positions, round(y + row_height + 2 * _PAD)


def _trimmed(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, ...]:
    """The segment from a to b, shortened at both ends so arrowheads stop at the circle's edge."""
    length = hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    dx, dy = (b[0] - a[0]) / length * _RADIUS, (b[1] - a[1]) / length * _RADIUS
    return tuple(round(c, 1) for c in (a[0] + dx, a[1] + dy, b[0] - dx, b[1] - dy))


def draw(report: Report, max_nodes: int = MAX_NODES) -> GraphDrawing | None:
    """The drawing of the report's graph, or None when there is no cross-reference to draw."""
    graph = report.graph
    if graph is None:
        return None
    edges = _reference_edges(graph)
    if not edges:
        return None
    chosen = _chosen_nodes(report, edges, max_nodes)
    kept = set(chosen)
    drawn_edges = [(u, v, k) for u, v, k in edges if u in kept and v in kept]
    layout = nx.Graph()
    layout.add_nodes_from(chosen)
    layout.add_edges_from((u, v) for u, v, _ in drawn_edges)
    pos, height = _component_boxes(layout)
    statute_index = {s.id: i for i, s in enumerate(report.statutes)}
    nodes = []
    for node in chosen:
        place = _place(node, graph.nodes[node])
        nodes.append(
            DrawnNode(
                *pos[node],
                label=place.label,
                title=f"{place.statute} {place.label}",
                href=_href(report, place, node, graph),
                statute_index=statute_index.get(place.statute, len(statute_index)),
                shape=place.shape,
            )
        )
    drawn = [
        DrawnEdge(*_trimmed(pos[u], pos[v]), kind=k, title=f"{u} {k.replace('_', ' ')} {v}")
        for u, v, k in drawn_edges
    ]
    return GraphDrawing(
        width=_WIDTH,
        height=height,
        nodes=nodes,
        edges=drawn,
        total_nodes=len({n for u, v, _ in edges for n in (u, v)}),
        kinds=sorted({e.kind for e in drawn}),
    )
