"""Fixtures for the sample-statute tests: the renderer script loaded as a module."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
RENDER_SCRIPT = REPO / "scripts" / "render_statutes.py"


@pytest.fixture(scope="session")
def render_statutes() -> ModuleType:
    """scripts/render_statutes.py; reading statute texts needs neither reportlab nor python-docx."""
    spec = importlib.util.spec_from_file_location("render_statutes", RENDER_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
