"""The `Finding`: one judgement on one standard element, with the evidence that produced it.

Every report format is written from a list of these, so everything a reader needs (status, severity,
the quoted words, the page, why, what to do) lives here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("met", "partial", "missing", "conflict")
GAP_STATUSES = ("partial", "missing", "conflict")
SEVERITIES = ("critical", "high", "medium", "low", "advisory", "none")
"""From worst to least; `none` is the severity of a met element."""


@dataclass(frozen=True)
class Evidence:
    """A quoted span of a statute that carried, defeated or resolved the element.

    `role` is carrying, defeating, resolving or weakening (the words that made it partial).
    `highlights` are (start, end) offsets into `quote` of the words that matched.
    `span` is the quote's (start, end) in the statute's Document text.
    """

    statute: str
    path: str
    eid: str
    page: int
    quote: str
    role: str
    span: tuple[int, int]
    highlights: tuple[tuple[int, int], ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Finding:
    """The status of one element over the whole framework, and why."""

    element: str
    rule: str
    status: str
    severity: str
    title: str
    article: str
    strength: str
    family: str
    why: str
    recommendation: str
    model_law: str
    evidence: tuple[Evidence, ...] = ()
    scope_searched: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    fingerprint: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def is_gap(self) -> bool:
        return self.status in GAP_STATUSES

    @property
    def primary(self) -> Evidence | None:
        """The evidence a report points at first: defeating words before carrying ones."""
        for role in ("defeating", "weakening", "carrying", "resolving"):
            for item in self.evidence:
                if item.role == role:
                    return item
        return None
