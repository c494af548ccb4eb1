"""Read a statute PDF into a `Document`, from pdfplumber's characters and their geometry.

The stages, each in its own module so each heuristic can be tested alone:

1. `pdf_lines`: every page's characters are read once (then the page is closed, which keeps memory
   flat) into rows of words with font size, weight and position. Files over `PARALLEL_MIN_PAGES`
   pages are split into two page ranges read by two worker processes; each returns the same small
   records the serial path builds, so the result does not depend on the path taken.
2. `pdf_furniture`: margin line numbers, running headers and footers, page numbers, footnotes,
   mastheads, contents and imprints are set aside as `Furniture`, each with its reason.
3. `pdf_layout`: gutters split body columns (read left, then right) from marginal-note bands.
4. `pdf_reflow`: printed lines become logical lines, with the page map and the notes' anchors.

Superscript footnote marks glued to the text ("2[the Punjab]") are taken out of the body, which
then reads "[the Punjab]": the brackets are the printed amendment brackets and stay; each mark is
kept as footnote furniture with its page and box.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from lexcheck.errors import CorruptPDF, EmptyInput, EncryptedPDF, InputNotFound, ScannedPDF
from lexcheck.ingest.document import Document, Furniture
from lexcheck.ingest.pdf_furniture import (
    footnote_marks,
    front_and_back_matter,
    running_furniture,
    split_footnotes,
    strip_line_numbers,
)
from lexcheck.ingest.pdf_layout import (
    Line,
    common_column,
    find_gutters,
    lay_out_page,
    with_column,
)
from lexcheck.ingest.pdf_lines import PageRecord, Row, page_record
from lexcheck.ingest.pdf_reflow import reflow

PARALLEL_MIN_PAGES = 40
WORKERS = 2

_PARSE_ERRORS = (
    PdfminerException,
    MalformedPDFException,
    PSException,
    PDFSyntaxError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    RecursionError,
)
"""What pdfminer raises on damaged files: its own exceptions, or plain ones from deep inside."""

_OCR_HINT = "Run OCR on it first, for example `ocrmypdf in.pdf out.pdf`, and check the new file."


class PageReadError(Exception):
    """A page pdfminer could not parse; raised in a worker, turned into CorruptPDF by the caller."""

    def __init__(self, page: int, detail: str) -> None:
        super().__init__(page, detail)
        self.page = page
        self.detail = detail


def read_pdf(path: Path) -> Document:
    """Read a statute PDF into clean body text, furniture and marginal notes, with a page map."""
    path = Path(path)
    data = _read_bytes(path)
    _check_envelope(path, data)
    records = _page_records(path)
    _refuse_textless(path, records)
    return _document(path, data, records)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a missing, unreadable or empty file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputNotFound(path, "no such file.", "Check the path.") from error
    except IsADirectoryError as error:
        raise InputNotFound(path, "is a directory, not a PDF file.", "Give a file.") from error
    except OSError as error:
        raise InputNotFound(
            path, f"the file cannot be read ({error.strerror}).", "Check its permissions."
        ) from error
    if not data:
        raise EmptyInput(
            path, "the file is empty (0 bytes).", "Check it was downloaded or exported completely."
        )
    return data


def _check_envelope(path: Path, data: bytes) -> None:
    """A PDF starts with %PDF- and ends with %%EOF; a file cut short loses the end marker."""
    if b"%PDF-" not in data[:1024]:
        raise CorruptPDF(
            path, "is not a PDF (no %PDF- header).", "Download or export the file again as PDF."
        )
    if b"%%EOF" not in data[-1024:]:
        raise CorruptPDF(
            path,
            "the PDF is truncated (its end-of-file marker is missing).",
            "Download or export the file again.",
        )


def _page_records(path: Path) -> list[PageRecord]:
    """Every page's records, read serially or, for long files, by two worker processes."""
    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
            if count == 0:
                raise EmptyInput(path, "the PDF has no pages.", "Check the file.")
            if count < PARALLEL_MIN_PAGES or _workers() < 2:
                return _read_range(pdf, 0, count)
    except PageReadError as error:
        raise _corrupt(path, error) from error
    except _PARSE_ERRORS as error:
        raise _open_error(path, error) from error
    return _read_in_parallel(path, count)


def _workers() -> int:
    return min(WORKERS, os.cpu_count() or 1)


def _read_in_parallel(path: Path, count: int) -> list[PageRecord]:
    """Two contiguous page ranges, each read by a worker that opens the file once."""
    middle = count // 2
    with ProcessPoolExecutor(max_workers=WORKERS) as pool:
        futures = [
            pool.submit(_read_file_range, str(path), 0, middle),
            pool.submit(_read_file_range, str(path), middle, count),
        ]
        try:
            return [record for future in futures for record in future.result()]
        except PageReadError as error:
            raise _corrupt(path, error) from error


def _read_file_range(path: str, start: int, stop: int) -> list[PageRecord]:
    """Worker entry point: open the file once and read pages start..stop-1."""
    try:
        with pdfplumber.open(path) as pdf:
            return _read_range(pdf, start, stop)
    except _PARSE_ERRORS as error:
        raise PageReadError(start + 1, str(error) or type(error).__name__) from None


def _read_range(pdf: pdfplumber.PDF, start: int, stop: int) -> list[PageRecord]:
    """Read pages start..stop-1, closing each page as soon as its records are taken."""
    records = []
    pages = pdf.pages
    for index in range(start, stop):
        page = pages[index]
        try:
            records.append(page_record(page, index + 1))
        except _PARSE_ERRORS as error:
            raise PageReadError(index + 1, str(error) or type(error).__name__) from None
        finally:
            page.close()
    return records


def _open_error(path: Path, error: Exception) -> Exception:
    """Encrypted or corrupt, told apart from pdfminer's wrapped exception."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return EncryptedPDF(
            path,
            "the PDF is encrypted with a password needed to open it.",
            "Save an unprotected copy (for example `qpdf --decrypt --password=PASSWORD in.pdf "
            "out.pdf`) and check that copy.",
        )
    return CorruptPDF(
        path,
        f"the PDF is damaged and cannot be read ({cause or type(cause).__name__}).",
        "Download or export the file again, or repair it (for example `qpdf in.pdf out.pdf`).",
    )


def _corrupt(path: Path, error: PageReadError) -> CorruptPDF:
    return CorruptPDF(
        path,
        f"page {error.page} of the PDF is damaged and cannot be read ({error.detail}).",
        "Download or export the file again, or repair it (for example `qpdf in.pdf out.pdf`).",
    )


def _refuse_textless(path: Path, records: Sequence[PageRecord]) -> None:
    """A PDF without any text layer is a scan (or blank): say so rather than return nothing."""
    if any(record.rows for record in records):
        return
    if any(record.has_images for record in records):
        raise ScannedPDF(
            path,
            f"the PDF's {len(records)} page(s) are images with no text layer (a scan).",
            _OCR_HINT,
        )
    raise EmptyInput(path, "the PDF has no text on any page.", "Check the file.")


def _document(path: Path, data: bytes, records: Sequence[PageRecord]) -> Document:
    """Lay out every page, set the furniture aside and reflow the body into a Document."""
    rows_by_page, furniture = strip_line_numbers(records)
    furniture += [item for record in records for item in _unread(record)]
    rows_by_page, running = running_furniture(records, rows_by_page)
    furniture += running
    body_size = _body_size(rows_by_page)
    body: list[Line] = []
    notes: list[Line] = []
    found = [
        find_gutters(rows, r.width, body_size)
        for r, rows in zip(records, rows_by_page, strict=True)
    ]
    column = common_column(found)
    for record, rows, gutters in zip(records, rows_by_page, found, strict=True):
        layout = lay_out_page(record.number, rows, with_column(rows, gutters, column), record.width)
        lines, footnotes = split_footnotes(layout.body, record.rules, body_size, record.height)
        body += lines
        notes += layout.notes
        furniture += footnotes
    body, notes, matter = front_and_back_matter(body, notes, {r.number: r.height for r in records})
    furniture += matter + footnote_marks(body)
    flowed = reflow(body, notes)
    return Document(
        path=path,
        format="pdf",
        text=flowed.text,
        segments=flowed.segments,
        page_count=len(records),
        sha256=hashlib.sha256(data).hexdigest(),
        title_hint=_title_hint(body, body_size),
        furniture=sorted(furniture, key=lambda f: f.page),
        marginal_notes=flowed.notes,
    )


def _unread(record: PageRecord) -> list[Furniture]:
    """Text kept out of the body (sideways, microscopic) and image-only pages, as furniture."""
    found = [Furniture(record.number, text, "other", reason) for text, reason in record.set_aside]
    if record.has_images and not record.rows:
        found.append(
            Furniture(
                record.number,
                "",
                "other",
                f"page {record.number} is an image with no text layer; its words are not in the "
                f"text. {_OCR_HINT}",
            )
        )
    return found


def _body_size(rows_by_page: Sequence[Sequence[Row]]) -> float:
    """The font size carrying most of the document's characters."""
    weight: Counter[float] = Counter()
    for rows in rows_by_page:
        for row in rows:
            for word in row.words:
                weight[round(word.size, 1)] += len(word.text)
    return weight.most_common(1)[0][0] if weight else 0.0


def _title_hint(body: Sequence[Line], body_size: float) -> str:
    """The largest text on the first page with body text, or failing that its first bold line."""
    if not body:
        return ""
    first = [line for line in body if line.page == body[0].page]
    largest = max(line.size for line in first)
    if largest > body_size + 0.5:
        title = [line for line in first if line.size == largest]
    else:
        title = [line for line in first[:5] if line.bold][:1]
    return " ".join(line.text for line in title[:3])
