"""Ingest: turn a statute file (PDF, text, Markdown, DOCX, Akoma Ntoso XML) into a `Document`.

`load_document` is the stage's one public verb. It picks the reader from the file's content (magic
bytes) before its extension, so a PDF saved as `.txt` is still read as a PDF, and refuses anything
it cannot read with an error that names the file and the fix.
"""

from __future__ import annotations

from pathlib import Path

from lexcheck.ingest.detect import detect_format
from lexcheck.ingest.document import Document, Furniture, MarginalNote, Segment, StructureHint

__all__ = [
    "Document",
    "Furniture",
    "MarginalNote",
    "Segment",
    "StructureHint",
    "detect_format",
    "load_document",
]


def load_document(path: Path) -> Document:
    """Read one statute file into a Document, whatever its format."""
    fmt = detect_format(path)
    if fmt == "pdf":
        from lexcheck.ingest.pdf import read_pdf

        return read_pdf(path)
    if fmt == "docx":
        from lexcheck.ingest.docx import read_docx

        return read_docx(path)
    if fmt == "akn":
        from lexcheck.ingest.akn import read_akn

        return read_akn(path)
    from lexcheck.ingest.text import read_text

    return read_text(path)
