"""The text reader: encodings, line ends, form-feed pages, Markdown markup, source line numbers."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lexcheck.ingest import load_document
from lexcheck.ingest.text import strip_markdown

ACT = "1. Short title\n2. Interpretation\n(1) In this Act"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(ACT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + ACT.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(ACT.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(b"\xfe\xff" + ACT.encode("utf-16-be"), id="utf-16-be with BOM"),
        pytest.param(ACT.replace("\n", "\r\n").encode(), id="CRLF"),
        pytest.param(ACT.replace("\n", "\r").encode(), id="old Mac CR"),
        pytest.param((ACT + "\r\n").encode(), id="final line end"),
    ],
)
def test_encodings_and_line_ends_give_the_same_document(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(content)

    document = load_document(path)

    assert document.text == ACT
    assert document.title_hint == "1. Short title"
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert [document.line_at(document.text.index(line)) for line in ACT.split("\n")] == [1, 2, 3]


def test_form_feeds_turn_pages_and_line_numbers_stay_those_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(b"Page one\n\n\x0cPage two\r\nstill two\n\x0c\x0cPage four\x0cfive\n")

    document = load_document(path)

    assert document.text == "Page one\n\nPage two\nstill two\nPage fourfive"
    assert document.page_count == 5
    expected = {"Page one": (1, 1), "Page two": (2, 3), "still two": (2, 4), "Page four": (4, 5)}
    for line, (page, source_line) in expected.items():
        offset = document.text.index(line)
        assert (document.page_at(offset), document.line_at(offset)) == (page, source_line)
    five = document.text.index("five")
    assert (document.page_at(five), document.line_at(five)) == (5, 5)


def test_tabs_and_non_breaking_spaces_become_spaces(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_text("5.\tOffence\u00a0of trafficking\u202fpersons", encoding="utf-8")

    assert load_document(path).text == "5. Offence of trafficking persons"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Prevention of Trafficking Act", "Prevention of Trafficking Act"),
        ("### PART II — Offences ###", "PART II — Offences"),
        ("#", ""),
        ("#5 is not a heading", "#5 is not a heading"),
        ("**5. Trafficking in persons**", "5. Trafficking in persons"),
        ("(1) A person who __recruits__ a child", "(1) A person who recruits a child"),
        ("consent is *irrelevant* here", "consent is irrelevant here"),
        ("the _victim_ is", "the victim is"),
        ("a snake_case_name and 5 * 3 * 2", "a snake_case_name and 5 * 3 * 2"),
        (r"an escaped \*star\*", r"an escaped \*star\*"),
        ("* (a) a bullet item", "* (a) a bullet item"),
        ("---", ""),
        ("=====", ""),
    ],
)
def test_markdown_markup_is_dropped_and_everything_else_kept(line: str, expected: str) -> None:
    assert strip_markdown(line) == expected


def test_markdown_file_keeps_lines_where_they_were(tmp_path: Path) -> None:
    path = tmp_path / "act.md"
    path.write_text(
        "# Trafficking Act\n\n## PART II\n\f**5.** Offence\n---\n(1) A *person*", encoding="utf-8"
    )

    document = load_document(path)

    assert document.text == "Trafficking Act\n\nPART II\n5. Offence\n\n(1) A person"
    assert document.title_hint == "Trafficking Act"
    offset = document.text.index("5. Offence")
    assert (document.page_at(offset), document.line_at(offset)) == (2, 4)
    assert document.line_at(document.text.index("(1) A person")) == 6


def test_a_txt_file_keeps_its_hashes(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_text("# not markup in a .txt file **really**", encoding="utf-8")

    assert load_document(path).text == "# not markup in a .txt file **really**"


SPACES_AS_PRINTED = str.maketrans(dict.fromkeys("\t\u00a0\u2007\u202f", " "))
printable_line = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")) | st.just("\t"), max_size=30
)
source_lines = st.lists(st.tuples(printable_line, st.integers(0, 2)), min_size=1, max_size=20)


@given(lines=source_lines, end=st.sampled_from(["\n", "\r\n", "\r"]), final_end=st.booleans())
def test_no_text_is_lost_and_every_line_keeps_its_page_and_number(
    lines: list[tuple[str, int]], end: str, final_end: bool
) -> None:
    """Each generated line may open with form feeds; the Document must give back every line,
    normalised, on the page and at the line number it had in the file."""
    assume(any(line.strip() for line, _ in lines))
    source, expected, page = "", [], 1
    for number, (line, form_feeds) in enumerate(lines, start=1):
        page += form_feeds
        opened = "\f" * form_feeds + line
        last = number == len(lines)
        # a file's last line needs no terminator, unless it is empty (else it would not exist)
        source += opened + ("" if last and not final_end and opened else end)
        expected.append((line.translate(SPACES_AS_PRINTED), page, number))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "act.txt"
        path.write_bytes(source.encode("utf-8"))
        document = load_document(path)

    assert document.text == "\n".join(text for text, _, _ in expected)
    assert document.page_count == page
    offset = 0
    for text, line_page, number in expected:
        for position in (offset, offset + len(text) // 2):
            assert document.line_at(position) == number
            assert document.page_at(position) == line_page
        offset += len(text) + 1
