"""`read_pdf` turns a printed statute into the Document text convention, page furniture set aside.

Each test prints a small PDF (tests/ingest/pdf_factory.py) with exactly the layout feature it is
about, reads it back and states what the Document must say.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_factory import (
    BOLD,
    Block,
    Layout,
    Text,
    draw_pdf,
    paragraph,
    sample_blocks,
    statute_pdf,
)

import lexcheck.ingest.pdf as pdf_module
from lexcheck.ingest.document import Document
from lexcheck.ingest.pdf import read_pdf

LEFT, WIDTH = 72.0, 440.0


def kinds(doc: Document, kind: str) -> list[tuple[int, str]]:
    return [(f.page, f.text) for f in doc.furniture if f.kind == kind]


def test_running_headers_and_page_numbers_are_furniture_kept_with_their_page(
    tmp_path: Path,
) -> None:
    doc = read_pdf(statute_pdf(tmp_path / "act.pdf", sample_blocks(8)))

    assert doc.page_count >= 2
    assert "Prevention of Trafficking Act, 2030" not in doc.text
    assert doc.text.startswith("PREVENTION OF TRAFFICKING ACT, 2030\n")
    pages = range(1, doc.page_count + 1)
    assert kinds(doc, "running-header") == [
        (n, "Prevention of Trafficking Act, 2030") for n in pages
    ]
    assert kinds(doc, "page-number") == [(n, str(n)) for n in pages]
    assert all(f.reason and f.bbox for f in doc.furniture)


def test_two_gazette_columns_are_read_left_column_then_right(tmp_path: Path) -> None:
    blocks = [
        Block(f"{n}. Sentence number {n} of the left to right reading order.")
        for n in range(1, 121)
    ]

    doc = read_pdf(statute_pdf(tmp_path / "gazette.pdf", blocks, Layout(kind="twocol")))

    numbers = [int(m) for m in re.findall(r"^(\d+)\. Sentence", doc.text, flags=re.MULTILINE)]
    assert numbers == list(range(1, 121))


def test_marginal_notes_leave_the_body_and_are_anchored_to_their_section(tmp_path: Path) -> None:
    doc = read_pdf(statute_pdf(tmp_path / "act.pdf", sample_blocks(6), Layout(kind="margin")))

    assert "Duties under section" not in doc.text
    assert [note.text for note in doc.marginal_notes] == [
        f"Duties under section {n}" for n in range(1, 7)
    ]
    for number, note in enumerate(doc.marginal_notes, start=1):
        assert doc.text[note.anchor :].startswith(f"{number}. Duties of the officer")
        assert note.page == doc.page_at(note.anchor)


def test_right_hand_notes_set_close_to_the_text_are_joined_into_one_note(tmp_path: Path) -> None:
    body = paragraph(
        LEFT,
        100,
        [
            "5. (1) Whoever recruits, transports or harbours a person for the purpose of",
            "exploitation by means of deception commits the offence of trafficking and shall",
            "be punished with imprisonment which may extend to ten years.",
        ],
        WIDTH - 40,
    )
    note = [
        Text(LEFT + WIDTH - 30, 100, "Trafficking of", size=8),
        Text(LEFT + WIDTH - 30, 109, "person.", size=8),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [body + note]))

    assert [n.text for n in doc.marginal_notes] == ["Trafficking of person."]
    assert doc.text.startswith("5. (1) Whoever recruits")
    assert "Trafficking of" not in doc.text
    assert doc.marginal_notes[0].anchor == 0


def test_draft_bill_line_numbers_are_removed_as_furniture(tmp_path: Path) -> None:
    doc = read_pdf(statute_pdf(tmp_path / "bill.pdf", sample_blocks(8), Layout(kind="bill")))

    plain = read_pdf(statute_pdf(tmp_path / "act.pdf", sample_blocks(8)))
    assert doc.text == plain.text
    numbers = kinds(doc, "line-number")
    assert len(numbers) >= 10
    assert {text for _, text in numbers} >= {"5", "10", "15"}


def test_line_break_hyphens_are_joined_and_compound_hyphens_kept(tmp_path: Path) -> None:
    lines = [
        "(1) The court shall stay all the proceed-",
        "ings until both the self-",
        "employed applicant and the anti-",
        "trafficking committee have been heard in co-",
        "operation with the Counter-",
        "Trafficking Unit and the repre-",
        "sentatives of the victim.",
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [paragraph(LEFT, 100, lines, 190)]))

    assert doc.text == (
        "(1) The court shall stay all the proceedings until both the self-employed applicant and "
        "the anti-trafficking committee have been heard in co-operation with the "
        "Counter-Trafficking Unit and the representatives of the victim."
    )


def test_a_wrapped_line_that_begins_with_a_subsection_number_continues_the_sentence(
    tmp_path: Path,
) -> None:
    lines = [
        "(1) A person convicted under this section is liable to the penalty, and subsection",
        "(2) of section 4 applies to that person as if the offence were a trafficking offence.",
        "(3) The court may also order restitution to the victim.",
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [paragraph(LEFT, 100, lines, WIDTH)]))

    assert doc.text.splitlines() == [
        "(1) A person convicted under this section is liable to the penalty, and subsection "
        "(2) of section 4 applies to that person as if the offence were a trafficking offence.",
        "(3) The court may also order restitution to the victim.",
    ]


def test_provision_markers_headings_and_paragraph_gaps_start_new_lines(tmp_path: Path) -> None:
    texts = [
        Text(LEFT, 100, "PART II – OFFENCES", BOLD),
        Text(LEFT, 116, "3. Trafficking in persons", BOLD),
        *paragraph(
            LEFT,
            132,
            [
                "(1) A person who recruits another person for the purpose of exploitation commits",
                "an offence and is liable to imprisonment for thirty years.",
            ],
            WIDTH,
        ),
        *paragraph(LEFT + 14, 161, ["(a) by threat or use of force;"], WIDTH),
        *paragraph(LEFT + 14, 177, ["(b) by deception."], WIDTH),
        *paragraph(
            LEFT,
            193,
            [
                "The consent of a victim to the intended exploitation is irrelevant where any of",
                "the means set out in subsection (1) have been used.",
            ],
            WIDTH,
        ),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [texts]))

    assert doc.text.splitlines() == [
        "PART II – OFFENCES",
        "3. Trafficking in persons",
        "(1) A person who recruits another person for the purpose of exploitation commits an "
        "offence and is liable to imprisonment for thirty years.",
        "(a) by threat or use of force;",
        "(b) by deception.",
        "The consent of a victim to the intended exploitation is irrelevant where any of the "
        "means set out in subsection (1) have been used.",
    ]


def test_every_character_maps_back_to_its_page_across_a_page_break(tmp_path: Path) -> None:
    blocks = [
        Block(f"{n}. The officer shall keep record number {n} of every complaint received.")
        for n in range(1, 80)
    ]
    doc = read_pdf(statute_pdf(tmp_path / "act.pdf", blocks))

    assert doc.page_count == 2
    first_on_page_2 = next(s for s in doc.segments if s.page == 2)
    assert doc.page_at(0) == 1
    assert doc.page_at(first_on_page_2.start - 1) == 1
    assert doc.page_at(first_on_page_2.start) == 2
    assert doc.page_at(len(doc.text) - 1) == 2
    assert doc.pages_between(0, len(doc.text)) == [1, 2]
    for segment in doc.segments:
        printed = doc.text[segment.start : segment.end]
        assert printed and printed == printed.strip()
        x0, top, x1, bottom = segment.bbox
        assert 0 <= x0 < x1 <= 595 and 0 <= top < bottom <= 842


def test_gazette_words_printed_without_space_glyphs_are_separated(tmp_path: Path) -> None:
    texts = [
        Text(
            LEFT,
            100,
            "Provided further that the Central Government may, by notification,",
            letter_gap=0.0,
        ),
        Text(LEFT, 112.5, "appoint an officer.", letter_gap=0.0),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "gazette.pdf", [texts]))

    assert doc.text == (
        "Provided further that the Central Government may, by notification, appoint an officer."
    )


def test_fake_bold_characters_printed_twice_are_read_once(tmp_path: Path) -> None:
    heading = "4. Prohibition of forced labour"
    texts = [
        Text(LEFT, 100, heading, BOLD),
        Text(LEFT + 0.4, 100, heading, BOLD),
        Text(LEFT, 116, "No person shall require another person to perform forced labour."),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [texts]))

    assert doc.text.splitlines()[0] == heading


def test_footnotes_and_their_superscript_marks_leave_the_body(tmp_path: Path) -> None:
    texts = [
        Text(
            LEFT,
            100,
            "1. Short title and extent.–(1) This Act may be called the Bonded Labour Act.",
        ),
        Text(LEFT, 116, "(2) It extends to the whole of"),
        Text(LEFT + 127.2, 112, "2", size=6),
        Text(LEFT + 130.7, 116, "[the Punjab]."),
        Text(LEFT, 750, "2", size=5),
        Text(
            LEFT + 3, 753, "Substituted for the word “Pakistan” by the Amendment Act 2012.", size=8
        ),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [texts], rules={1: [(LEFT, LEFT + 144, 738)]}))

    assert doc.text.splitlines()[-1] == "(2) It extends to the whole of [the Punjab]."
    assert "Substituted" not in doc.text
    footnotes = kinds(doc, "footnote")
    assert (1, "2 Substituted for the word “Pakistan” by the Amendment Act 2012.") in footnotes
    assert (1, "2") in footnotes


def test_a_gazette_masthead_before_the_title_is_set_aside(tmp_path: Path) -> None:
    texts = [
        Text(200, 90, "THE GAZETTE OF EXAMPLELAND", BOLD, 14),
        Text(250, 110, "EXTRAORDINARY", BOLD),
        Text(225, 126, "PUBLISHED BY AUTHORITY"),
        Text(150, 142, "No. 7] CAPITAL CITY, MONDAY, 1 JANUARY 2030"),
        Text(170, 180, "THE PREVENTION OF TRAFFICKING ACT, 2030", BOLD, 12),
        Text(LEFT, 210, "1. This Act may be cited as the Prevention of Trafficking Act, 2030."),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "gazette.pdf", [texts]))

    assert doc.text.splitlines() == [
        "THE PREVENTION OF TRAFFICKING ACT, 2030",
        "1. This Act may be cited as the Prevention of Trafficking Act, 2030.",
    ]
    assert [text for _, text in kinds(doc, "masthead")][:2] == [
        "THE GAZETTE OF EXAMPLELAND",
        "EXTRAORDINARY",
    ]
    assert doc.title_hint == "THE PREVENTION OF TRAFFICKING ACT, 2030"


def test_a_title_page_with_contents_is_cover_matter(tmp_path: Path) -> None:
    cover = [
        Text(200, 100, "THE EXAMPLE ACT, 2030", BOLD, 13),
        Text(240, 130, "CONTENTS", BOLD),
        Text(LEFT, 160, "1. Short title"),
        Text(LEFT, 176, "2. Interpretation"),
        Text(LEFT, 192, "3. Offence of trafficking"),
    ]
    text = [
        Text(200, 100, "THE EXAMPLE ACT, 2030", BOLD, 13),
        Text(LEFT, 130, "1. Short title.– This Act may be cited as the Example Act, 2030."),
        Text(LEFT, 146, "2. Interpretation.– In this Act, “child” means a person under eighteen."),
    ]
    doc = read_pdf(draw_pdf(tmp_path / "act.pdf", [cover, text]))

    assert doc.text.splitlines()[:2] == [
        "THE EXAMPLE ACT, 2030",
        "1. Short title.– This Act may be cited as the Example Act, 2030.",
    ]
    assert [text for _, text in kinds(doc, "cover")][1:3] == ["CONTENTS", "1. Short title"]


def test_long_files_read_by_two_processes_give_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = statute_pdf(tmp_path / "act.pdf", sample_blocks(14), Layout(kind="margin"))
    monkeypatch.setattr(pdf_module, "PARALLEL_MIN_PAGES", 10**6)
    serial = read_pdf(path)
    monkeypatch.setattr(pdf_module, "PARALLEL_MIN_PAGES", 2)
    parallel = read_pdf(path)

    assert serial.page_count >= 3
    assert parallel.text == serial.text
    assert parallel.segments == serial.segments
    assert parallel.furniture == serial.furniture
    assert parallel.marginal_notes == serial.marginal_notes


def test_the_document_records_its_source(tmp_path: Path) -> None:
    path = statute_pdf(tmp_path / "act.pdf", sample_blocks(1))
    doc = read_pdf(path)

    assert doc.format == "pdf"
    assert doc.path == path
    assert len(doc.sha256) == 64
    assert doc.title_hint == "PREVENTION OF TRAFFICKING ACT, 2030"


WORD = st.from_regex(r"[a-z]{2,9}[,.]?", fullmatch=True)
PARAGRAPHS = st.lists(st.lists(WORD, min_size=1, max_size=60), min_size=1, max_size=12)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(paragraphs=PARAGRAPHS)
def test_no_printed_word_is_lost(tmp_path: Path, paragraphs: list[list[str]]) -> None:
    blocks = [Block(" ".join(words)) for words in paragraphs]
    layout = Layout(header="Model Act", size=10.0)
    doc = read_pdf(statute_pdf(tmp_path / "prop.pdf", blocks, layout))

    drawn = [word for words in paragraphs for word in words]
    running = [w for n in range(1, doc.page_count + 1) for w in ("Model", "Act", str(n))]
    body = doc.text.split()
    furniture = [w for f in doc.furniture for w in f.text.split()]
    assert sorted(body + furniture) == sorted(drawn + running)
    assert body == drawn
