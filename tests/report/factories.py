"""Small, realistic inputs for the report tests, built only from the data contracts.

A fictional framework of three statutes: a draft trafficking bill (text), an immigration act and a
labour code (PDFs), with findings of every status (two conflicts, each quoting two statutes), a
framework graph in the shape `lexcheck.graph` builds, and catalogue entries for display. The bill
holds a provision with markup in it, because statute text is untrusted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx

from lexcheck.ingest.document import Document, Segment
from lexcheck.report import ElementInfo, Report
from lexcheck.rules.model import Evidence, Finding
from lexcheck.structure.model import Provision, Statute

FIXED_TIME = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
TIP = "veridia-tip-bill"
IMMIGRATION = "veridia-immigration-act"
LABOUR = "veridia-labour-code"
HOSTILE_TEXT = '<script>alert("statute")</script> & "Victims <b>first</b>"'


@dataclass(frozen=True)
class Line:
    """One provision as printed on one line: its eid, parent eid and page."""

    eid: str
    kind: str
    num: str
    heading: str
    text: str
    page: int = 1
    parent: str | None = None


def make_statute(
    statute_id: str, title: str, kind: str, path: str, fmt: str, lines: list[Line]
) -> Statute:
    """A Statute whose Document text is the lines joined, with spans, pages and source lines."""
    text = "\n".join(line.text for line in lines)
    segments, provisions, roots = [], {}, []
    offset = 0
    for number, line in enumerate(lines, 1):
        end = offset + len(line.text)
        bbox = (72.0, 100.0 + 14 * number, 523.0, 112.0 + 14 * number) if fmt == "pdf" else None
        segments.append(Segment(offset, end, line.page, bbox, number if fmt == "text" else None))
        provision = Provision(
            line.eid, line.kind, line.num, line.heading, line.text, (offset, end), [line.page]
        )
        provisions[line.eid] = provision
        (provisions[line.parent].children if line.parent else roots).append(provision)
        offset = end + 1
    for provision in reversed(provisions.values()):  # children first, so spans grow upwards
        ends = [provision.span[1]] + [child.span[1] for child in provision.children]
        provision.span = (provision.span[0], max(ends))
        provision.pages = sorted({p for c in provision.walk() for p in c.pages})
    document = Document(
        path=Path(path),
        format=fmt,
        text=text,
        segments=segments,
        page_count=max(line.page for line in lines),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    return Statute(statute_id, title, kind, False, document, roots)


def tip_bill() -> Statute:
    return make_statute(
        TIP,
        "Prevention of Trafficking in Persons Bill, 2025",
        "tip",
        f"statutes/{TIP}.txt",
        "text",
        [
            Line("part_1", "part", "I", "PRELIMINARY", "PART I — PRELIMINARY"),
            Line(
                "sec_1",
                "section",
                "1",
                "Short title",
                "1. Short title. This Act may be cited as the Prevention of Trafficking in "
                "Persons Act, 2025.",
                parent="part_1",
            ),
            Line(
                "sec_2",
                "section",
                "2",
                "Interpretation",
                "2. Interpretation. In this Act—",
                parent="part_1",
            ),
            Line(
                "sec_2__para_a",
                "definition",
                "(a)",
                "",
                '(a) "child" means a person under the age of eighteen years;',
                parent="sec_2",
            ),
            Line(
                "sec_2__para_b",
                "definition",
                "(b)",
                "",
                '(b) "exploitation" includes sexual exploitation, forced labour, slavery, '
                "servitude and the removal of organs;",
                parent="sec_2",
            ),
            Line("part_2", "part", "II", "OFFENCES", "PART II — OFFENCES", page=2),
            Line(
                "sec_5",
                "section",
                "5",
                "Trafficking in persons",
                "5. Trafficking in persons.",
                page=2,
                parent="part_2",
            ),
            Line(
                "sec_5__subsec_1",
                "subsection",
                "(1)",
                "",
                "(1) A person who recruits, transports, transfers, harbours or receives another "
                "person by means of the threat or use of force, coercion, abduction, fraud or "
                "deception for the purpose of exploitation commits an offence.",
                page=2,
                parent="sec_5",
            ),
            Line(
                "sec_5__subsec_2",
                "subsection",
                "(2)",
                "",
                "(2) A person convicted of an offence under subsection (1) is liable to "
                "imprisonment for a term not exceeding ten years or to a fine.",
                page=2,
                parent="sec_5",
            ),
            Line(
                "sec_5__subsec_3",
                "subsection",
                "(3)",
                "",
                "(3) The consent of a child victim to the intended exploitation shall be "
                "irrelevant.",
                page=3,
                parent="sec_5",
            ),
            Line(
                "sec_6",
                "section",
                "6",
                "Victims",
                "6. Victims. A victim shall not be liable for an offence under this Act.",
                page=3,
                parent="part_2",
            ),
            Line(
                "sec_7",
                "section",
                "7",
                "Public notices",
                f"7. Public notices. The Minister may publish notices titled {HOSTILE_TEXT}.",
                page=3,
                parent="part_2",
            ),
        ],
    )


def immigration_act() -> Statute:
    return make_statute(
        IMMIGRATION,
        "Immigration Act, 2019",
        "immigration",
        f"statutes/{IMMIGRATION}.pdf",
        "pdf",
        [
            Line(
                "sec_1",
                "section",
                "1",
                "Short title",
                "1. Short title. This Act may be cited as the Immigration Act, 2019.",
            ),
            Line("sec_2", "section", "2", "Interpretation", "2. Interpretation. In this Act—"),
            Line(
                "sec_2__para_a",
                "definition",
                "(a)",
                "",
                '(a) "child" means a person under the age of sixteen years;',
                parent="sec_2",
            ),
            Line(
                "sec_12",
                "section",
                "12",
                "Unlawful entry and presence",
                "12. Unlawful entry and presence.",
                page=2,
            ),
            Line(
                "sec_12__subsec_1",
                "subsection",
                "(1)",
                "",
                "(1) Any person who enters or remains in Veridia without a valid permit commits "
                "an offence and is liable to detention pending removal.",
                page=2,
                parent="sec_12",
            ),
            Line(
                "sec_12__subsec_2",
                "subsection",
                "(2)",
                "",
                "(2) Notwithstanding any other written law, no exemption shall apply to a person "
                "charged under subsection (1).",
                page=2,
                parent="sec_12",
            ),
            Line(
                "sec_20",
                "section",
                "20",
                "Residence of victims",
                "20. Residence of victims. A victim of trafficking may be granted a temporary "
                "residence permit for so long as the victim cooperates with the prosecution.",
                page=3,
            ),
        ],
    )


def labour_code() -> Statute:
    return make_statute(
        LABOUR,
        "Labour Code, 2018",
        "labour",
        f"statutes/{LABOUR}.pdf",
        "pdf",
        [
            Line(
                "sec_1",
                "section",
                "1",
                "Short title",
                "1. Short title. This Code may be cited as the Labour Code, 2018.",
            ),
            Line(
                "sec_3",
                "section",
                "3",
                "Application",
                "3. Application. This Code does not apply to domestic workers or to members of "
                "the employer's family.",
            ),
            Line(
                "sec_9",
                "section",
                "9",
                "Recruitment fees",
                "9. Recruitment fees. No employer or private employment agency shall charge a "
                "worker, directly or indirectly, any fee or cost for recruitment.",
                page=2,
            ),
        ],
    )


def statutes() -> list[Statute]:
    return [tip_bill(), immigration_act(), labour_code()]


def quote(statute: Statute, eid: str, role: str, *words: str) -> Evidence:
    """The provision's whole text as the quote, with `words` as the matched highlights."""
    provision = statute.provision(eid)
    assert provision is not None, eid
    text, start = provision.text, provision.span[0]
    highlights = tuple((text.index(w), text.index(w) + len(w)) for w in words)
    return Evidence(
        statute=statute.id,
        path=str(statute.document.path),
        eid=eid,
        page=provision.pages[0],
        quote=text,
        role=role,
        span=(start, start + len(text)),
        highlights=highlights,
        line=statute.document.line_at(start),
    )


GROUPS = {
    "tip.criminalised": ("Offence", "Trafficking criminalised", "TIP 5(1) read with 3(a)"),
    "tip.act.recruitment": ("Act", "Recruitment", "TIP 3(a)"),
    "tip.act.transportation": ("Act", "Transportation", "TIP 3(a)"),
    "tip.act.harbouring": ("Act", "Harbouring", "TIP 3(a)"),
    "tip.means.threat": ("Means", "Threat", "TIP 3(a)"),
    "tip.means.force": ("Means", "Use of force", "TIP 3(a)"),
    "tip.means.abuse_of_vulnerability": (
        "Means",
        "Abuse of a position of vulnerability",
        "TIP 3(a)",
    ),
    "tip.purpose.organ_removal": ("Purpose", "Removal of organs", "TIP 3(a)"),
    "tip.consent_irrelevant": ("Offence", "Consent of the victim irrelevant", "TIP 3(b)"),
    "tip.penalties_stringent": ("Offence", "Penalties reflect the gravity", "UNTOC 11(1)"),
    "tip.aggravating": ("Offence", "Aggravating circumstances", "CoE 24"),
    "tip.child.under_18": ("Children", "Child means under 18", "TIP 3(d)"),
    "tip.victim.non_punishment": ("Victims", "Non-punishment of victims", "CoE 26"),
    "tip.victim.residence": ("Victims", "Residence permits for victims", "TIP 7(1)-(2)"),
    "som.criminalised": ("Smuggling", "Smuggling of migrants criminalised", "SOM 6(1)(a)"),
    "labour.recruitment_fees_prohibited": ("Labour", "Recruitment fees prohibited", "C181 7"),
    "labour.domestic_workers_covered": ("Labour", "Domestic workers covered", "C189 1"),
}


def make_finding(
    element: str,
    status: str,
    severity: str,
    strength: str,
    why: str,
    evidence: tuple[Evidence, ...] = (),
    scope: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
) -> Finding:
    _, title, article = GROUPS[element]
    places = "|".join(f"{e.statute}#{e.eid}" for e in evidence) or "|".join(scope)
    return Finding(
        element=element,
        rule=element.replace(".", "-"),
        status=status,
        severity=severity,
        title=title,
        article=article,
        strength=strength,
        family=element.split(".", 1)[0],
        why=why,
        recommendation=f"Amend the law so that it provides for: {title.lower()}.",
        model_law="ML-TIP art 8" if element.startswith("tip.") else "",
        evidence=evidence,
        scope_searched=scope,
        flags=flags,
        fingerprint=hashlib.sha256(f"{element}|{status}|{places}".encode()).hexdigest()[:32],
    )


def findings(tip: Statute, immigration: Statute, labour: Statute) -> list[Finding]:
    """One finding per element, in catalogue order, covering every status."""
    s5_1 = "sec_5__subsec_1"

    def met(element: str, statute: Statute, eid: str, *words: str) -> Finding:
        evidence = (quote(statute, eid, "carrying", *words),)
        return make_finding(element, "met", "none", "mandatory", f"Found {words[0]!r}.", evidence)

    def conflict(element: str, why: str, carrying: Evidence, defeating: Evidence) -> Finding:
        return make_finding(
            element, "conflict", "critical", "mandatory", why, (carrying, defeating)
        )

    return [
        met("tip.criminalised", tip, s5_1, "commits an offence", "for the purpose of exploitation"),
        met("tip.act.recruitment", tip, s5_1, "recruits"),
        met("tip.act.transportation", tip, s5_1, "transports"),
        met("tip.act.harbouring", tip, s5_1, "harbours"),
        met("tip.means.threat", tip, s5_1, "threat"),
        met("tip.means.force", tip, s5_1, "force"),
        make_finding(
            "tip.means.abuse_of_vulnerability",
            "missing",
            "high",
            "mandatory",
            "No provision makes abuse of a position of vulnerability a means of trafficking.",
            scope=(f"{TIP}#{s5_1}", f"{TIP}#sec_2"),
        ),
        met("tip.purpose.organ_removal", tip, "sec_2__para_b", "removal of organs"),
        make_finding(
            "tip.consent_irrelevant",
            "partial",
            "medium",
            "mandatory",
            "Consent is made irrelevant only for child victims; adults can still raise it.",
            (quote(tip, "sec_5__subsec_3", "weakening", "consent of a child victim"),),
        ),
        make_finding(
            "tip.penalties_stringent",
            "partial",
            "medium",
            "mandatory",
            "A fine is available as an alternative to imprisonment.",
            (quote(tip, "sec_5__subsec_2", "weakening", "or to a fine"),),
            flags=("fine_alternative",),
        ),
        make_finding(
            "tip.aggravating",
            "missing",
            "low",
            "good-practice",
            "No aggravating circumstances are listed for the trafficking offence.",
            scope=(f"{TIP}#sec_5",),
        ),
        conflict(
            "tip.child.under_18",
            "The bill defines a child as under 18, the Immigration Act as under 16.",
            quote(tip, "sec_2__para_a", "carrying", "under the age of eighteen years"),
            quote(immigration, "sec_2__para_a", "defeating", "under the age of sixteen years"),
        ),
        conflict(
            "tip.victim.non_punishment",
            "The bill protects victims only from its own offences, and the Immigration Act "
            "excludes every exemption from the unlawful-entry offence.",
            quote(tip, "sec_6", "carrying", "shall not be liable"),
            quote(immigration, "sec_12__subsec_2", "defeating", "no exemption shall apply"),
        ),
        make_finding(
            "tip.victim.residence",
            "partial",
            "low",
            "should",
            "A residence permit depends on the victim's cooperation with the prosecution.",
            (quote(immigration, "sec_20", "weakening", "for so long as the victim cooperates"),),
        ),
        make_finding(
            "som.criminalised",
            "missing",
            "high",
            "mandatory",
            "No offence of smuggling of migrants (procuring illegal entry for a benefit).",
            scope=(IMMIGRATION, TIP),
        ),
        met(
            "labour.recruitment_fees_prohibited", labour, "sec_9", "any fee or cost for recruitment"
        ),
        make_finding(
            "labour.domestic_workers_covered",
            "partial",
            "advisory",
            "good-practice",
            "The Labour Code excludes domestic workers from its scope.",
            (quote(labour, "sec_3", "weakening", "does not apply to domestic workers"),),
        ),
    ]


def catalogue() -> dict[str, ElementInfo]:
    return {
        element: ElementInfo(element, title, group, article, "ML-TIP art 8", f"Provide {title}.")
        for element, (group, title, article) in GROUPS.items()
    }


def framework_graph(all_statutes: list[Statute]) -> nx.MultiDiGraph:
    """The graph `lexcheck.graph` builds: provisions, terms, and the kinds of edge between them."""
    graph = nx.MultiDiGraph()
    for statute in all_statutes:
        graph.add_node(statute.id, kind="statute", title=statute.title, statute=statute.id)
        for top in statute.provisions:
            graph.add_edge(statute.id, f"{statute.id}#{top.eid}", kind="contains")
        for provision in statute.walk():
            node = f"{statute.id}#{provision.eid}"
            graph.add_node(node, statute=statute.id, eid=provision.eid, kind=provision.kind)
            for child in provision.children:
                graph.add_edge(node, f"{statute.id}#{child.eid}", kind="contains")
    for statute_id, term, definer in (
        (TIP, "child", "sec_2__para_a"),
        (TIP, "exploitation", "sec_2__para_b"),
        (IMMIGRATION, "child", "sec_2__para_a"),
    ):
        term_node = f"{statute_id}#term:{term}"
        graph.add_node(term_node, kind="term", statute=statute_id, term=term)
        graph.add_edge(f"{statute_id}#{definer}", term_node, kind="defines")
    graph.add_edge(f"{TIP}#sec_5__subsec_1", f"{TIP}#term:exploitation", kind="uses_term")
    graph.add_edge(f"{TIP}#sec_5__subsec_3", f"{TIP}#term:child", kind="uses_term")
    graph.add_edge(f"{TIP}#sec_5__subsec_2", f"{TIP}#sec_5__subsec_1", kind="refers_to")
    graph.add_edge(
        f"{IMMIGRATION}#sec_12__subsec_2", f"{IMMIGRATION}#sec_12__subsec_1", kind="refers_to"
    )
    graph.add_edge(f"{IMMIGRATION}#sec_12__subsec_2", f"{TIP}#sec_6", kind="overrides")
    graph.add_edge(f"{TIP}#sec_6", f"{IMMIGRATION}#sec_12__subsec_1", kind="subject_to")
    graph.add_edge(f"{LABOUR}#sec_3", f"{LABOUR}#sec_9", kind="exempts")
    graph.add_edge(f"{IMMIGRATION}#sec_20", TIP, kind="refers_to")
    graph.add_edge(f"{IMMIGRATION}#term:child", f"{TIP}#term:child", kind="imports")
    return graph


def make_report(**changes: object) -> Report:
    """The fixture framework's report; keyword arguments replace Report fields."""
    all_statutes = statutes()
    report = Report(
        findings=findings(*all_statutes),
        statutes=all_statutes,
        graph=framework_graph(all_statutes),
        profile="coe",
        tool_version="0.1.0",
        generated_at=FIXED_TIME,
        fail_on="high",
        suppressed=1,
        baselined=2,
        elements=catalogue(),
    )
    return replace(report, **changes) if changes else report
