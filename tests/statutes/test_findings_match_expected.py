"""The tool, run as a user runs it, finds every deliberate gap of the sample statutes and nothing else.

statutes/expected.yaml lists the expected status of every claimed element for each sample framework
(and statutes/EXPECTED.md explains each one). Any difference, in either direction, fails: a missed
gap is a false assurance to a drafter, a false gap wastes a reviewer's time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from lexcheck.pipeline import StatuteSource, check_sources
from lexcheck.rules.model import Finding

STATUTES = Path(__file__).resolve().parents[2] / "statutes"
EXPECTED = yaml.safe_load((STATUTES / "expected.yaml").read_text(encoding="utf-8"))
FRAMEWORKS = sorted(EXPECTED["frameworks"])

pytestmark = pytest.mark.slow


@cache
def findings(framework: str, layout: str, profile: str) -> dict[str, Finding]:
    """The findings of one sample framework, read from its text files or one PDF layout."""
    sources = []
    for name, kind in EXPECTED["frameworks"][framework]["files"].items():
        path = STATUTES / name
        if layout != "text":
            path = STATUTES / "pdf" / layout / Path(name).with_suffix(".pdf").name
        sources.append(StatuteSource(path, kind))
    run = check_sources(sources, profile=profile)
    return {finding.element: finding for finding in run.findings}


@pytest.mark.parametrize("layout", ["text", "margin"])
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_claimed_element_has_its_expected_status(framework: str, layout: str) -> None:
    expected = EXPECTED["frameworks"][framework]["elements"]
    found = findings(framework, layout, EXPECTED["profile"])
    wrong = {
        element: (status, found[element].status if element in found else "not judged")
        for element, status in expected.items()
        if element not in found or found[element].status != status
    }
    assert not wrong, f"element: (expected, found) -> {wrong}"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_expected_flags_are_raised(framework: str) -> None:
    found = findings(framework, "text", EXPECTED["profile"])
    for element, flags in (EXPECTED["frameworks"][framework].get("flags") or {}).items():
        assert set(flags) <= set(found[element].flags), element


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_gap_quotes_the_words_that_decided_it(framework: str) -> None:
    for finding in findings(framework, "text", EXPECTED["profile"]).values():
        if finding.status in ("partial", "conflict"):
            assert finding.primary is not None, finding.element
            assert finding.primary.quote.strip(), finding.element
            assert finding.why, finding.element


@pytest.mark.xfail(
    strict=True,
    reason="known gap: rules grade on the text only; per-profile grading content (e.g. a labour "
    "exclusion being a conflict under the ilo profile) is not implemented yet",
)
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_profile_overrides(framework: str) -> None:
    overrides = EXPECTED["frameworks"][framework].get("profile_overrides") or {}
    assert overrides
    for profile, elements in overrides.items():
        found = findings(framework, "text", profile)
        assert {e: found[e].status for e in elements} == elements
