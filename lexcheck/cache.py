"""A content-addressed cache of parsed statutes, so unchanged files cost nothing on the next run.

The key is the file's sha256, the requested statute kind and a fingerprint of lexcheck's own code
(so a new version, or an edited checkout, never reads an old parse). Rules are not part of the key:
they run after this stage, and matching is cheap. Entries are pickles written by lexcheck itself into
the user's cache folder (`$LEXCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/lexcheck`, else
`~/.cache/lexcheck`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from functools import cache
from pathlib import Path

from lexcheck import __version__
from lexcheck.structure.model import Statute

log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    """Where parsed statutes are cached unless the user says otherwise."""
    if explicit := os.environ.get("LEXCHECK_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lexcheck"


@cache
def code_fingerprint() -> str:
    """A hash of lexcheck's version and its Python sources: changes whenever the parser could."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: Path) -> str:
    """The sha256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class StatuteCache:
    """Parsed statutes stored under a key of (file content, kind override, lexcheck code)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _entry(self, path: Path, kind: str | None) -> Path:
        key = f"{file_digest(path)}-{kind or 'auto'}-{code_fingerprint()}"
        return self.directory / f"{key}.pickle"

    def get(self, path: Path, kind: str | None) -> Statute | None:
        """The cached parse of this file, or None when there is none (or it is unreadable)."""
        if not path.is_file():
            return None  # the reader reports the missing file with its own clear error
        entry = self._entry(path, kind)
        if not entry.is_file():
            return None
        try:
            with entry.open("rb") as handle:
                statute = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
            log.warning("ignoring unreadable cache entry %s: %s", entry, error)
            return None
        statute.document.path = path
        return statute

    def put(self, path: Path, kind: str | None, statute: Statute) -> None:
        """Store a parse; a cache that cannot be written is only a slower run, never an error."""
        entry = self._entry(path, kind)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            partial = entry.with_suffix(".tmp")
            with partial.open("wb") as handle:
                pickle.dump(statute, handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(entry)
        except OSError as error:
            log.warning("could not write the statute cache at %s: %s", self.directory, error)
