"""Read a plain-text or Markdown statute into a `Document`, line for line.

Text files are what drafters and CI repositories keep statutes in, and SARIF results point at a
line of the original file, so this reader never reflows: one source line is one line of
`Document.text` and its segment remembers the line number. Only what cannot matter to the law
changes: line endings, tab and non-breaking spaces, the form feeds that mark page breaks (the page
count follows them), and Markdown markup.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from lexcheck.errors import EmptyInput, UndecodableText
from lexcheck.ingest.detect import is_markdown
from lexcheck.ingest.document import Document, Segment

PAGE_BREAK = "\f"
_LINE_END = re.compile(r"\r\n|\r|\n")
# Spaces that only differ in how they print, and the rarer line separators that editors do not
# show as line ends (but str.splitlines would), all become one space so offsets stay one-to-one.
_AS_SPACE = str.maketrans(dict.fromkeys("\t\v\x1c\x1d\x1e\x85\xa0\u2007\u202f\u2028\u2029", " "))
_ICONV_FIX = (
    "Convert it to UTF-8, for example `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt` "
    "(put the file's real encoding in place of WINDOWS-1252)."
)
_BOM_CODECS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MD_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ ]+|$)")
_MD_CLOSING_HASHES = re.compile(r"[ ]+#+[ ]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:=+|-{3,}|\*{3,}|_{3,})[ ]*$")
_MD_EMPHASIS = (
    re.compile(r"(?<!\\)\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*"),
    re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=[^\s\\])__(?!\w)"),
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"),
    re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"),
)


def read_text(path: Path) -> Document:
    """Read a UTF-8 or UTF-16 text (or Markdown) statute; form feeds start new pages."""
    path = Path(path)
    raw = path.read_bytes()
    source = decode_text(path, raw)
    if not source.strip():
        raise EmptyInput(path, "contains only whitespace.", "Check that the statute was saved.")
    lines = _LINE_END.split(source)
    if lines[-1] == "":
        lines.pop()  # the terminator of the last line does not open another line
    markdown = is_markdown(path)
    text, segments, pages = _assemble(_clean(line, markdown) for line in lines)
    return Document(
        path=path,
        format="text",
        text=text,
        segments=segments,
        page_count=pages,
        sha256=hashlib.sha256(raw).hexdigest(),
        title_hint=_first_non_empty(text),
    )


def decode_text(path: Path, raw: bytes) -> str:
    """UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused with where it broke."""
    codec, skip = "utf-8", 0
    for bom, bom_codec in _BOM_CODECS:
        if raw.startswith(bom):
            codec, skip = bom_codec, len(bom)
            break
    body = raw[skip:]
    try:
        source = body.decode(codec)
    except UnicodeDecodeError as error:
        raise _undecodable(path, body, codec, skip, error.start) from error
    nul = source.find("\x00")
    if nul >= 0:
        offset = skip + len(source[:nul].encode(codec))
        raise UndecodableText(
            path,
            f"contains a NUL byte at byte offset {offset}: it looks like UTF-16 text saved without "
            "a byte-order mark, or a binary file.",
            "Convert it to UTF-8, for example `iconv -f UTF-16LE -t UTF-8 in.txt > out.txt`.",
        )
    return source


def strip_markdown(line: str) -> str:
    """Drop the Markdown markup of one line (heading hashes, rules, emphasis), keep its words.

    Markers escaped with a backslash, and underscores inside words, are text, not markup.
    """
    if _MD_RULE.match(line):
        return ""
    heading = _MD_ATX_HEADING.match(line)
    if heading:
        line = _MD_CLOSING_HASHES.sub("", line[heading.end() :])
    for emphasis in _MD_EMPHASIS:
        line = emphasis.sub(r"\1", line)
    return line


def normalise_spaces(line: str) -> str:
    """Tabs, non-breaking spaces and stray line separators become plain spaces, one for one."""
    return line.translate(_AS_SPACE)


def _clean(line: str, markdown: bool) -> str:
    """One source line with its spaces normalised; Markdown markup goes page piece by page piece,
    so a heading that opens a new page ("\\f# Part 2") still loses its hashes."""
    line = normalise_spaces(line)
    if not markdown:
        return line
    return PAGE_BREAK.join(strip_markdown(piece) for piece in line.split(PAGE_BREAK))


def _undecodable(path: Path, body: bytes, codec: str, skip: int, bad: int) -> UndecodableText:
    line = len(_LINE_END.findall(body[:bad].decode(codec, errors="replace"))) + 1
    name = "UTF-8" if codec == "utf-8" else "UTF-16"
    return UndecodableText(
        path,
        f"is not valid {name}: the byte 0x{body[bad]:02X} at byte offset {skip + bad} (line {line})"
        " cannot be decoded. lexcheck reads text files in UTF-8, or UTF-16 with a byte-order mark.",
        _ICONV_FIX,
    )


def _assemble(lines: Iterable[str]) -> tuple[str, list[Segment], int]:
    """Join the lines with "\\n", one segment per line, split where a form feed turns the page."""
    parts: list[str] = []
    segments: list[Segment] = []
    offset, page = 0, 1
    for number, line in enumerate(lines, start=1):
        pieces = line.split(PAGE_BREAK)
        if not any(pieces):  # a blank line, perhaps only form feeds, still has its own segment
            page += len(pieces) - 1
            segments.append(Segment(offset, offset, page, line=number))
        for index, piece in enumerate(pieces if any(pieces) else ()):
            if index:
                page += 1
            if piece:
                segments.append(Segment(offset, offset + len(piece), page, line=number))
            offset += len(piece)
        parts.append("".join(pieces))
        offset += 1
    return "\n".join(parts), segments, page


def _first_non_empty(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")
