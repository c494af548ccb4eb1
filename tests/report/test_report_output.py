"""render() dispatch and write(): never overwrite what the user wrote, always refresh our own."""

from __future__ import annotations

import pytest

from lexcheck.errors import OutputExists
from lexcheck.report import FORMATS, render, write, written_by_lexcheck


def test_every_format_renders_text(rendered):
    assert set(rendered) == set(FORMATS) == {"html", "json", "sarif", "markdown", "junit", "text"}
    assert all(text.strip() for text in rendered.values())


def test_an_unknown_format_is_refused(report):
    with pytest.raises(ValueError, match="html, json, sarif, markdown, junit"):
        render(report, "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_lexcheck_wrote_is_refreshed_without_force(report, tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    write(report, fmt, path)
    assert written_by_lexcheck(path)
    write(report, fmt, path)
    assert path.read_text(encoding="utf-8") == render(report, fmt)


def test_a_file_the_user_wrote_is_refused_naming_it_and_force(report, tmp_path):
    path = tmp_path / "notes.html"
    path.write_text("<h1>my own notes</h1>", encoding="utf-8")
    with pytest.raises(OutputExists) as error:
        write(report, "html", path)
    assert str(path) in str(error.value) and "--force" in str(error.value)
    assert path.read_text(encoding="utf-8") == "<h1>my own notes</h1>"


def test_force_overwrites_and_leaves_no_temporary_file(report, tmp_path):
    path = tmp_path / "out" / "notes.json"
    path.parent.mkdir()
    path.write_text("{}", encoding="utf-8")
    write(report, "json", path, overwrite=True)
    assert written_by_lexcheck(path)
    assert [p.name for p in path.parent.iterdir()] == ["notes.json"]


def test_a_directory_is_not_a_report_file(report, tmp_path):
    with pytest.raises(OutputExists, match="directory"):
        write(report, "sarif", tmp_path)


def test_a_baseline_file_is_not_mistaken_for_a_report(report, tmp_path):
    baseline = tmp_path / ".lexcheck-baseline.json"
    baseline.write_text('{"tool": "lexcheck", "version": 1, "accepted": []}\n', encoding="utf-8")
    assert not written_by_lexcheck(baseline)
    with pytest.raises(OutputExists):
        write(report, "json", baseline)


def test_text_listing_puts_gaps_first_with_where_and_why(rendered):
    text = rendered["text"]
    first_gap = min(
        text.find(status) for status in ("CONFLICT", "MISSING", "PARTIAL") if status in text
    )
    assert 0 < first_gap < text.find("met (")
    assert "where:" in text
    assert "why:" in text
