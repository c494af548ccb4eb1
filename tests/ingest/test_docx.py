"""The DOCX reader: reading order, Word's automatic numbering rebuilt, pages, furniture."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from lexcheck.ingest import load_document
from lexcheck.ingest.docx import format_number

SUBSECTION_LIST = [("decimal", "(%1)"), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]


def _element(tag: str, **attributes: str) -> OxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _child(parent: OxmlElement, tag: str, **attributes: str) -> OxmlElement:
    element = _element(tag, **attributes)
    parent.append(element)
    return element


def add_list(
    word: docx.document.Document,
    abstract_id: int,
    levels: list[tuple[str, str]],
    restarts: dict[int, int] | None = None,
) -> None:
    """Add an abstractNum whose level i has (numFmt, lvlText) = levels[i], start 1."""
    numbering = word.part.numbering_part.element
    abstract = _element("w:abstractNum", abstractNumId=str(abstract_id))
    for ilvl, (fmt, text) in enumerate(levels):
        level = _child(abstract, "w:lvl", ilvl=str(ilvl))
        _child(level, "w:start", val="1")
        _child(level, "w:numFmt", val=fmt)
        if restarts and ilvl in restarts:
            _child(level, "w:lvlRestart", val=str(restarts[ilvl]))
        _child(level, "w:lvlText", val=text)
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)


def add_num(
    word: docx.document.Document,
    num_id: int,
    abstract_id: int,
    start_overrides: dict[int, int] | None = None,
) -> None:
    """Add a w:num instance of an abstractNum, optionally restarting levels (startOverride)."""
    num = _child(word.part.numbering_part.element, "w:num", numId=str(num_id))
    _child(num, "w:abstractNumId", val=str(abstract_id))
    for ilvl, start in (start_overrides or {}).items():
        override = _child(num, "w:lvlOverride", ilvl=str(ilvl))
        _child(override, "w:startOverride", val=str(start))


def numbered(word: docx.document.Document, text: str, num_id: int, ilvl: int | None = None):
    paragraph = word.add_paragraph(text)
    num_pr = _child(paragraph._p.get_or_add_pPr(), "w:numPr")
    if ilvl is not None:
        _child(num_pr, "w:ilvl", val=str(ilvl))
    _child(num_pr, "w:numId", val=str(num_id))
    return paragraph


def save(word: docx.document.Document, tmp_path: Path, name: str = "act.docx") -> Path:
    path = tmp_path / name
    word.save(str(path))
    return path


def lines(path: Path) -> list[str]:
    return load_document(path).text.split("\n")


def subsection_act() -> docx.document.Document:
    word = docx.Document()
    add_list(word, 90, SUBSECTION_LIST)
    add_num(word, 90, 90)
    return word


def test_automatic_numbering_is_rebuilt_into_the_text(tmp_path: Path) -> None:
    word = subsection_act()
    word.add_paragraph("5. Trafficking in persons")
    for text, ilvl in [
        ("A person who recruits another commits an offence.", 0),
        ("by force;", 1),
        ("by deception.", 1),
        ("Consent is irrelevant where", 0),
        ("the victim is a child.", 2),
    ]:
        numbered(word, text, 90, ilvl)

    assert lines(save(word, tmp_path)) == [
        "5. Trafficking in persons",
        "(1) A person who recruits another commits an offence.",
        "(a) by force;",
        "(b) by deception.",
        "(2) Consent is irrelevant where",
        "(i) the victim is a child.",
    ]


def test_deeper_levels_restart_when_a_shallower_level_advances(tmp_path: Path) -> None:
    word = subsection_act()
    for text, ilvl in [("one", 0), ("a", 1), ("b", 1), ("two", 0), ("a again", 1)]:
        numbered(word, text, 90, ilvl)

    assert lines(save(word, tmp_path)) == ["(1) one", "(a) a", "(b) b", "(2) two", "(a) a again"]


def test_lvl_restart_zero_keeps_a_level_counting_across_its_parents(tmp_path: Path) -> None:
    word = docx.Document()
    add_list(word, 91, SUBSECTION_LIST, restarts={1: 0})
    add_num(word, 91, 91)
    for text, ilvl in [("one", 0), ("a", 1), ("two", 0), ("b", 1)]:
        numbered(word, text, 91, ilvl)

    assert lines(save(word, tmp_path)) == ["(1) one", "(a) a", "(2) two", "(b) b"]


@pytest.mark.parametrize(
    ("second_num_overrides", "expected_second"),
    [
        pytest.param({0: 1}, "(1) again", id="startOverride restarts the list"),
        pytest.param({0: 5}, "(5) again", id="startOverride sets the start"),
        pytest.param({}, "(3) again", id="same definition without override continues"),
    ],
)
def test_a_second_list_instance_restarts_only_with_a_start_override(
    tmp_path: Path, second_num_overrides: dict[int, int], expected_second: str
) -> None:
    word = subsection_act()
    add_num(word, 92, 90, start_overrides=second_num_overrides)
    numbered(word, "first", 90, 0)
    numbered(word, "second", 90, 0)
    word.add_paragraph("6. Next section")
    numbered(word, "again", 92, 0)

    assert lines(save(word, tmp_path))[-1] == expected_second


def test_multilevel_labels_combine_levels_and_numid_zero_removes_numbering(
    tmp_path: Path,
) -> None:
    word = docx.Document()
    add_list(word, 93, [("decimal", "%1."), ("decimal", "%1.%2")])
    add_num(word, 93, 93)
    for text, ilvl in [("Part", 0), ("first", 1), ("second", 1), ("Part", 0), ("first", 1)]:
        numbered(word, text, 93, ilvl)
    numbered(word, "not numbered", 0, 0)

    assert lines(save(word, tmp_path)) == [
        "1. Part",
        "1.1 first",
        "1.2 second",
        "2. Part",
        "2.1 first",
        "not numbered",
    ]


def test_numbering_inherited_from_the_paragraph_style(tmp_path: Path) -> None:
    """python-docx's template numbers "List Number" through its style (numId 5, no ilvl)."""
    word = docx.Document()
    word.add_paragraph("Offences:")
    word.add_paragraph("trafficking", style="List Number")
    word.add_paragraph("smuggling", style="List Number")
    word.add_paragraph("a bullet", style="List Bullet")

    assert lines(save(word, tmp_path)) == [
        "Offences:",
        "1. trafficking",
        "2. smuggling",
        "• a bullet",
    ]


def test_tables_are_read_row_by_row_in_body_order(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Schedule")
    table = word.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Offence", "Penalty"), ("s 5", "20 years")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    word.add_paragraph("End")

    assert lines(save(word, tmp_path)) == [
        "Schedule",
        "Offence",
        "Penalty",
        "s 5",
        "20 years",
        "End",
    ]


def test_page_breaks_turn_pages_and_lines_are_paragraph_numbers(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("")  # paragraph 1, blank: no line, but it still counts
    word.add_paragraph("first page")
    word.add_paragraph("still first").add_run().add_break(WD_BREAK.PAGE)
    word.add_paragraph("second page")
    word.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    word.add_paragraph("third page")

    document = load_document(save(word, tmp_path))

    assert document.text == "first page\nstill first\nsecond page\nthird page"
    assert document.page_count == 3
    at = {line: document.text.index(line) for line in document.text.split("\n")}
    assert [document.page_at(offset) for offset in at.values()] == [1, 1, 2, 3]
    assert [document.line_at(offset) for offset in at.values()] == [2, 3, 4, 6]


def test_page_break_before_and_section_breaks_turn_pages(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("cover")
    word.add_paragraph("PART I").paragraph_format.page_break_before = True
    word.add_section(WD_SECTION.NEW_PAGE)
    word.add_paragraph("PART II")
    word.add_section(WD_SECTION.CONTINUOUS)
    word.add_paragraph("same page")

    document = load_document(save(word, tmp_path))

    pages = [document.page_at(document.text.index(t)) for t in document.text.split("\n")]
    assert pages == [1, 2, 3, 3]


def test_a_rendered_page_break_right_after_an_explicit_one_is_the_same_page(
    tmp_path: Path,
) -> None:
    word = docx.Document()
    word.add_paragraph("one").add_run().add_break(WD_BREAK.PAGE)
    paragraph = word.add_paragraph()
    paragraph.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))
    paragraph.add_run("two")

    document = load_document(save(word, tmp_path))

    assert document.page_count == 2
    assert document.page_at(document.text.index("two")) == 2


def test_title_style_headers_and_footers(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Draft for consultation")
    word.add_paragraph("Prevention of Trafficking in Persons Act", style="Title")
    word.sections[0].header.paragraphs[0].text = "REPUBLIC OF ESTERIA"
    word.sections[0].footer.paragraphs[0].text = "Printed by the Government Printer"

    document = load_document(save(word, tmp_path))

    assert document.title_hint == "Prevention of Trafficking in Persons Act"
    assert "ESTERIA" not in document.text
    assert [(f.kind, f.text, f.page) for f in document.furniture] == [
        ("running-header", "REPUBLIC OF ESTERIA", 1),
        ("running-footer", "Printed by the Government Printer", 1),
    ]


def test_text_boxes_are_furniture_not_body_text(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("5. Trafficking in persons")
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            "<v:shape><v:textbox><w:txbxContent><w:p><w:r>"
            "<w:t>Offence of trafficking</w:t></w:r></w:p></w:txbxContent></v:textbox>"
            "</v:shape></w:pict></w:r>"
        )
    )

    document = load_document(save(word, tmp_path))

    assert document.text == "5. Trafficking in persons"
    assert [(f.kind, f.text) for f in document.furniture] == [("other", "Offence of trafficking")]


def test_tracked_deletions_and_field_codes_are_not_text(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph("A person ")
    deletion = _child(paragraph._p, "w:del", id="1", author="a", date="2024-01-01T00:00:00Z")
    run = _child(deletion, "w:r")
    _child(run, "w:delText").text = "who knowingly "
    insertion = _child(paragraph._p, "w:ins", id="2", author="a", date="2024-01-01T00:00:00Z")
    _child(_child(insertion, "w:r"), "w:t").text = "who"
    field_run = _child(paragraph._p, "w:r")
    _child(field_run, "w:instrText").text = " PAGE "
    paragraph.add_run(" recruits.")

    assert lines(save(word, tmp_path)) == ["A person who recruits."]


def test_footnotes_are_furniture_on_the_page_of_their_reference(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("first").add_run().add_break(WD_BREAK.PAGE)
    paragraph = word.add_paragraph("A child means a person under eighteen.")
    _child(_child(paragraph._p, "w:r"), "w:footnoteReference", id="1")
    footnotes = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>As amended in 2025.</w:t></w:r>'
        "</w:p></w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes.encode(), word.part.package
    )
    word.part.relate_to(part, RT.FOOTNOTES)

    document = load_document(save(word, tmp_path))

    assert document.text == "first\nA child means a person under eighteen."
    assert [(f.kind, f.text, f.page) for f in document.furniture] == [
        ("footnote", "As amended in 2025.", 2)
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "decimal", "1"),
        (4, "lowerLetter", "d"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (3, "decimalZero", "03"),
        (3, "none", ""),
        (3, "ordinalText", "3"),
    ],
)
def test_word_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected
