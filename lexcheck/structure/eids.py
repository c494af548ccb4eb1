"""Akoma Ntoso eIds for provisions, following the AKN naming convention as bluebell applies it.

An eId is the parent's eId, two underscores, the kind's alias and the cleaned number:
`part_2__sec_5__subsec_2__para_a`. A unit that should be numbered but is not gets `nn` and a
counter (`proviso_nn_1`); a unit that is never numbered gets a counter (`wrapup_1`, `att_1`); a
repeated eId gets `_2`, `_3`. The eId depends only on the tree and the printed numbers, never on
page layout, so a statute read from its text and from its PDFs gets the same eIds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from lexcheck.ingest.akn import AKN_ALIASES

ALIASES = {
    **AKN_ALIASES,
    "explanation": "expl",
    "illustration": "illus",
    "schedule": "att",
    "wrapup": "wrapup",
}
"""Every kind's eId alias, in one place. AKN's own (bluebell's IdGenerator.aliases) except three of
ours where AKN has no element: `expl`, `illus`, and `att` for a schedule (AKN prints a schedule as
an attachment, whose alias is `att`). Kinds not listed use their own name (part, proviso …)."""

NUM_EXPECTED = frozenset(
    [
        "article",
        "book",
        "chapter",
        "clause",
        "division",
        "explanation",
        "paragraph",
        "part",
        "point",
        "proviso",
        "section",
        "subchapter",
        "subclause",
        "subdivision",
        "subparagraph",
        "subpart",
        "subsection",
        "title",
    ]
)
"""Kinds printed with a number; one printed without gets `nn` and a counter (bluebell's
`num_expected`)."""

SINGLE = frozenset({"preface"})
"""Kinds that occur once and take their alias alone as eId."""

COUNTED = frozenset({"schedule", "illustration", "wrapup"})
"""Kinds numbered by a counter whatever they print (bluebell numbers attachments so: FIRST
SCHEDULE and SCHEDULE 1 are both `att_1` when they come first)."""

_PUNCTUATION_RUN = re.compile(r"(?:[^\w\s]|_)+")


def clean_num(num: str) -> str:
    """A printed number as it goes into an eId (AKN-NC: no final punctuation, no meaningless parts).

    1. strip leading and trailing white space and punctuation;
    2. remove all white space;
    3. turn each remaining run of punctuation into one hyphen.

    >>> clean_num("(i)"), clean_num("1.2."), clean_num("3a bis"), clean_num(" -3a--4,9")
    ('i', '1-2', '3abis', '3a-4-9')
    >>> clean_num("“2.3"), clean_num("[16]"), clean_num("( )"), clean_num("312_32_7")
    ('2-3', '16', '', '312-32-7')
    """
    stripped = num.strip("".join(_punctuation_and_space(num)))
    joined = "".join(stripped.split())
    return _PUNCTUATION_RUN.sub("-", joined)


def _punctuation_and_space(text: str) -> set[str]:
    """The characters of `text` that are white space or Unicode punctuation (P*)."""
    return {char for char in text if char.isspace() or unicodedata.category(char).startswith("P")}


@dataclass
class EidGenerator:
    """Hands out eIds for one statute, remembering what it gave so duplicates get `_2`.

    >>> ids = EidGenerator()
    >>> ids.make("", "section", "5"), ids.make("sec_5", "subsection", "(1)")
    ('sec_5', 'sec_5__subsec_1')
    >>> ids.make("", "section", "5"), ids.make("sec_5", "proviso", ""), ids.make("", "schedule", "")
    ('sec_5_2', 'sec_5__proviso_nn_1', 'att_1')
    """

    _issued: Counter[str] = field(default_factory=Counter)
    _counters: Counter[tuple[str, str]] = field(default_factory=Counter)

    def make(self, prefix: str, kind: str, num: str) -> str:
        """The eId of a `kind` provision numbered `num` (as printed) whose parent's eId is `prefix`."""
        base = f"{prefix}__{ALIASES.get(kind, kind)}" if prefix else ALIASES.get(kind, kind)
        if kind in SINGLE:
            return self._unique(base, numbered=True)
        number = "" if kind in COUNTED else clean_num(num)
        if number:
            return self._unique(f"{base}_{number}", numbered=True)
        if kind in NUM_EXPECTED:
            return self._unique(f"{base}_nn", numbered=False)
        self._counters[prefix, kind] += 1
        return self._unique(f"{base}_{self._counters[prefix, kind]}", numbered=True)

    def _unique(self, eid: str, numbered: bool) -> str:
        """`eid` itself the first time; `eid_2`, `eid_3` … after (and always for `nn` ids)."""
        self._issued[eid] += 1
        count = self._issued[eid]
        if count == 1 and numbered:
            return eid
        return self._unique(f"{eid}_{count}", numbered=True)
