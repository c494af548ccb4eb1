"""Structure: turn a `Document` into a `Statute` (title, kind, provision tree, definitions, references).

`parse_statute` is the stage's one public verb.
"""

from __future__ import annotations

from lexcheck.structure.model import STATUTE_KINDS, Definition, Provision, Reference, Statute
from lexcheck.structure.parse import parse_statute

__all__ = ["STATUTE_KINDS", "Definition", "Provision", "Reference", "Statute", "parse_statute"]
