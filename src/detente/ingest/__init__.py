"""Input readers: files, directories and standard input -> Article.

| input | articles |
| --- | --- |
| `.txt` | the whole file, exactly as written; id = file name without extension |
| `.html`, `.htm` | the main text, title and date that trafilatura extracts |
| `.jsonl`, `-` (stdin) | one record per line |
| `.json` | one record object, or a list of them |
| `.csv` | one record per row, after a header line; `date` stands for `published` if absent |
| directory | every file above in it and below it, in sorted path order |

A record has `text` (or `html`) and optionally `id`, `published`, `title`, `url`, `source`;
other fields are ignored. A record without an id gets `{file stem}-{N:03d}`.

Nothing here raises on bad input: each failure is yielded as an `InputError` and reading goes
on with the next record or input; recoverable problems are yielded as `InputWarning`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol, TextIO

from detente.errors import InputError
from detente.ingest._common import InputWarning, Item, chained, os_problem
from detente.ingest._dates import parse_published
from detente.ingest._html import read_html_file
from detente.ingest._records import read_csv_file, read_json_file, read_jsonl_file, read_stdin
from detente.ingest._text import read_text_file
from detente.model import Article

__all__ = ["InputWarning", "parse_published", "read_inputs"]


class _Reader(Protocol):
    def __call__(self, path: Path, *, published: dt.date | None) -> Iterator[Item]: ...


_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".csv")
"""The file extensions read, in any letter case."""


def read_inputs(
    inputs: Sequence[str],
    *,
    published: dt.date | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | InputError | InputWarning]:
    """Articles from files, directories and '-' (JSONL on stdin), in order.

    Failures are yielded as InputError (never raised) so a batch goes on; InputWarning for
    recoverable problems. `published` dates every article that does not carry a date of its
    own. `stdin` is read as text in its own encoding; without it, the bytes of `sys.stdin`
    are read as UTF-8.
    """
    if isinstance(inputs, str):
        raise TypeError("inputs must be a sequence of paths, not one string")
    if isinstance(published, dt.datetime):
        published = published.date()
    for name in inputs:
        if name == "-":
            yield from read_stdin(stdin, published=published)
        else:
            yield from _read_path(Path(name), published=published)


def _read_path(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    if path.is_dir():
        for found in _walk(path, seen=set()):
            if isinstance(found, InputError):
                yield found
            else:
                yield from _read_file(found, published=published)
    else:
        yield from _read_file(path, published=published)


def _read_file(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    reader = _reader(path.suffix.lower())
    if reader is None:
        if not path.exists():
            yield InputError(str(path), "no such file or directory")
            return
        found = f"'{path.suffix}'" if path.suffix else "(no file extension)"
        expected = "expected .txt, .html, .json, .jsonl or .csv"
        yield InputError(str(path), f"unsupported format {found}; {expected}")
        return
    try:
        yield from reader(path, published=published)
    except InputError as error:
        yield error


def _reader(suffix: str) -> _Reader | None:
    match suffix:
        case ".txt":
            return read_text_file
        case ".html" | ".htm":
            return read_html_file
        case ".json":
            return read_json_file
        case ".jsonl":
            return read_jsonl_file
        case ".csv":
            return read_csv_file
        case _:
            return None


def _walk(directory: Path, *, seen: set[Path]) -> Iterator[Path | InputError]:
    """The readable files under `directory`, sorted by path; hidden files and folders (`.git`,
    `._notes.txt`) are passed over, and a folder linked twice is walked once."""
    real = directory.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        children = sorted(directory.iterdir(), key=lambda child: child.name)
    except OSError as exc:
        yield chained(InputError(str(directory), os_problem(exc)), exc)
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, seen=seen)
        elif child.suffix.lower() in _SUFFIXES and child.is_file():
            yield child
