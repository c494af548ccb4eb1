"""The worked examples in the structure modules' docstrings are tests too."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from lexcheck.structure import (
    akn,
    classify,
    eids,
    kinds,
    lines,
    numbering,
    preface,
    quotes,
    serialize,
    tree,
)

MODULES = [akn, classify, eids, kinds, lines, numbering, preface, quotes, serialize, tree]


@pytest.mark.parametrize("module", MODULES, ids=[module.__name__ for module in MODULES])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
