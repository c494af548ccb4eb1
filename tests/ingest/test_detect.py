"""Format detection: content (magic bytes, XML root) decides before the file's extension."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from lexcheck.ingest import detect_format

AKN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body/></act>'
    "</akomaNtoso>\n"
)


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    word = docx.Document()
    word.add_paragraph("1. Short title")
    word.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("act.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
        ("act.txt", b"%PDF-1.4\n", "pdf"),
        ("act.pdf", b"\r\n\r\n%PDF-1.4\n", "pdf"),
        ("act.bin", _docx_bytes(), "docx"),
        ("act.docx", _docx_bytes(), "docx"),
        ("act.xml", AKN.encode(), "akn"),
        ("act", AKN.encode(), "akn"),
        ("act.akn", "\ufeff".encode() + AKN.encode(), "akn"),
        ("act.xml", AKN.replace("UTF-8", "UTF-16").encode("utf-16"), "akn"),
        ("act.xml", AKN[:-15].encode(), "akn"),  # broken AKN: its reader reports the line
        ("act.txt", b"1. Short title\n", "text"),
        ("act.text", b"1. Short title\n", "text"),
        ("act.md", b"# Act\n", "text"),
        ("act.markdown", b"# Act\n", "text"),
        ("ACT", b"1. Short title\n", "text"),
        ("ACT", "1. Short title\n".encode("utf-16"), "text"),
        ("notes.txt", b"<draft> 1. Short title\n", "text"),
    ],
)
def test_detect_format_reads_content_before_the_extension(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_format(path) == expected
