"""The error catalogue: every error detente raises on purpose, each with a stable code.

A user sees `str(error)`: one line that names the code, the input and what is wrong. The cause
stays chained (`raise ... from exc`) for developers.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(DetenteError):
    """An input (file, record, URL) cannot be read as an article."""

    code = "E100"

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class DataFileError(DetenteError):
    """A dictionary, pattern or code table file is malformed."""

    code = "E200"

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class ModelError(DetenteError):
    """The language model cannot be loaded."""

    code = "E300"


class StoreError(DetenteError):
    """The event store cannot be opened, read or written."""

    code = "E400"


class OutputError(DetenteError):
    """An output file cannot be written."""

    code = "E600"


class UsageError(DetenteError):
    """An option or argument is invalid."""

    code = "E500"
