"""A parsed statute as JSON-ready data (`statute_to_dict`) and as a readable outline (`format_tree`).

`lexcheck parse FILE --format json` prints the first; plain `lexcheck parse FILE` the second:

    COUNTER-TRAFFICKING IN PERSONS ACT
    kind tip (detected) · id kenya-counter-trafficking-2010 · 9 pages · 231 provisions
    preface  preface  p.1  LAWS OF KENYA COUNTER-TRAFFICKING IN PERSONS ACT CAP. 61 …
    part_I  part I "PRELIMINARY"  p.1  PART I – PRELIMINARY
      part_I__sec_1  section 1 "Short title"  p.1  1. Short title This Act may be cited as …
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from lexcheck.structure.model import Provision, Statute

SNIPPET_CHARS = 60
"""How much of a provision's own text the outline shows."""


def statute_to_dict(statute: Statute) -> dict[str, Any]:
    """The statute as plain data: title, kind, id, path, pages, provisions (nested), definitions,
    references and furniture (count and list)."""
    document = statute.document
    return {
        "id": statute.id,
        "title": statute.title,
        "kind": statute.kind,
        "kind_detected": statute.kind_detected,
        "path": str(document.path),
        "format": document.format,
        "sha256": document.sha256,
        "pages": document.page_count,
        "provisions": [provision_to_dict(provision) for provision in statute.provisions],
        "definitions": [asdict(definition) for definition in statute.definitions],
        "references": [asdict(reference) for reference in statute.references],
        "furniture": {
            "count": len(document.furniture),
            "items": [asdict(item) for item in document.furniture],
        },
        "marginal_notes": [asdict(note) for note in document.marginal_notes],
    }


def provision_to_dict(provision: Provision) -> dict[str, Any]:
    """One provision and, nested, its children."""
    return {
        "eid": provision.eid,
        "kind": provision.kind,
        "num": provision.num,
        "heading": provision.heading,
        "text": provision.text,
        "span": list(provision.span),
        "pages": provision.pages,
        "children": [provision_to_dict(child) for child in provision.children],
    }


def format_tree(statute: Statute) -> str:
    """An indented outline: one line per provision with eId, kind, number, heading, pages and the
    start of its own text."""
    count = sum(1 for _ in statute.walk())
    detected = "detected" if statute.kind_detected else "given"
    lines = [
        statute.title,
        f"kind {statute.kind} ({detected}) · id {statute.id} · "
        f"{statute.document.page_count} pages · {count} provisions",
    ]
    for provision in statute.provisions:
        lines.extend(_outline(provision, depth=0))
    return "\n".join(lines)


def _outline(provision: Provision, depth: int) -> list[str]:
    lines = [("  " * depth) + outline_line(provision)]
    for child in provision.children:
        lines.extend(_outline(child, depth + 1))
    return lines


def outline_line(provision: Provision) -> str:
    """One provision on one line.

    >>> provision = Provision("sec_5", "section", "5", "Trafficking in persons",
    ...     "5. Trafficking in persons\\n(1) A person who …", (0, 40), [3, 4])
    >>> outline_line(provision)
    'sec_5  section 5 "Trafficking in persons"  pp.3-4  5. Trafficking in persons (1) A person who …'
    """
    label = " ".join(part for part in (provision.kind, provision.num) if part)
    heading = f' "{provision.heading}"' if provision.heading else ""
    return (
        f"{provision.eid}  {label}{heading}  {_pages(provision.pages)}  {_snippet(provision.text)}"
    )


def _pages(pages: list[int]) -> str:
    """ "p.3", "pp.3-4" (a provision's pages are consecutive)."""
    if not pages:
        return "p.?"
    if len(pages) == 1:
        return f"p.{pages[0]}"
    return f"pp.{pages[0]}-{pages[-1]}"


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[:SNIPPET_CHARS].rstrip() + " …"
