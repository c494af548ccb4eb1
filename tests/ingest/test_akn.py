"""The Akoma Ntoso reader: printed-style text, StructureHints that keep the act's own eIds."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexcheck.errors import MalformedAkomaNtoso, UnknownFormat
from lexcheck.ingest import load_document
from lexcheck.ingest.akn import read_akn

ACT = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta>
      <identification source="#lexcheck">
        <FRBRWork>
          <FRBRthis value="/akn/es/act/2024/7/!main"/>
          <FRBRuri value="/akn/es/act/2024/7"/>
          <FRBRname value="Prevention of Trafficking in Persons Act, 2024"/>
        </FRBRWork>
      </identification>
    </meta>
    <coverPage><p>Republic of Esteria: Government Gazette</p></coverPage>
    <preface>
      <p><docTitle>Trafficking Act</docTitle></p>
      <toc><tocItem href="#part_2" level="1">PART II Offences</tocItem></toc>
    </preface>
    <body>
      <part eId="part_2">
        <num>PART II</num>
        <heading>Offences</heading>
        <section eId="part_2__sec_5">
          <num>5.</num>
          <heading>Trafficking in persons</heading>
          <subsection eId="part_2__sec_5__subsec_1">
            <num>(1)</num>
            <intro>
              <p>A person who recruits a <term refersTo="#child">child</term>
                 <authorialNote eId="n1"><p>Amended in 2025.</p></authorialNote>
                 by means of</p>
            </intro>
            <paragraph eId="part_2__sec_5__subsec_1__para_a">
              <num>(a)</num>
              <content><p>force; or</p></content>
            </paragraph>
            <paragraph>
              <num>(b)</num>
              <content><p>deception,<eop/></p></content>
            </paragraph>
            <wrapUp><p>commits an offence.</p></wrapUp>
          </subsection>
          <subsection eId="part_2__sec_5__subsec_2">
            <num>(2)</num>
            <content><p>Consent is irrelevant, see <ref href="#sec_3">section 3</ref>.</p></content>
          </subsection>
        </section>
      </part>
    </body>
    <attachments>
      <attachment eId="att_1">
        <doc name="schedule">
          <meta><identification source="#x"><FRBRWork><FRBRname value="Schedule"/></FRBRWork>
          </identification></meta>
          <preface><p><docTitle>First Schedule</docTitle></p></preface>
          <mainBody><p>Forms of exploitation.</p></mainBody>
        </doc>
      </attachment>
    </attachments>
  </act>
</akomaNtoso>
"""

EXPECTED_TEXT = """Trafficking Act
PART II Offences
5. Trafficking in persons
(1) A person who recruits a child by means of
(a) force; or
(b) deception,
commits an offence.
(2) Consent is irrelevant, see section 3.
First Schedule
Forms of exploitation."""


@pytest.fixture
def act(tmp_path: Path):
    path = tmp_path / "act.xml"
    path.write_text(ACT, encoding="utf-8")
    return load_document(path)


def test_akn_is_printed_as_the_act_reads(act) -> None:
    assert act.format == "akn"
    assert act.text == EXPECTED_TEXT
    assert act.title_hint == "Prevention of Trafficking in Persons Act, 2024"


def test_structure_hints_keep_the_acts_eids_and_nesting(act) -> None:
    got = [(h.eid, h.kind, h.num, h.heading, h.parent) for h in act.structure_hints]
    assert got == [
        ("part_2", "part", "PART II", "Offences", None),
        ("part_2__sec_5", "section", "5", "Trafficking in persons", "part_2"),
        ("part_2__sec_5__subsec_1", "subsection", "(1)", "", "part_2__sec_5"),
        ("part_2__sec_5__subsec_1__para_a", "paragraph", "(a)", "", "part_2__sec_5__subsec_1"),
        ("part_2__sec_5__subsec_1__para_b", "paragraph", "(b)", "", "part_2__sec_5__subsec_1"),
        ("part_2__sec_5__subsec_2", "subsection", "(2)", "", "part_2__sec_5"),
        ("att_1", "attachment", "", "First Schedule", None),
    ]


@pytest.mark.parametrize(
    ("eid", "span_text"),
    [
        ("part_2", EXPECTED_TEXT[EXPECTED_TEXT.index("PART II") : EXPECTED_TEXT.index("\nFirst")]),
        ("part_2__sec_1__subsec_1__para_a", None),
        ("part_2__sec_5__subsec_1__para_a", "(a) force; or"),
        ("part_2__sec_5__subsec_1", "(1) A person who recruits a child by means of\n(a) force; or"
         "\n(b) deception,\ncommits an offence."),
        ("part_2__sec_5__subsec_2", "(2) Consent is irrelevant, see section 3."),
        ("att_1", "First Schedule\nForms of exploitation."),
    ],
)  # fmt: skip
def test_hint_spans_cover_the_provision_and_start_with_its_number(
    act, eid: str, span_text: str | None
) -> None:
    hints = {h.eid: h for h in act.structure_hints}
    if span_text is None:
        assert eid not in hints
        return
    hint = hints[eid]
    assert act.text[hint.start : hint.end] == span_text
    assert act.text[hint.start :].startswith(hint.num)


def test_notes_cover_and_toc_are_furniture_and_eop_turns_the_page(act) -> None:
    assert [(f.kind, f.text, f.page) for f in act.furniture] == [
        ("cover", "Republic of Esteria: Government Gazette", 1),
        ("other", "PART II Offences", 1),
        ("footnote", "Amended in 2025.", 1),
    ]
    assert act.page_count == 2
    assert act.page_at(act.text.index("(b) deception")) == 1
    assert act.page_at(act.text.index("commits")) == 2


def test_segments_point_at_the_source_xml_line(act) -> None:
    source_lines = ACT.split("\n")
    for printed, source in [("(a) force", "<p>force; or</p>"), ("PART II", '<part eId="part_2">')]:
        line = act.line_at(act.text.index(printed))
        assert source in source_lines[line - 1]


def test_title_falls_back_to_doc_title_without_frbr_name(tmp_path: Path) -> None:
    path = tmp_path / "bare.xml"
    path.write_text(
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill><preface>'
        "<p><shortTitle>Smuggling of Migrants Bill</shortTitle></p></preface><body>"
        "<section><num>1.</num><content><p>Text.</p></content></section>"
        "<section><content><p>Unnumbered.</p></content></section></body></bill></akomaNtoso>",
        encoding="utf-8",
    )

    document = read_akn(path)

    assert document.title_hint == "Smuggling of Migrants Bill"
    assert document.text == "Smuggling of Migrants Bill\n1. Text.\nUnnumbered."
    assert [(h.eid, h.num) for h in document.structure_hints] == [("sec_1", "1"), ("sec_2", "")]


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>'
        "<section><num>1.</num><content><p>Text &x;.</p></content></section>"
        "</body></act></akomaNtoso>",
        encoding="utf-8",
    )

    assert "SECRET" not in load_document(path).text


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (
            '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n<act>\n'
            "<body></act></akomaNtoso>",
            MalformedAkomaNtoso,
            "line 3",
        ),
        ('<?xml version="1.0"?><statute><section/></statute>', UnknownFormat, "<statute>"),
    ],
)
def test_read_akn_refuses_broken_or_foreign_xml(
    tmp_path: Path, content: str, error: type[Exception], words: str
) -> None:
    path = tmp_path / "act.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error, match=words):
        read_akn(path)
