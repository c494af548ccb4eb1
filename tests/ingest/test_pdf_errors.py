"""A PDF `read_pdf` cannot read is refused with the error for its kind of problem, a message that
names the file and says what to do, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import Text, draw_pdf
from reportlab.lib.pdfencrypt import StandardEncryption

from lexcheck.errors import CorruptPDF, EmptyInput, EncryptedPDF, LexcheckError, ScannedPDF
from lexcheck.ingest.pdf import read_pdf

SECTION = [Text(72, 100, "1. This Act may be cited as the Prevention of Trafficking Act, 2030.")]


def refused(path: Path, error: type[LexcheckError]) -> str:
    with pytest.raises(error) as raised:
        read_pdf(path)
    message = str(raised.value)
    assert message.startswith(f"[{error.code}] {path}: ")
    return message


def test_a_pdf_locked_with_a_user_password_is_refused(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "locked.pdf", [SECTION], encrypt=StandardEncryption("secret"))

    message = refused(path, EncryptedPDF)

    assert "password" in message and "qpdf --decrypt" in message


def test_a_pdf_with_only_an_owner_password_still_opens(tmp_path: Path) -> None:
    owner_only = StandardEncryption("", ownerPassword="owner", canModify=0, canCopy=0)
    path = draw_pdf(tmp_path / "restricted.pdf", [SECTION], encrypt=owner_only)

    assert read_pdf(path).text == SECTION[0].text


def test_a_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    whole = draw_pdf(tmp_path / "whole.pdf", [SECTION, SECTION]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])

    message = refused(path, CorruptPDF)

    assert "truncated" in message and "again" in message


def test_a_pdf_whose_structure_is_broken_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body at all\n%%EOF\n")

    message = refused(path, CorruptPDF)

    assert "damaged" in message and "qpdf" in message


def test_a_file_that_is_not_a_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "act.pdf"
    path.write_text("1. Short title", encoding="utf-8")

    assert "%PDF-" in refused(path, CorruptPDF)


def test_a_scanned_pdf_with_no_text_layer_asks_for_ocr(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "scan.pdf", [[], []], images=[1, 2])

    message = refused(path, ScannedPDF)

    assert "no text layer" in message and "ocrmypdf" in message


def test_one_scanned_page_among_text_pages_is_reported_as_furniture(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "mixed.pdf", [SECTION, []], images=[2])

    doc = read_pdf(path)

    assert doc.text == SECTION[0].text
    [scan] = [f for f in doc.furniture if f.page == 2]
    assert "no text layer" in scan.reason and "ocrmypdf" in scan.reason


def test_an_empty_file_is_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")

    assert "0 bytes" in refused(path, EmptyInput)


def test_a_pdf_of_blank_pages_is_empty_input(tmp_path: Path) -> None:
    path = draw_pdf(tmp_path / "blank.pdf", [[], []])

    assert "no text" in refused(path, EmptyInput)
