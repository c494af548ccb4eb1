"""How a report names and links a place in a statute: short citations and HTML anchor ids.

Anchor scheme (documented for people who link into reports):

* a finding is `#F-<element id, dots as dashes>`, e.g. `#F-tip-consent_irrelevant`;
* a statute's annotated text is `#statute-<statute id>`;
* a provision is `#<statute id>--<eid>`, e.g. `#tip-bill--part_2__sec_5__subsec_2`; the statute id
  prefix keeps two statutes' `sec_5` apart;
* a bare eid, `#sec_5__subsec_2`, also works and lands on the first statute (in report order) that
  has that provision, so links written against a single-statute report keep working.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from lexcheck.rules.model import Evidence

_HEAD_PREFIX = {
    "part": "Part ",
    "chp": "Ch. ",
    "chapter": "Ch. ",
    "sec": "s",
    "art": "art. ",
    "sched": "Sch. ",
    "att": "Att. ",
    "reg": "reg. ",
    "rule": "r",
}
"""Akoma Ntoso eid components that start a citation; deeper components are added as "(x)"."""


def short_eid(eid: str) -> str:
    """A citation a lawyer reads: `part_2__sec_5__subsec_2__para_a` -> `s5(2)(a)`."""
    parts = [p.partition("_") for p in eid.split("__")]
    heads = [i for i, (kind, _, _) in enumerate(parts) if kind in _HEAD_PREFIX]
    if not heads:
        return eid
    start = heads[-1]
    kind, _, num = parts[start]
    return _HEAD_PREFIX[kind] + num + "".join(f"({n or k})" for k, _, n in parts[start + 1 :])


def slug(statute_id: str) -> str:
    """The statute id made safe for an HTML id and URL fragment."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", statute_id).strip("-") or "statute"


def provision_anchor(statute_id: str, eid: str) -> str:
    return f"{slug(statute_id)}--{eid}"


def statute_anchor(statute_id: str) -> str:
    return f"statute-{slug(statute_id)}"


def cite(evidence: Evidence) -> str:
    """Where the evidence is, in one line: `tip-bill s5(2), p. 4`."""
    return f"{evidence.statute} {short_eid(evidence.eid)}, p. {evidence.page}"


def display_path(path: str | Path, root: Path | None) -> str:
    """A statute path as readers should see it, POSIX style: relative to `root` (the current
    directory when None) when it lies inside it, else as given."""
    candidate = Path(path)
    if candidate.is_absolute():
        with contextlib.suppress(ValueError):
            return candidate.relative_to((root or Path.cwd()).resolve()).as_posix()
    return candidate.as_posix()
