"""Cutting a quote into plain and matched runs, so templates can wrap matches in <mark>.

The runs are data, not markup: the template escapes every run, so a statute's own `<script>` or `&`
can never become HTML, and overlapping or out-of-range highlight offsets cannot break the page.
"""

from __future__ import annotations

from collections.abc import Iterable


def runs(text: str, ranges: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`text` as (piece, matched) runs; ranges are clamped to the text and merged when they touch.

    >>> runs("recruits or harbours", [(0, 8), (12, 20)])
    [('recruits', True), (' or ', False), ('harbours', True)]
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in ranges):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in merged:
        if start > cursor:
            pieces.append((text[cursor:start], False))
        pieces.append((text[start:end], True))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append((text[cursor:], False))
    return pieces
