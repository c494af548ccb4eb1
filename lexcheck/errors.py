"""The user errors lexcheck reports, one class per kind of problem.

Each error carries a message a drafter can act on: it names the file, says what is wrong and what to
do about it. The CLI turns every `LexcheckError` into that message on stderr and exit code 2; nothing
the user can cause should ever surface as a traceback.
"""

from __future__ import annotations

from pathlib import Path


class LexcheckError(Exception):
    """Base class of every error caused by the user's input or invocation."""

    code = "LX-E000"

    def __init__(self, path: Path | str | None, problem: str, fix: str = "") -> None:
        self.path = Path(path) if path is not None else None
        self.problem = problem
        self.fix = fix
        super().__init__(self.render())

    def __reduce__(self) -> tuple[type[LexcheckError], tuple[Path | None, str, str]]:
        # Errors raised in worker processes travel back pickled; rebuild them from their parts.
        return (type(self), (self.path, self.problem, self.fix))

    def render(self) -> str:
        """The one-paragraph message shown to the user."""
        where = f"{self.path}: " if self.path is not None else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"[{self.code}] {where}{self.problem}{fix}"


class InputNotFound(LexcheckError):
    code = "LX-E100"


class UnknownFormat(LexcheckError):
    code = "LX-E101"


class EmptyInput(LexcheckError):
    code = "LX-E102"


class UndecodableText(LexcheckError):
    code = "LX-E103"


class EncryptedPDF(LexcheckError):
    code = "LX-E110"


class CorruptPDF(LexcheckError):
    code = "LX-E111"


class ScannedPDF(LexcheckError):
    code = "LX-E112"


class CorruptDocx(LexcheckError):
    code = "LX-E120"


class MalformedAkomaNtoso(LexcheckError):
    code = "LX-E130"


class StandardsFileError(LexcheckError):
    code = "LX-E200"


class RuleFileError(LexcheckError):
    code = "LX-E210"


class ConfigError(LexcheckError):
    code = "LX-E300"


class CorpusError(LexcheckError):
    code = "LX-E310"


class OutputExists(LexcheckError):
    code = "LX-E400"
