"""Helpers for the structure tests: a Document from a string, and its provisions flattened."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from lexcheck.ingest.document import Document, MarginalNote, Segment
from lexcheck.structure.model import Provision
from lexcheck.structure.parse import build_provisions


def make_document(text: str, notes: list[MarginalNote] | None = None) -> Document:
    """A one-page text Document, as the brief for structure tests asks."""
    return Document(
        path=Path("t.txt"),
        format="text",
        text=text,
        segments=[Segment(0, len(text), 1)],
        page_count=1,
        sha256="0",
        marginal_notes=notes or [],
    )


def flatten(provisions: list[Provision]) -> list[Provision]:
    """Every provision in document order (pre-order)."""
    return [each for provision in provisions for each in provision.walk()]


@pytest.fixture
def document_of() -> Callable[[str], Document]:
    """A one-page text Document of a statute written in the test."""
    return make_document


@pytest.fixture
def parse() -> Callable[[str], list[Provision]]:
    """Parse a statute written in the test (dedented, stripped) into its provisions, flattened."""

    def run(text: str) -> list[Provision]:
        return flatten(build_provisions(make_document(textwrap.dedent(text).strip())))

    return run


@pytest.fixture
def eids(parse: Callable[[str], list[Provision]]) -> Callable[[str], list[str]]:
    """The eIds of a statute written in the test, in document order."""
    return lambda text: [provision.eid for provision in parse(text)]
