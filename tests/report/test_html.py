"""The HTML report as a document: self-contained, escaped, every link landing somewhere."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

from factories import HOSTILE_TEXT, IMMIGRATION, TIP, make_report

from lexcheck.report import render
from lexcheck.report.formats import json as json_format


class _Anchors(HTMLParser):
    """Collects ids, fragment links, external references and script blocks of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.fragments: list[str] = []
        self.external: list[str] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        for name in ("href", "src", "xlink:href", "action"):
            value = attributes.get(name) or ""
            if value.startswith("#"):
                self.fragments.append(value[1:])
            elif value:
                self.external.append(value)
        if tag == "script":
            self.scripts.append(attributes)


def parse(page: str) -> _Anchors:
    anchors = _Anchors()
    anchors.feed(page)
    return anchors


def test_statute_text_with_markup_is_shown_as_text(rendered):
    page = rendered["html"]
    assert HOSTILE_TEXT not in page
    assert "&lt;script&gt;alert(&#34;statute&#34;)&lt;/script&gt; &amp;" in page
    assert len(parse(page).scripts) == 2  # the embedded data and the report's own script


def test_page_is_self_contained_and_forbids_every_fetch(rendered):
    page = rendered["html"]
    assert (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
        in page
    )
    assert parse(page).external == []
    assert not re.search(r"<link\b|@import|url\((?!#)", page)


def test_every_fragment_link_has_a_target_and_ids_are_unique(rendered):
    anchors = parse(rendered["html"])
    assert len(anchors.ids) == len(set(anchors.ids))
    assert set(anchors.fragments) <= set(anchors.ids)


def test_each_finding_has_its_anchor_and_the_matrix_links_to_it(rendered, report):
    anchors = parse(rendered["html"])
    for finding in report.findings:
        anchor = report.anchor(finding)
        assert anchor in anchors.ids
        assert (
            anchors.fragments.count(anchor) >= 3
        )  # summary or matrix title, cell, framework column


def test_provisions_have_statute_anchors_and_bare_eids_land_on_the_first_statute(rendered):
    ids = set(parse(rendered["html"]).ids)
    assert {f"{TIP}--sec_5__subsec_2", f"{TIP}--sec_1", f"{IMMIGRATION}--sec_1"} <= ids
    page = rendered["html"]
    alias = page.index('id="sec_1"')
    assert page.index(f'id="{TIP}--sec_1"') < alias < page.index(f'id="{IMMIGRATION}--sec_1"')
    assert page.count('id="sec_1"') == 1


def embedded_data(page: str) -> str:
    pattern = r'<script type="application/json" id="lexcheck-data">(.*?)</script>'
    return re.search(pattern, page, re.S).group(1)


def test_embedded_json_is_the_json_report(rendered, report):
    expected = json_format.dumps(json_format.document(report))
    assert json.loads(embedded_data(rendered["html"])) == json.loads(expected)


def test_embedded_json_cannot_close_its_script_element(report):
    why = "</script><script>alert(1)</script> & \u2028 line\u2029end"
    finding = replace(report.findings[0], why=why)
    data = embedded_data(render(make_report(findings=[finding]), "html"))
    assert not re.search("[<>&\u2028\u2029]", data)
    assert json.loads(data)["findings"][0]["why"] == why


def test_evidence_is_quoted_with_matched_words_marked(rendered):
    page = rendered["html"]
    assert "<mark>no exemption shall apply</mark>" in page
    assert '<div class="sides">' in page  # conflicts put both provisions side by side


def test_a_missing_element_says_what_was_searched(rendered):
    assert "Nothing carrying this element was found in" in rendered["html"]
    assert f"<code>{TIP}#sec_5__subsec_1</code>" in rendered["html"]


def test_summary_states_the_verdict_counts_and_family_coverage(rendered):
    page = rendered["html"]
    assert "4 gaps at or above high" in page
    assert "2 / 3 met" in page
    assert page.index('id="summary"') < page.index('id="matrix"') < page.index('id="findings"')


def test_rendering_is_deterministic(rendered):
    assert render(make_report(), "html") == rendered["html"]


def test_a_report_without_findings_or_graph_still_renders():
    page = render(make_report(findings=[], graph=None), "html")
    assert "No gaps: every element checked is met." in page
    assert "No graph was built for this check." in page


def test_a_long_searched_scope_is_folded_after_eight_entries(report):
    scope = tuple(f"{TIP}#sec_{n}" for n in range(20))
    finding = replace(report.findings[6], scope_searched=scope)
    page = render(make_report(findings=[finding]), "html")
    assert "and 12 more</summary>" in page
    assert f"<code>{TIP}#sec_19</code>" in page
