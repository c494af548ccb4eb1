"""Shared pytest fixtures: where the repository's sample statutes and the shared corpus live."""

from __future__ import annotations

from pathlib import Path

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


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the statute cache of every test out of the user's home folder."""
    monkeypatch.setenv("LEXCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "lexcheck-cache"))
