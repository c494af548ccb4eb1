"""Scoring against labels: status accuracy and precision / recall / F1 of gaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexcheck.errors import CorpusError
from lexcheck.evaluate import NOT_JUDGED, Judgement, find_layouts, load_frameworks, score


def judged(*pairs: tuple[str, str]) -> list[Judgement]:
    return [
        Judgement("fw", f"e{i}", label, predicted) for i, (label, predicted) in enumerate(pairs)
    ]


def test_a_missed_gap_lowers_recall_and_a_false_gap_lowers_precision() -> None:
    scores = score(
        judged(("missing", "missing"), ("partial", "met"), ("met", "conflict"), ("met", "met"))
    )
    assert scores.accuracy == 0.5
    assert (scores.true_gaps, scores.missed_gaps, scores.false_gaps) == (1, 1, 1)
    assert scores.precision == scores.recall == scores.f1 == 0.5


def test_a_different_gap_status_is_wrong_but_still_a_found_gap() -> None:
    scores = score(judged(("partial", "missing")))
    assert scores.accuracy == 0.0
    assert scores.recall == 1.0


def test_an_element_no_rule_judged_counts_against_accuracy_and_recall() -> None:
    scores = score(judged(("missing", NOT_JUDGED), ("met", NOT_JUDGED)))
    assert scores.accuracy == 0.0
    assert scores.missed_gaps == 1


def test_gap_figures_are_undefined_when_nobody_saw_a_gap() -> None:
    scores = score(judged(("met", "met")))
    assert not scores.has_gaps
    assert scores.as_dict()["gap_f1"] is None


def test_a_corpus_root_yields_text_and_pdf_layouts(tmp_path: Path) -> None:
    for folder in ("text/fw", "pdf/single/fw", "pdf/bill/fw"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "labels.yaml").write_text("files: {}\nelements: {}\n")
    assert list(find_layouts(tmp_path)) == ["text", "pdf/bill", "pdf/single"]


def test_a_folder_without_labels_is_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"labels\.yaml"):
        find_layouts(tmp_path)


def test_a_statute_listed_in_labels_but_absent_is_an_error(tmp_path: Path) -> None:
    framework = tmp_path / "fw"
    framework.mkdir()
    (framework / "labels.yaml").write_text("files: {act.txt: tip}\nelements: {}\n")
    with pytest.raises(CorpusError, match=r"act\.txt"):
        load_frameworks(tmp_path)
