"""Cutting quotes into matched and plain runs."""

from __future__ import annotations

import pytest

from lexcheck.report.highlight import runs


@pytest.mark.parametrize(
    ("ranges", "expected"),
    [
        ([], [("recruits or harbours", False)]),
        ([(0, 8)], [("recruits", True), (" or harbours", False)]),
        ([(12, 20), (0, 8)], [("recruits", True), (" or ", False), ("harbours", True)]),
        ([(0, 5), (3, 8)], [("recruits", True), (" or harbours", False)]),
        ([(-4, 3), (18, 99)], [("rec", True), ("ruits or harbou", False), ("rs", True)]),
        ([(5, 5), (30, 40)], [("recruits or harbours", False)]),
    ],
)
def test_runs_merge_overlaps_and_clamp_out_of_range_offsets(ranges, expected):
    assert runs("recruits or harbours", ranges) == expected
    assert (
        "".join(text for text, _ in runs("recruits or harbours", ranges)) == "recruits or harbours"
    )
