"""The cross-reference graph drawn in Python: deterministic, small, linked to the text."""

from __future__ import annotations

import networkx as nx
from factories import IMMIGRATION, TIP, make_report

from lexcheck.report.graph_drawing import draw


def test_drawing_is_the_same_on_every_run(report):
    assert draw(report) == draw(make_report())


def test_references_are_drawn_but_not_the_hierarchy_nor_term_definitions_and_uses(report):
    drawing = draw(report)
    assert drawing.kinds == ["exempts", "imports", "overrides", "refers_to", "subject_to"]
    assert len(drawing.nodes) == drawing.total_nodes == 11
    assert {n.shape for n in drawing.nodes} == {"circle", "square", "diamond"}


def test_nodes_link_to_provisions_terms_to_their_definition_statutes_to_their_text(report):
    hrefs = {node.label: node.href for node in draw(report).nodes if node.statute_index == 0}
    assert hrefs["s6"] == f"#{TIP}--sec_6"
    assert hrefs["“child”"] == f"#{TIP}--sec_2__para_a"
    assert hrefs[TIP] == f"#statute-{TIP}"


def test_a_large_graph_is_capped_keeping_cited_and_statute_linking_provisions(report):
    graph = nx.MultiDiGraph(report.graph)
    for i in range(300):
        graph.add_edge(f"{IMMIGRATION}#s{i}", f"{IMMIGRATION}#s{i + 1}", kind="refers_to")
        graph.add_edge(f"{IMMIGRATION}#s{i}", f"{IMMIGRATION}#s{i + 2}", kind="refers_to")
    drawing = draw(make_report(graph=graph), max_nodes=12)
    assert len(drawing.nodes) == 12
    assert drawing.total_nodes == 11 + 302
    kept = {n.href for n in drawing.nodes}
    assert {f"#{TIP}--sec_6", f"#{IMMIGRATION}--sec_12__subsec_2"} <= kept  # cited by findings
    assert f"#{IMMIGRATION}--sec_20" in kept  # refers to another statute
    assert all(0 <= n.x <= drawing.width and 0 <= n.y <= drawing.height for n in drawing.nodes)


def test_nothing_to_draw_without_a_graph_or_without_references(report):
    assert draw(make_report(graph=None)) is None
    no_references = nx.MultiDiGraph(
        [
            (f"{TIP}#part_1", f"{TIP}#sec_1", {"kind": "contains"}),
            (f"{TIP}#sec_2__para_a", f"{TIP}#term:child", {"kind": "defines"}),
        ]
    )
    assert draw(make_report(graph=no_references)) is None
