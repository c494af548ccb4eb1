"""Shared pytest fixtures: where the repository's sample statutes and the shared corpus live, and
the repository's scripts loaded as modules."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
STATUTES = REPO / "statutes"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def statutes_dir() -> Path:
    return STATUTES


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the evaluation corpus is not beside the repository ({CORPUS})")
    return CORPUS


@cache
def _script_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """`load_script("render_statutes")`: scripts/render_statutes.py as a module (loaded once)."""
    return _script_module


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the statute cache of every test out of the user's home folder."""
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "lexcheck-cache"))
