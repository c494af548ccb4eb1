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
import itertools
import multiprocessing
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
    EdgeRow,
    edge_rows,
    footnote_marks,
    front_and_back_matter,
    line_numbers,
    number_groups,
    running_furniture,
    split_footnotes,
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


class _PageReadError(Exception):
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
    digest = hashlib.sha256(data).hexdigest()
    del data
    records = _page_records(path)
    _refuse_textless(path, records)
    return _document(path, digest, records)


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
    except _PageReadError as error:
        raise _corrupt(path, error) from error
    except _PARSE_ERRORS as error:
        raise _open_error(path, error) from error
    return _read_in_parallel(path, count)


def _workers() -> int:
    """How many worker processes to read with: none inside a daemonic process (a
    multiprocessing.Pool worker may not start processes of its own), else up to two, one a core."""
    if multiprocessing.current_process().daemon:
        return 1
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
        except _PageReadError as error:
            raise _corrupt(path, error) from error


def _read_file_range(path: str, start: int, stop: int) -> list[PageRecord]:
    """Worker entry point: open the file once and read pages start..stop-1."""
    try:
        pdf = pdfplumber.open(path)
    except _PARSE_ERRORS as error:
        raise _PageReadError(start + 1, str(error) or type(error).__name__) from None
    with pdf:
        return _read_range(pdf, start, stop)


def _read_range(pdf: pdfplumber.PDF, start: int, stop: int) -> list[PageRecord]:
    """Read pages start..stop-1, closing each page as soon as its records are taken.

    Only pdfminer's parse of the page is guarded: a failure there means a damaged file, while a
    failure in lexcheck's own code must surface as the bug it is.
    """
    try:
        pages = pdf.pages
    except _PARSE_ERRORS as error:
        raise _PageReadError(start + 1, str(error) or type(error).__name__) from None
    records = []
    for index in range(start, stop):
        page = pages[index]
        try:
            records.append(page_record(_parsed(page, index + 1), index + 1))
        finally:
            page.close()
    return records


def _parsed(page: pdfplumber.page.Page, number: int) -> pdfplumber.page.Page:
    """The page with pdfminer's parse of it done; a failure there is a damaged page."""
    try:
        page.layout  # noqa: B018 - the property parses the page and keeps the result
    except _PARSE_ERRORS as error:
        raise _PageReadError(number, str(error) or type(error).__name__) from None
    return page


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


def _corrupt(path: Path, error: _PageReadError) -> CorruptPDF:
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


def _document(path: Path, sha256: str, records: list[PageRecord]) -> Document:
    """Set the furniture aside, lay out every page and reflow the body into a Document."""
    pages = _PageRows()
    furniture, body_size = _page_furniture(records, pages)
    body, notes = _lay_out(records, pages, body_size)
    body, notes, matter = front_and_back_matter(body, notes, {r.number: r.height for r in records})
    body, footnotes = _footnotes(body, records, body_size)
    furniture += matter + footnotes + footnote_marks(body)
    flowed = reflow(body, notes)
    return Document(
        path=path,
        format="pdf",
        text=flowed.text,
        segments=flowed.segments,
        page_count=len(records),
        sha256=sha256,
        title_hint=_title_hint(body, body_size),
        furniture=sorted(furniture, key=lambda f: f.page),
        marginal_notes=flowed.notes,
    )


class _PageRows:
    """Each page's rows unpacked on demand, less the words and rows set aside so far.

    Every pass over the pages unpacks one page at a time, so however long the statute, its
    words are never all in memory at once.
    """

    def __init__(self) -> None:
        self.words_out: dict[int, dict[int, set[int]]] = {}
        self.rows_out: dict[int, set[int]] = {}

    def rows(self, record: PageRecord) -> list[Row]:
        """The page's rows top to bottom, without what line numbers and running furniture took."""
        words_out = self.words_out.get(record.number, {})
        rows_out = self.rows_out.get(record.number, set())
        rows = (
            packed.unpack(index, words_out.get(index, ()))
            for index, packed in enumerate(record.rows)
            if index not in rows_out
        )
        return [row for row in rows if row.words]


def _page_furniture(
    records: Sequence[PageRecord], pages: _PageRows
) -> tuple[list[Furniture], float]:
    """Line numbers, running heads and feet and unreadable text, set aside from `pages`; and the
    text's type size (the size most characters outside heads and feet are printed in)."""
    groups = []
    sizes: Counter[float] = Counter()
    for record in records:
        rows = pages.rows(record)
        groups.append((record.number, number_groups(rows)))
        sizes.update(round(word.size, 1) for row in rows for word in row.words)
    pages.words_out, furniture = line_numbers(groups)
    rough_size = _median(sizes)
    edges: list[tuple[int, list[EdgeRow]]] = []
    weights: Counter[float] = Counter()
    for record in records:
        rows = pages.rows(record)
        page_edges = edge_rows(rows, record.height, rough_size)
        edges.append((record.number, page_edges))
        on_edge = {edge.row.index for edge in page_edges}
        for row in rows:
            if row.index not in on_edge:
                weights.update({round(w.size, 1): len(w.text) for w in row.words})
    body_size = weights.most_common(1)[0][0] if weights else rough_size
    pages.rows_out, running = running_furniture(edges, body_size)
    unread = [item for record in records for item in _unread(record)]
    return furniture + running + unread, body_size


def _median(counts: Counter[float]) -> float:
    """The median of values given with their counts (0.0 for none)."""
    middle = (sum(counts.values()) + 1) // 2
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= middle:
            return value
    return 0.0


def _lay_out(
    records: list[PageRecord], pages: _PageRows, body_size: float
) -> tuple[list[Line], list[Line]]:
    """Body lines in reading order and marginal-note lines, page by page.

    A page too sparse to show the document's column gutter is split at it all the same. Each
    page's rows are let go of (in `records`) once its lines are made.
    """
    found = [find_gutters(pages.rows(r), r.width, body_size) for r in records]
    column = common_column(found)
    body: list[Line] = []
    notes: list[Line] = []
    for index, (record, gutters) in enumerate(zip(records, found, strict=True)):
        rows = pages.rows(record)
        records[index] = record._replace(rows=())
        layout = lay_out_page(record.number, rows, with_column(rows, gutters, column), record.width)
        body += layout.body
        notes += layout.notes
    return body, notes


def _footnotes(
    body: list[Line], records: Sequence[PageRecord], body_size: float
) -> tuple[list[Line], list[Furniture]]:
    """The body without the footnotes at the foot of each page, and those footnotes.

    Run after the front matter is set aside, so a table of contents in small print at the foot of
    a title page is not taken for footnotes."""
    by_number = {record.number: record for record in records}
    kept: list[Line] = []
    footnotes: list[Furniture] = []
    for number, group in itertools.groupby(body, key=lambda line: line.page):
        record = by_number[number]
        lines, found = split_footnotes(list(group), record.rules, body_size, record.height)
        kept += lines
        footnotes += found
    return kept, footnotes


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


def _title_hint(body: Sequence[Line], body_size: float) -> str:
    """The largest text on the first page with body text (up to three lines of it in a row),
    or failing that its first bold line."""
    if not body:
        return ""
    first = [line for line in body if line.page == body[0].page]
    largest = max(line.size for line in first)
    if largest <= body_size + 0.5:
        return next((line.text for line in first[:5] if line.bold), "")
    start = next(i for i, line in enumerate(first) if line.size == largest)
    title = itertools.takewhile(lambda line: line.size == largest, first[start : start + 3])
    return " ".join(line.text for line in title)
