"""Fixtures for the sample-statute tests: the renderer script loaded as a module."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest


@pytest.fixture(scope="session")
def render_statutes(load_script: Callable[[str], ModuleType]) -> ModuleType:
    """scripts/render_statutes.py; reading statute texts needs neither reportlab nor python-docx."""
    return load_script("render_statutes")
