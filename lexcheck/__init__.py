"""lexcheck: check statutes against the UN Palermo Protocols and report the gaps, with evidence."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lexcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
