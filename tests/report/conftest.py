"""Fixtures for the report tests: the fictional framework's report, rendered once per format."""

from __future__ import annotations

import pytest
from factories import make_report

from lexcheck.report import FORMATS, Report, render


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """Every format of the fixture report (rendering is pure, so one copy serves a module)."""
    report = make_report()
    return {fmt: render(report, fmt) for fmt in FORMATS}
