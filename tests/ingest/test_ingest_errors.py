"""Every input lexcheck cannot read is refused through `load_document` with an error that names
the file, says what is wrong and what to do (the CLI prints it and exits 2)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from lexcheck.errors import (
    CorruptDocx,
    CorruptPDF,
    EmptyInput,
    InputNotFound,
    LexcheckError,
    MalformedAkomaNtoso,
    UndecodableText,
    UnknownFormat,
)
from lexcheck.ingest import load_document

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


ERRORS = [
    # (id, file name, content or None for "do not create", error, words the message must contain)
    ("missing", "absent.pdf", None, InputNotFound, ["no such file", "Check the path"]),
    ("empty", "act.txt", b"", EmptyInput, ["is empty (0 bytes)", "exported completely"]),
    ("whitespace", "act.txt", b" \n\t\r\n  \n", EmptyInput, ["only whitespace"]),
    ("utf16 blank", "act.txt", "  \n".encode("utf-16"), EmptyInput, ["only whitespace"]),
    ("png", "act.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, UnknownFormat, ["PNG image", "OCR"]),
    ("jpeg named pdf", "act.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 20, UnknownFormat, ["JPEG"]),
    ("xlsx", "act.xlsx", _zip("xl/workbook.xml"), UnknownFormat, ["Excel workbook", "PDF"]),
    ("odt", "act.odt", _zip("mimetype", "content.xml"), UnknownFormat, ["OpenDocument", ".docx"]),
    ("zip", "acts.zip", _zip("act.txt"), UnknownFormat, ["ZIP archive", "Extract"]),
    ("doc", "act.doc", OLE, UnknownFormat, ["legacy binary Office", "save it as .docx"]),
    ("rtf", "act.rtf", b"{\\rtf1\\ansi Act}", UnknownFormat, ["RTF", "save it as .docx"]),
    ("html", "act.pdf", b"<!DOCTYPE html><html></html>", UnknownFormat, ["HTML", "Save as PDF"]),
    ("unknown ext", "act.csv", b"a,b\n", UnknownFormat, ["(.csv)", "lexcheck reads PDF"]),
    (
        "encrypted docx",
        "act.docx",
        OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64,
        CorruptDocx,
        ["password-protected", "remove the password"],
    ),
    ("doc as docx", "act.docx", OLE, CorruptDocx, [".doc) file renamed", "save it as .docx"]),
    ("truncated docx", "act.docx", _zip("word/document.xml")[:30], CorruptDocx, ["ZIP"]),
    ("text as docx", "act.docx", b"Section 1", CorruptDocx, ["not a Word"]),
    ("docx no body", "act.docx", _zip("word/document.xml"), CorruptDocx, ["Word package"]),
    ("text as pdf", "act.pdf", b"Section 1", CorruptPDF, ["%PDF-", "Download or export"]),
    (
        "cp1252",
        "act.txt",
        "1. Short title\n2. \u201cchild\u201d means".encode("cp1252"),
        UndecodableText,
        ["byte 0x93 at byte offset 18 (line 2)", "iconv -f WINDOWS-1252 -t UTF-8"],
    ),
    (
        "utf16 without bom",
        "act.txt",
        "1. Act".encode("utf-16-le"),
        UndecodableText,
        ["NUL byte at byte offset 1", "UTF-16LE"],
    ),
    (
        "malformed akn",
        "act.xml",
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<act>\n</akt>',
        MalformedAkomaNtoso,
        ["line 3", "xmllint"],
    ),
    ("broken xml", "act.xml", b"<?xml version='1.0'?>\n<a b=></a>", UnknownFormat, ["line 2"]),
    (
        "foreign xml",
        "act.xml",
        b'<?xml version="1.0"?><legislation><section/></legislation>',
        UnknownFormat,
        ["root element is <legislation>", "Akoma Ntoso 3.0"],
    ),
    (
        "akn 2.0",
        "act.xml",
        b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act/></akomaNtoso>',
        UnknownFormat,
        ["not version 3.0", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"],
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_unreadable_input_is_refused_with_an_actionable_message(
    tmp_path: Path, name: str, content: bytes | None, error: type[LexcheckError], words: list[str]
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(error) as raised:
        load_document(path)

    message = str(raised.value)
    assert message.startswith(f"[{error.code}] {path}: ")
    for word in words:
        assert word in message


def test_a_directory_is_not_a_statute(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="is a directory"):
        load_document(tmp_path)


def test_an_unreadable_file_is_refused_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "act.txt"
    path.write_text("1. Short title", encoding="utf-8")
    real_open = Path.open

    def locked(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)

    with pytest.raises(InputNotFound, match=r"cannot be read \(Permission denied\)"):
        load_document(path)
