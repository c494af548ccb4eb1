"""Find the data lexcheck ships with (standards, rule sets), installed or in a source checkout.

The wheel copies the repository's `standards/` and `rules/` folders into `lexcheck/_data/` (the
hatch force-include in pyproject.toml), so an installed lexcheck reads them there. A checkout has no
`_data` folder and reads the folders at the repository root, so edits show without reinstalling.
"""

from __future__ import annotations

from pathlib import Path

DATA_NAMES = ("standards", "rules")
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The directory holding the bundled data set `name` ("standards" or "rules").

    The packaged copy wins when it exists; otherwise the repository folder is returned, existing or
    not, so that the caller can say which folder it looked for.
    """
    if name not in DATA_NAMES:
        raise ValueError(f"unknown data set {name!r}; expected one of {', '.join(DATA_NAMES)}")
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def file_stamp(path: Path) -> tuple[int, int]:
    """(modification time in ns, size) of a data file: the key under which its parse is cached,
    so an edited file is read again while an unchanged one is not."""
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size
