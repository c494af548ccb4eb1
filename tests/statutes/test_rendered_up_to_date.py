"""The committed sample PDFs and DOCX are exactly what scripts/render_statutes.py makes from the texts,
and they have the layout features the ingest stage is tested on."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

STATUTES = Path(__file__).resolve().parents[2] / "statutes"
PDFS = sorted((STATUTES / "pdf").glob("*/*.pdf"))
DRAFT_DOCX = STATUTES / "docx" / "veridia-tip-bill-2025-draft.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARGIN_BODY_LEFT = 156.0
NOTE_SIZE_BELOW = 8.0
EDGE_PUNCTUATION = "()\"',.;:—"


def _pdf_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.fixture(scope="module")
def fresh_render(render_statutes: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip(
        "reportlab", reason="reportlab renders the sample PDFs: pip install -e '.[dev]'"
    )
    pytest.importorskip("docx", reason="python-docx renders the sample DOCX")
    out = tmp_path_factory.mktemp("rendered")
    render_statutes.render_all(out)
    return out


def test_every_committed_pdf_and_docx_is_byte_identical_to_a_fresh_render(
    render_statutes: ModuleType, fresh_render: Path
) -> None:
    differing = render_statutes.stale_files(STATUTES, fresh_render)
    assert not differing, (
        "statutes/ is out of date; run `python scripts/render_statutes.py` and commit: "
        + ", ".join(differing)
    )


def test_every_statute_text_is_committed_in_every_layout(render_statutes: ModuleType) -> None:
    expected = [
        path
        for source in render_statutes.statute_sources(STATUTES)
        for path in render_statutes.outputs_for(source, STATUTES)
    ]
    assert len(expected) == 6 * 4 + 1
    assert [p for p in expected if not p.is_file()] == []


@pytest.mark.parametrize("pdf_path", PDFS, ids=_pdf_id)
def test_each_pdf_opens_with_pages_and_its_title_on_page_one(
    pdf_path: Path, render_statutes: ModuleType
) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    statute = render_statutes.read_statute(STATUTES / f"{pdf_path.stem}.txt")
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) >= 2
        first_page = pdf.pages[0].extract_text()
    assert statute.title in first_page


def _words_by_kind(pdf_path: Path) -> tuple[list[dict], list[dict]]:
    """Marginal-note words and body words of a margin-layout PDF, in reading order."""
    import pdfplumber

    notes, body = [], []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for word in page.extract_words(extra_attrs=["size", "fontname"]):
                if word["fontname"].startswith("Helvetica"):
                    continue
                word["page"] = page.page_number
                (notes if word["size"] < NOTE_SIZE_BELOW else body).append(word)
    return notes, body


@pytest.mark.slow
@pytest.mark.parametrize("pdf_path", [p for p in PDFS if p.parent.name == "margin"], ids=_pdf_id)
def test_margin_notes_sit_left_of_the_body_beside_their_sections(
    pdf_path: Path, render_statutes: ModuleType
) -> None:
    pytest.importorskip("pdfplumber")
    statute = render_statutes.read_statute(STATUTES / f"{pdf_path.stem}.txt")
    headings = [b for b in statute.blocks if b.kind == "section"]
    notes, body = _words_by_kind(pdf_path)

    assert max(w["x1"] for w in notes) < MARGIN_BODY_LEFT <= min(w["x0"] for w in body)
    assert " ".join(w["text"] for w in notes) == " ".join(h.text for h in headings)

    numbers = [
        w for w in body if w["fontname"] == "Times-Bold" and re.fullmatch(r"\d+[A-Z]?\.", w["text"])
    ]
    assert [w["text"] for w in numbers] == [f"{h.label}." for h in headings]
    note_starts = iter(notes)
    for heading, number in zip(headings, numbers, strict=True):
        first = next(note_starts)
        for _ in range(len(heading.text.split()) - 1):
            next(note_starts)
        assert first["page"] == number["page"]
        assert first["top"] >= number["top"] - 1, f"note for section {heading.label} is too high"
        assert first["top"] <= number["top"] + 40, f"note for section {heading.label} drifted"


def _body_lines(pdf_path: Path) -> list[str]:
    """The text lines of a single-layout PDF, running header and footer cropped away."""
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            body = page.crop((0, 60, page.width, page.height - 60))
            lines.extend(body.extract_text().splitlines())
    return lines


@pytest.mark.slow
@pytest.mark.parametrize("pdf_path", [p for p in PDFS if p.parent.name == "single"], ids=_pdf_id)
def test_single_layout_breaks_words_only_where_the_source_has_one_unhyphenated_word(
    pdf_path: Path,
) -> None:
    pytest.importorskip("pdfplumber")
    source = (STATUTES / f"{pdf_path.stem}.txt").read_text(encoding="utf-8")
    source_words = {w.strip(EDGE_PUNCTUATION) for w in source.split()}
    lines = _body_lines(pdf_path)
    breaks = [
        (line.split()[-1], lines[i + 1].split()[0])
        for i, line in enumerate(lines[:-1])
        if re.search(r"[A-Za-z]-$", line)
    ]
    assert breaks, "the single layout should hyphenate some long words"
    for head, tail in breaks:
        joined = (head[:-1] + tail).strip(EDGE_PUNCTUATION)
        assert joined in source_words, f"{head}/{tail} does not rebuild a word of the text"
        assert (head + tail).strip(EDGE_PUNCTUATION) not in source_words, f"{head}{tail}"
        assert head.lower() != "co-"


def _numbering_formats(numbering: ElementTree.Element) -> tuple[dict, dict]:
    abstracts = {}
    for abstract in numbering.iter(f"{W}abstractNum"):
        levels = {}
        for lvl in abstract.iter(f"{W}lvl"):
            levels[int(lvl.get(f"{W}ilvl"))] = (
                lvl.find(f"{W}numFmt").get(f"{W}val"),
                lvl.find(f"{W}lvlText").get(f"{W}val"),
                int(lvl.find(f"{W}start").get(f"{W}val")),
            )
        abstracts[abstract.get(f"{W}abstractNumId")] = levels
    instances = {}
    for num in numbering.iter(f"{W}num"):
        overrides = {
            int(o.get(f"{W}ilvl")): int(o.find(f"{W}startOverride").get(f"{W}val"))
            for o in num.iter(f"{W}lvlOverride")
            if o.find(f"{W}startOverride") is not None
        }
        instances[num.get(f"{W}numId")] = (num.find(f"{W}abstractNumId").get(f"{W}val"), overrides)
    return abstracts, instances


def _roman(value: int) -> str:
    numerals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for amount, numeral in numerals:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


def _shown(value: int, fmt: str) -> str:
    if fmt == "decimal":
        return str(value)
    if fmt == "lowerLetter":
        return chr(ord("a") + value - 1)
    assert fmt == "lowerRoman", fmt
    return _roman(value)


def _rebuild_labels(document: ElementTree.Element, numbering: ElementTree.Element) -> list:
    """(label, text) for each numbered paragraph, computed as Word computes list numbers."""
    abstracts, instances = _numbering_formats(numbering)
    counters: dict[str, list[int]] = {}
    rebuilt = []
    for paragraph in document.iter(f"{W}p"):
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{W}numId").get(f"{W}val")
        level = int(num_pr.find(f"{W}ilvl").get(f"{W}val"))
        abstract_id, overrides = instances[num_id]
        levels = abstracts[abstract_id]
        key = num_id if overrides else abstract_id
        if key not in counters:
            counters[key] = [overrides.get(i, levels[i][2]) - 1 for i in range(len(levels))]
        state = counters[key]
        state[level] += 1
        for deeper in range(level + 1, len(state)):
            state[deeper] = overrides.get(deeper, levels[deeper][2]) - 1
        fmt, pattern, _ = levels[level]
        label = pattern.replace(f"%{level + 1}", _shown(state[level], fmt))
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        rebuilt.append((label, text))
    return rebuilt


def test_docx_numbering_definitions_rebuild_every_printed_provision_label(
    render_statutes: ModuleType,
) -> None:
    statute = render_statutes.read_statute(STATUTES / f"{DRAFT_DOCX.stem}.txt")
    with zipfile.ZipFile(DRAFT_DOCX) as package:
        document = ElementTree.fromstring(package.read("word/document.xml"))
        numbering = ElementTree.fromstring(package.read("word/numbering.xml"))
    rebuilt = _rebuild_labels(document, numbering)
    printed = [
        (b.label, b.text)
        for b in statute.blocks
        if b.kind in ("subsection", "paragraph", "subparagraph")
    ]
    assert rebuilt == printed
    assert {label[1:2] for label, _ in rebuilt} >= {"1", "a", "i"}
    assert not [text for _, text in rebuilt if re.match(r"\(\w+\) ", text)]


def test_docx_core_properties_carry_fixed_dates_so_the_file_is_reproducible() -> None:
    with zipfile.ZipFile(DRAFT_DOCX) as package:
        core = package.read("docProps/core.xml").decode()
        stamps = {info.date_time for info in package.infolist()}
    assert core.count("2025-03-14T09:00:00Z") == 3
    assert stamps == {(2025, 3, 14, 9, 0, 0)}
