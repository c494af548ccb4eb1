"""Properties that hold for every statute (hypothesis): nothing lost, ids from numbers not layout.

* The provisions' own texts, read in document order, give back the Document's text (white space
  aside) — for generated statutes and for any text at all.
* A generated statute gets exactly the eIds its numbering calls for.
* The tree does not depend on page layout: the same statute split into pages anywhere, or with
  its section headings printed in the margin, gives the same eIds and texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lexcheck.ingest.document import Document, MarginalNote, Segment
from lexcheck.structure.model import Provision
from lexcheck.structure.parse import build_provisions

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
ROMAN_UPPER = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
WORDS = ["person", "offence", "child", "victim", "court", "labour", "permit", "officer", "fine"]
HEADINGS = ["Offences", "Interpretation", "Victim support", "Penalties", "Border measures"]


@dataclass
class Written:
    """A generated statute: its lines, its expected eIds, and each section's heading line."""

    lines: list[str] = field(default_factory=list)
    eids: list[str] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # line index -> heading


def _sentence(draw: st.DrawFn, capital: bool, end: str) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=8))
    text = " ".join(words)
    return (text[0].upper() + text[1:] if capital else text) + end


@st.composite
def statutes(draw: st.DrawFn) -> Written:
    """A statute in Commonwealth style: Parts, sections (some inserted, "5A"), subsections,
    paragraphs, subparagraphs, wrap-ups and provisos, with the eIds it must get."""
    written = Written()
    if draw(st.booleans()):
        written.lines += ["THE GENERATED ACT", "An Act to test the parser."]
        written.eids.append("preface")
    parts = draw(st.integers(min_value=0, max_value=3))
    section = 0
    for part in range(max(parts, 1)):
        prefix = ""
        if parts:
            prefix = f"part_{ROMAN_UPPER[part]}"
            written.lines += [f"PART {ROMAN_UPPER[part]}", draw(st.sampled_from(HEADINGS)).upper()]
            written.eids.append(prefix)
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            section += 1
            num = (
                f"{section}A"
                if section > 1 and draw(st.booleans()) and section % 4 == 0
                else str(section)
            )
            _section(draw, written, prefix, num)
    return written


def _section(draw: st.DrawFn, written: Written, prefix: str, num: str) -> None:
    eid = f"{prefix}__sec_{num}" if prefix else f"sec_{num}"
    heading = draw(st.sampled_from(HEADINGS))
    written.headings[len(written.lines)] = heading
    written.lines.append(f"{num}. {heading}")
    written.eids.append(eid)
    subsections = draw(st.integers(min_value=0, max_value=3))
    if not subsections:
        written.lines.append(_sentence(draw, capital=True, end="."))
        return
    for sub in range(1, subsections + 1):
        sub_eid = f"{eid}__subsec_{sub}"
        has_list = draw(st.booleans())
        written.lines.append(f"({sub}) " + _sentence(draw, True, "—" if has_list else "."))
        written.eids.append(sub_eid)
        if has_list:
            _paragraphs(draw, written, sub_eid)
        if draw(st.integers(min_value=0, max_value=4)) == 0:
            written.lines.append("Provided that " + _sentence(draw, False, "."))
            written.eids.append(f"{sub_eid}__proviso_nn_1")


def _paragraphs(draw: st.DrawFn, written: Written, parent: str) -> None:
    count = draw(st.integers(min_value=1, max_value=12))
    has_list = False
    for index in range(count):
        letter = "abcdefghijkl"[index]
        para_eid = f"{parent}__para_{letter}"
        has_list = draw(st.integers(min_value=0, max_value=3)) == 0
        end = "—" if has_list else (";" if index < count - 1 else ",")
        written.lines.append(f"({letter}) " + _sentence(draw, False, end))
        written.eids.append(para_eid)
        if has_list:
            for roman in ROMAN[: draw(st.integers(min_value=1, max_value=4))]:
                written.lines.append(f"({roman}) " + _sentence(draw, False, ";"))
                written.eids.append(f"{para_eid}__subpara_{roman}")
    # A wrap-up after a nested list would be ambiguous (whose list does it close?): none there.
    if not has_list and draw(st.booleans()):
        written.lines.append("commits an offence.")
        written.eids.append(f"{parent}__wrapup_1")


def document(
    text: str, pages: list[int] | None = None, notes: list[MarginalNote] | None = None
) -> Document:
    """A Document of `text`; `pages` are offsets where a new page begins."""
    breaks = [0, *(pages or []), len(text)]
    segments = [Segment(start, end, page) for page, (start, end) in enumerate(pairwise(breaks), 1)]
    return Document(
        Path("t.txt"), "text", text, segments, len(segments), "0", marginal_notes=notes or []
    )


def flatten(provisions: list[Provision]) -> list[Provision]:
    return [each for provision in provisions for each in provision.walk()]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_nothing_lost(text: str, provisions: list[Provision]) -> None:
    flat = flatten(provisions)
    assert squeeze("".join(p.text for p in flat)) == squeeze(text)
    assert [p.span[0] for p in flat] == sorted(p.span[0] for p in flat)
    for provision in flat:
        assert text[provision.span[0] : provision.span[0] + len(provision.text)] == provision.text
        for child in provision.children:
            assert provision.span[0] <= child.span[0] and child.span[1] <= provision.span[1]


@settings(max_examples=150, deadline=None)
@given(statutes())
def test_a_generated_statute_gets_the_eids_its_numbering_calls_for(written: Written) -> None:
    text = "\n".join(written.lines)
    provisions = build_provisions(document(text))
    assert [p.eid for p in flatten(provisions)] == written.eids
    assert_nothing_lost(text, provisions)


@settings(max_examples=100, deadline=None)
@given(statutes(), st.data())
def test_page_breaks_do_not_change_the_tree(written: Written, data: st.DataObject) -> None:
    text = "\n".join(written.lines)
    line_starts = [match.end() for match in re.finditer("\n", text)]
    breaks = sorted(data.draw(st.sets(st.sampled_from(line_starts or [0]), max_size=5)))
    plain = flatten(build_provisions(document(text)))
    paged = flatten(build_provisions(document(text, pages=[b for b in breaks if b])))
    assert [(p.eid, p.text) for p in paged] == [(p.eid, p.text) for p in plain]


@settings(max_examples=100, deadline=None)
@given(statutes())
def test_headings_in_the_margin_give_the_same_tree(written: Written) -> None:
    """The margin layout prints "5. (1) A person …" with "Offences" beside it."""
    body_lines, notes_at = [], []
    lines = written.lines
    index = 0
    while index < len(lines):
        if index in written.headings and index + 1 < len(lines):
            num = lines[index].split(". ", 1)[0]
            notes_at.append((len(body_lines), written.headings[index]))
            body_lines.append(f"{num}. {lines[index + 1]}")
            index += 2
            continue
        body_lines.append(lines[index])
        index += 1
    margin_text = "\n".join(body_lines)
    offsets = [0]
    for line in body_lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    notes = [MarginalNote(heading, 1, offsets[at]) for at, heading in notes_at]
    inline = flatten(build_provisions(document("\n".join(lines))))
    margin = flatten(build_provisions(document(margin_text, notes=notes)))
    assert [(p.eid, p.heading) for p in margin] == [(p.eid, p.heading) for p in inline]
    assert_nothing_lost(margin_text, build_provisions(document(margin_text, notes=notes)))


MARKERISH = st.sampled_from(
    [
        "\n",
        " ",
        "(",
        ")",
        "1",
        "2",
        "5",
        "a",
        "i",
        "v",
        "A",
        "I",
        ".",
        "—",
        "-",
        '"',
        "“",
        "”",
        "'",
        "PART ",
        "Section ",
        "SEC. ",
        "§ ",
        "Article ",
        "SCHEDULE",
        "Provided that ",
        "Explanation",
        "First.— ",
        "the following:",
        "means ",
        "commits",
        "[[MISSING]]",
        "ARRANGEMENT OF SECTIONS",
        "ENACTED by Parliament as follows:",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKERISH, max_size=120).map("".join))
def test_any_text_at_all_is_kept_whole(text: str) -> None:
    assert_nothing_lost(text, build_provisions(document(text)))
