"""What every reader shares: the warning type, and turning a file's bytes into UTF-8 text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from detente.errors import InputError
from detente.model import Article

BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class InputWarning:
    """A recoverable problem with an input: the article is still read."""

    origin: str
    """`path`, `path#N` for record N of a file, or `-#N` for standard input."""
    problem: str

    def __str__(self) -> str:
        return f"warning: {self.origin}: {self.problem}"


Item: TypeAlias = Article | InputError | InputWarning


def chained(error: InputError, cause: BaseException) -> InputError:
    """`error` with `cause` attached, for errors that are yielded rather than raised."""
    error.__cause__ = cause
    return error


def os_problem(exc: OSError) -> str:
    """The one-line problem phrase for an operating-system error."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {exc.strerror or exc}"


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), os_problem(exc)) from exc


def check_binary(data: bytes, origin: str) -> None:
    """Raise if `data` is plainly not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(origin, "encoded as UTF-16; expected UTF-8")
    if b"\x00" in data:
        raise InputError(origin, "binary file (contains NUL bytes)")


def decode(data: bytes, origin: str, *, offset: int = 0) -> str:
    """`data` as UTF-8, exactly: a BOM stays; `offset` is where `data` starts in its file."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        position = offset + exc.start
        raise InputError(
            origin, f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {position}"
        ) from exc


def read_text(path: Path) -> str:
    """The UTF-8 text of a file, unaltered; raises InputError if it is not UTF-8 text."""
    origin = str(path)
    data = read_bytes(path)
    check_binary(data, origin)
    return decode(data, origin)


def is_blank(text: str) -> bool:
    return not text.lstrip(BOM).strip()


def file_id(path: Path) -> str:
    """An article id from a file name: the name without its extension."""
    stem = path.stem.strip()
    if not stem:
        raise InputError(str(path), "cannot make an article id from the file name")
    return stem
