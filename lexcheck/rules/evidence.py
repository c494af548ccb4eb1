"""Quote the words that decided a finding, and give the finding a fingerprint that survives re-paging.

A quote is about one sentence of the statute, at most MAX_QUOTE_WORDS words, cut around the
matched words when the sentence is longer (a whole offence with its list of paragraphs is one
sentence). It is an exact slice of the Document text, so `Evidence.span` points at it and the
highlights are offsets into it.

The fingerprint hashes the rule, the element, the statute, the provision and the quote with its
whitespace and case normalised, and never the page or line: re-paginating a statute, or putting a
new Part in front of it, must not re-open a finding a reviewer has accepted.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Mapping

from lexcheck.rules.matching import Hit, PassageIndex
from lexcheck.rules.model import Evidence
from lexcheck.rules.passages import deepest_eid
from lexcheck.structure.model import Statute

MAX_QUOTE_WORDS = 40
_WORDS_BEFORE = 8
_WORD = re.compile(r"\S+")


def quote_hit(
    hit: Hit, role: str, index: PassageIndex, statutes: Mapping[str, Statute]
) -> Evidence:
    """The evidence record for one hit: the sentence it sits in, trimmed, with its highlights."""
    passage_index = hit.spans[0][0] if hit.spans else hit.unit.passage
    passage = index.passages[passage_index]
    statute = statutes[passage.statute]
    start, end = _sentence(hit, passage_index, index)
    marked = [(s, e) for p, s, e in hit.spans if p == passage_index and start <= s < end]
    # The first span comes from the rule's first condition (the consent, the act, the legal
    # person ...): the quote is cut around it, whatever else the sentence matched.
    anchor = marked[0][0] if marked else start
    quote_start, quote_end = _trim(statute.document.text, start, end, anchor)
    highlights = _merged(
        (max(s, quote_start) - quote_start, min(e, quote_end) - quote_start)
        for s, e in marked
        if s < quote_end and e > quote_start
    )
    return Evidence(
        statute=statute.id,
        path=str(statute.document.path),
        eid=deepest_eid(statute, passage, anchor),
        page=statute.document.page_at(quote_start),
        quote=statute.document.text[quote_start:quote_end],
        role=role,
        span=(quote_start, quote_end),
        highlights=highlights,
        line=statute.document.line_at(quote_start),
    )


def fingerprint(rule_id: str, element_id: str, evidence: Evidence | None) -> str:
    """sha256(rule | element | statute | eid | normalised quote), first 16 hex digits."""
    parts = [rule_id, element_id]
    if evidence is not None:
        parts += [evidence.statute, evidence.eid, " ".join(evidence.quote.lower().split())]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Overlapping highlights ("trafficking", "trafficking in") as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _sentence(hit: Hit, passage_index: int, index: PassageIndex) -> tuple[int, int]:
    """The sentence of the passage that holds the hit's first matched word (or the unit's own)."""
    sentences = index.scans[passage_index].sentences
    passage = index.passages[passage_index]
    if not sentences:
        return passage.span
    if hit.unit.sentence is not None and hit.unit.passage == passage_index:
        return sentences[hit.unit.sentence]
    if not hit.spans:
        return sentences[0]
    starts = [s for s, _ in sentences]
    return sentences[max(bisect.bisect_right(starts, hit.spans[0][1]) - 1, 0)]


def _trim(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """A window of at most MAX_QUOTE_WORDS words of text[start:end], a few words before `anchor`."""
    words = [match.span() for match in _WORD.finditer(text, start, end)]
    if len(words) <= MAX_QUOTE_WORDS:
        return start, end
    at = max(bisect.bisect_right([s for s, _ in words], anchor) - 1, 0)
    begin = min(max(0, at - _WORDS_BEFORE), len(words) - MAX_QUOTE_WORDS)
    return words[begin][0], words[begin + MAX_QUOTE_WORDS - 1][1]
