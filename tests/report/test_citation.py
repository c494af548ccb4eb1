"""Short citations, anchors and displayed paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexcheck.report.citation import display_path, provision_anchor, short_eid, slug


@pytest.mark.parametrize(
    ("eid", "cited"),
    [
        ("part_2__sec_5__subsec_2__para_a", "s5(2)(a)"),
        ("sec_12", "s12"),
        ("part_2", "Part 2"),
        ("chp_3__art_7__para_b", "art. 7(b)"),
        ("sched_1__para_4", "Sch. 1(4)"),
        ("att_1__para_3", "Att. 1(3)"),
        ("preamble", "preamble"),
    ],
)
def test_short_eid_reads_like_a_lawyers_citation(eid, cited):
    assert short_eid(eid) == cited


def test_provision_anchor_prefixes_a_safe_statute_id():
    assert provision_anchor("ke/act 7.2024", "sec_5__subsec_2") == "ke-act-7-2024--sec_5__subsec_2"
    assert slug("///") == "statute"


def test_display_path_is_relative_to_the_root_when_inside_it(tmp_path):
    inside = tmp_path / "statutes" / "act.pdf"
    assert display_path(inside, tmp_path) == "statutes/act.pdf"
    assert display_path(Path("statutes/act.pdf"), tmp_path) == "statutes/act.pdf"
    assert display_path(Path("/elsewhere/act.pdf"), tmp_path) == "/elsewhere/act.pdf"


def test_display_path_without_root_is_relative_to_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "bill.txt", None) == "bill.txt"
