"""Decide which reader a statute file needs, from its content first and its name second.

Content wins because files are often misnamed: a PDF downloaded as `act.txt`, an HTML login page
saved as `act.pdf`, an old binary Word file renamed `.docx`. Every refusal names the file, says
what it actually is and what to do, so a drafter never sees a traceback from a reader fed the wrong
bytes.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path

from lxml import etree

from lexcheck.errors import (
    CorruptDocx,
    CorruptPDF,
    EmptyInput,
    InputNotFound,
    LexcheckError,
    UnknownFormat,
)

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_ROOT = f"{{{AKN_NAMESPACE}}}akomaNtoso"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SUPPORTED = (
    "lexcheck reads PDF, Word (.docx), Akoma Ntoso 3.0 XML, and plain text or Markdown "
    "(.txt, .md) in UTF-8 or UTF-16."
)

_SNIFF_BYTES = 64 * 1024
_PDF_MAGIC = b"%PDF-"
_PDF_MAGIC_WINDOW = 1024  # the PDF spec lets junk precede the header within the first KiB
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_BLANK_BYTES = b" \t\r\n\f\v\x00"
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_OCR_FIX = (
    "Run OCR on it first (for example `ocrmypdf scan.pdf out.pdf` or `tesseract page.png out`) "
    "and give lexcheck the PDF or text it produces."
)
_IMAGE_MAGICS = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_ARCHIVE_MAGICS = {
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"Rar!\x1a\x07": "a RAR archive",
}


def detect_format(path: Path) -> str:
    """Return "pdf", "docx", "akn" or "text" for `path`, or raise the error that says why not."""
    path = Path(path)
    _require_file(path)
    head = _read_head(path)
    _require_content(path, head)
    return _format_from_magic(path, head) or _format_from_suffix(path, head)


def is_markdown(path: Path) -> bool:
    """Whether a text file should have its Markdown markup removed (decided by its extension)."""
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def not_akn_error(path: Path, root_tag: str) -> UnknownFormat:
    """The error for well-formed XML whose root is not an Akoma Ntoso 3.0 `akomaNtoso` element."""
    qname = etree.QName(root_tag)
    if qname.localname == "akomaNtoso":
        return UnknownFormat(
            path,
            f"is Akoma Ntoso in the namespace {qname.namespace or '(none)'}, not version 3.0.",
            f"Convert it to Akoma Ntoso 3.0 (root element in the namespace {AKN_NAMESPACE}), "
            "or give lexcheck the statute as PDF or text.",
        )
    return UnknownFormat(
        path,
        f"is XML but its root element is <{qname.localname}>, not Akoma Ntoso <akomaNtoso>.",
        f"Convert it to Akoma Ntoso 3.0 or to PDF or text. {SUPPORTED}",
    )


def docx_package_error(path: Path, detail: str) -> LexcheckError:
    """The error for a file the DOCX reader could not open as a Word package.

    Encrypted Word files are OLE containers, not ZIPs, so they get their own message and fix.
    """
    with path.open("rb") as stream:
        if stream.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
            return _ole_error(path)
    return _corrupt_docx(path, f"is not a readable Word package ({detail}).")


def describe_xml_error(error: etree.XMLSyntaxError) -> str:
    """The parser's error as "line 3, column 7: Opening and ending tag mismatch ..."."""
    line, column = error.position
    message = re.sub(r", line \d+, column \d+$", "", error.msg or "syntax error")
    return f"line {line}, column {column}: {message}"


def _require_file(path: Path) -> None:
    if path.is_dir():
        raise InputNotFound(
            path,
            "is a directory, not a statute file.",
            "Give the path of one file, or list the statutes in lexcheck.yaml and run "
            "`lexcheck ci`.",
        )
    if not path.is_file():
        raise InputNotFound(path, "no such file.", "Check the path and the spelling of the name.")


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(_SNIFF_BYTES)
    except OSError as error:
        raise InputNotFound(
            path,
            f"cannot be read ({error.strerror or error}).",
            "Check that you may read the file (its permissions) and that it is not locked.",
        ) from error


def _require_content(path: Path, head: bytes) -> None:
    """Refuse a file that holds nothing but whitespace; reads on past the head only when needed."""
    if _strip_blank(head):
        return
    with path.open("rb") as stream:
        stream.seek(len(head))
        for chunk in iter(lambda: stream.read(_SNIFF_BYTES), b""):
            if chunk.strip(_BLANK_BYTES):
                return
    problem = "is empty (0 bytes)." if not head else "contains only whitespace."
    raise EmptyInput(path, problem, "Check that the statute was saved or exported completely.")


def _strip_blank(data: bytes) -> bytes:
    for bom in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    return data.strip(_BLANK_BYTES)


def _format_from_magic(path: Path, head: bytes) -> str | None:
    if _PDF_MAGIC in head[:_PDF_MAGIC_WINDOW]:
        return "pdf"
    if head.startswith(_ZIP_MAGICS):
        return _format_of_zip(path)
    if head.startswith(_OLE_MAGIC):
        raise _ole_error(path)
    _refuse_known_binary(path, head)
    return _format_of_markup(path, _sniff_text(head))


def _format_of_zip(path: Path) -> str:
    """A ZIP is a DOCX only if it holds `word/document.xml`; name the other Office formats."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as error:
        if path.suffix.lower() == ".docx":
            raise _corrupt_docx(path, f"is not a readable ZIP package ({error}).") from error
        raise UnknownFormat(path, f"is a damaged ZIP archive ({error}).", SUPPORTED) from error
    if "word/document.xml" in names:
        return "docx"
    kind, fix = _describe_zip(names)
    raise UnknownFormat(path, f"is {kind}, not a statute document.", fix)


def _describe_zip(names: set[str]) -> tuple[str, str]:
    """What a non-DOCX ZIP is, and what to do with it."""
    office_fix = f"Copy the statute's text into a .docx, PDF or text file. {SUPPORTED}"
    if "xl/workbook.xml" in names:
        return "an Excel workbook", office_fix
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation", office_fix
    if "content.xml" in names and "mimetype" in names:
        return (
            "an OpenDocument file",
            "Save it as Word (.docx) or export it to PDF, then run lexcheck on that file.",
        )
    return "a ZIP archive", f"Extract the statute and give lexcheck that file. {SUPPORTED}"


def _ole_error(path: Path) -> LexcheckError:
    """OLE containers are legacy binary Office files, or modern Office files under a password."""
    with path.open("rb") as stream:
        encrypted = _OLE_ENCRYPTION_STREAM in stream.read()
    if encrypted:
        return _corrupt_docx(
            path,
            "is a password-protected (encrypted) Office document, which lexcheck cannot open.",
            "Open it in Word, remove the password (File > Info > Protect Document > Encrypt with "
            "Password, clear it), save it as .docx and run lexcheck again.",
        )
    if path.suffix.lower() == ".docx":
        return _corrupt_docx(
            path,
            "is an old binary Word (.doc) file renamed to .docx.",
            "Open it in Word or LibreOffice and save it as .docx (Word Document), or export a PDF.",
        )
    return UnknownFormat(
        path,
        "is a legacy binary Office file (.doc, .xls or .ppt), which lexcheck cannot read.",
        "Open it in Word or LibreOffice and save it as .docx, or export it to PDF.",
    )


def _corrupt_docx(path: Path, problem: str, fix: str = "") -> CorruptDocx:
    return CorruptDocx(
        path,
        problem,
        fix
        or "Open it in Word or LibreOffice to repair it and save it again as .docx, "
        "or export the statute to PDF.",
    )


def _refuse_known_binary(path: Path, head: bytes) -> None:
    for magic, kind in _IMAGE_MAGICS.items():
        if head.startswith(magic):
            raise UnknownFormat(path, f"is {kind}: it holds no text lexcheck can read.", _OCR_FIX)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise UnknownFormat(path, "is a WebP image: it holds no text lexcheck can read.", _OCR_FIX)
    for magic, kind in _ARCHIVE_MAGICS.items():
        if head.startswith(magic):
            raise UnknownFormat(
                path, f"is {kind}.", f"Extract the statute and give lexcheck that file. {SUPPORTED}"
            )
    if head.startswith(b"{\\rtf"):
        raise UnknownFormat(
            path,
            "is a Rich Text (RTF) file.",
            "Open it in Word or LibreOffice and save it as .docx, or export it to PDF.",
        )


def _sniff_text(head: bytes) -> str:
    """The head decoded leniently, only to look at how it starts (never used as statute text)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="replace").lstrip()
    return head.decode("utf-8", errors="replace").lstrip()


def _format_of_markup(path: Path, start: str) -> str | None:
    """HTML is refused, XML must be Akoma Ntoso, and a text file opening with `<` stays text."""
    lowered = start[:64].lower()
    if lowered.startswith(("<!doctype html", "<html")):
        raise UnknownFormat(
            path,
            "is an HTML web page.",
            "Save the statute from the browser as PDF (Print > Save as PDF) or copy its text into "
            "a .txt file.",
        )
    if lowered.startswith("<?xml") or (
        start.startswith("<") and path.suffix.lower() not in TEXT_SUFFIXES
    ):
        return _format_of_xml(path, start)
    return None


def _format_of_xml(path: Path, start: str) -> str:
    """Akoma Ntoso is recognised by its root element; a broken AKN file goes to the AKN reader,
    which reports the parser's line and message."""
    try:
        root_tag = _xml_root_tag(path)
    except etree.XMLSyntaxError as error:
        if "akomaNtoso" in start:
            return "akn"
        raise UnknownFormat(
            path,
            f"looks like XML but is not well-formed ({describe_xml_error(error)}).",
            f"Fix the XML or give lexcheck the statute in another form. {SUPPORTED}",
        ) from error
    if root_tag == AKN_ROOT:
        return "akn"
    raise not_akn_error(path, root_tag)


def _xml_root_tag(path: Path) -> str:
    events = etree.iterparse(
        str(path),
        events=("start",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )
    for _event, element in events:
        return element.tag
    raise etree.XMLSyntaxError("no root element", None, 1, 1)


def _looks_like_text(head: bytes) -> bool:
    """An extensionless file is text if it has a BOM or no NUL bytes (binary formats have them)."""
    return head.startswith(_BOMS) or b"\x00" not in head


def _format_from_suffix(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or (suffix == "" and _looks_like_text(head)):
        return "text"
    if suffix == ".pdf":
        raise CorruptPDF(
            path,
            "is named .pdf but does not start with a PDF header (%PDF-); it is damaged or not a "
            "PDF at all.",
            "Download or export the PDF again and check that it opens in a PDF viewer.",
        )
    if suffix == ".docx":
        raise _corrupt_docx(path, "is named .docx but is not a Word (ZIP) package.")
    if suffix == ".doc":
        raise UnknownFormat(
            path,
            "is a .doc file, which lexcheck cannot read.",
            "Open it in Word or LibreOffice and save it as .docx, or export it to PDF.",
        )
    if suffix in (".xml", ".akn"):
        raise UnknownFormat(path, "is named as XML but does not contain XML.", SUPPORTED)
    raise UnknownFormat(
        path,
        f"has an extension lexcheck does not know ({suffix}) and its content is not PDF, DOCX or "
        "Akoma Ntoso.",
        f"{SUPPORTED} If it is plain text, rename it to .txt.",
    )
