"""Records: JSON objects (from .json, .jsonl and standard input) and CSV rows -> Article."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

from detente.errors import InputError
from detente.ingest._common import (
    BOM,
    InputWarning,
    Item,
    chained,
    check_binary,
    decode,
    file_id,
    is_blank,
    os_problem,
    read_text,
)
from detente.ingest._dates import parse_published
from detente.ingest._html import Page, extract_page, page_date
from detente.model import Article

_BOM_BYTES = BOM.encode("utf-8")
_CSV_FIELD_LIMIT = 2**31 - 1
"""The largest limit every platform's csv module accepts."""

Line = tuple[int, str | InputError]
"""A line of a JSONL stream: its 1-based number and its text, or why it cannot be read."""


def record_items(
    record: object,
    *,
    origin: str,
    default_id: str,
    published: dt.date | None,
    date_field: str = "published",
) -> Iterator[Item]:
    """The article a record stands for, after any warnings; or the InputError saying why not."""
    if not isinstance(record, Mapping):
        yield InputError(origin, f"record is {_kind(record)}, not an object")
        return
    problem = _text_problem(record)
    if problem:
        yield InputError(origin, problem)
        return
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        yield InputError(origin, f"'id' is {_kind(raw_id)}, not a string")
        return
    article_id = str(raw_id).strip() if raw_id is not None else ""
    warnings: list[InputWarning] = []
    title = _optional(record, "title", origin, warnings)
    url = _optional(record, "url", origin, warnings)
    source = _optional(record, "source", origin, warnings)
    text = record.get("text")
    page: Page | None = None
    if not isinstance(text, str) or is_blank(text):
        # `_text_problem` made sure that `html` is then a non-blank string.
        page = extract_page(record["html"], url=url)
        if page is None:
            yield InputError(origin, "no text could be extracted from 'html'")
            return
        text = page.text

    own = record.get(date_field)
    try:
        date = parse_published(own)
    except ValueError:
        warnings.append(InputWarning(origin, f"{date_field} {own!r} is not an ISO date; ignored"))
        date = None
    if date is None and page is not None:
        date, warning = page_date(page, origin)
        if warning is not None:
            warnings.append(warning)

    yield from warnings
    yield Article(
        id=article_id or default_id,
        text=text,
        published=date or published,
        title=title or (page.title if page else None),
        url=url or (page.url if page else None),
        source=source or (page.source if page else None),
        origin=origin,
    )


def _text_problem(record: Mapping[str, object]) -> str | None:
    """Why a record has no usable `text` or `html`, or None when it has one."""
    if "text" not in record and "html" not in record:
        return "record has no 'text' or 'html' field"
    for name in ("text", "html"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"'{name}' is {_kind(value)}, not a string"
    for name in ("text", "html"):
        value = record.get(name)
        if isinstance(value, str) and not is_blank(value):
            return None
    return f"empty '{'text' if 'text' in record else 'html'}'"


def _optional(
    record: Mapping[str, object], name: str, origin: str, warnings: list[InputWarning]
) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append(InputWarning(origin, f"'{name}' is {_kind(value)}, not a string; ignored"))
        return None
    return value.strip() or None


def _kind(value: object) -> str:
    """How JSON would name the type of `value`."""
    match value:
        case None:
            return "null"
        case bool():
            return "a boolean"
        case int() | float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "a list"
        case Mapping():
            return "an object"
        case _:
            return f"a {type(value).__name__}"


def read_json_file(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    """A `.json` file: one record object, or a list of them."""
    origin = str(path)
    text = read_text(path).removeprefix(BOM)
    if is_blank(text):
        raise InputError(origin, "empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            origin, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except RecursionError as exc:
        raise InputError(origin, "not valid JSON: nested too deeply") from exc
    stem = file_id(path)
    if isinstance(data, dict):
        # One record per file, like a text file: the file names the article.
        yield from record_items(data, origin=origin, default_id=stem, published=published)
    elif isinstance(data, list):
        if not data:
            yield InputWarning(origin, "no records")
        for number, record in enumerate(data, 1):
            yield from record_items(
                record,
                origin=f"{origin}#{number}",
                default_id=f"{stem}-{number:03d}",
                published=published,
            )
    else:
        raise InputError(origin, f"expected a record object or a list of them, not {_kind(data)}")


def read_jsonl_file(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    """A `.jsonl` file: one record per line, read line by line so big files stream."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(origin, os_problem(exc)) from exc
    with handle:
        yield from jsonl_items(
            _byte_lines(handle, origin), origin=origin, stem=file_id(path), published=published
        )


def read_stdin(stream: TextIO | None, *, published: dt.date | None) -> Iterator[Item]:
    """JSONL records from `stream`, read as text in its own encoding; or, by default, from the
    bytes of `sys.stdin` read as UTF-8 whatever the locale, so a bad byte can be pointed at."""
    lines: Iterable[Line]
    buffer = getattr(sys.stdin, "buffer", None) if stream is None else None
    if isinstance(buffer, io.BufferedIOBase):
        lines = _byte_lines(buffer, "-")
    else:
        lines = _text_lines(sys.stdin if stream is None else stream)
    try:
        yield from jsonl_items(lines, origin="-", stem="stdin", published=published)
    except InputError as error:
        yield error


def jsonl_items(
    lines: Iterable[Line], *, origin: str, stem: str, published: dt.date | None
) -> Iterator[Item]:
    """Articles from JSONL lines; blank lines are skipped but still counted."""
    records = 0
    for number, line in lines:
        where = f"{origin}#{number}"
        if isinstance(line, str) and not line.strip():
            continue
        records += 1
        if isinstance(line, InputError):
            yield line
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"not valid JSON: {exc.msg} at column {exc.colno}"
            yield chained(InputError(where, problem), exc)
            continue
        except RecursionError as exc:
            yield chained(InputError(where, "not valid JSON: nested too deeply"), exc)
            continue
        yield from record_items(
            record, origin=where, default_id=f"{stem}-{number:03d}", published=published
        )
    if not records:
        # an empty .jsonl is as unreadable as an empty .txt; an empty stdin just has no records
        yield (
            InputError(origin, "no records") if origin == "-" else InputError(origin, "empty file")
        )


def _byte_lines(handle: Iterable[bytes], origin: str) -> Iterator[Line]:
    offset = 0
    try:
        for number, raw in enumerate(handle, 1):
            where = f"{origin}#{number}"
            line = raw
            if number == 1:
                # A binary file rarely has a newline early: its first "line" tells.
                check_binary(raw, origin)
                line = raw.removeprefix(_BOM_BYTES)
            if b"\x00" in line:
                yield number, InputError(where, "contains NUL bytes")
            else:
                try:
                    yield number, decode(line, where, offset=offset + len(raw) - len(line))
                except InputError as error:
                    yield number, error
            offset += len(raw)
    except OSError as exc:
        raise InputError(origin, os_problem(exc)) from exc


def _text_lines(stream: TextIO) -> Iterator[Line]:
    number = 0
    try:
        for number, line in enumerate(stream, 1):
            yield number, line
    except UnicodeDecodeError as exc:
        # A text stream decodes ahead of the lines it hands out: the bad byte is somewhere
        # after the last good line, and the stream cannot go on past it.
        where = f" after line {number}" if number else ""
        problem = f"not valid UTF-8{where}; the rest of standard input is not read"
        yield number + 1, chained(InputError("-", problem), exc)
    except OSError as exc:
        yield number + 1, chained(InputError("-", os_problem(exc)), exc)


def read_csv_file(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    """A `.csv` file with a header line; a `date` column stands for `published` when that is
    absent. Records are numbered by data row."""
    origin = str(path)
    text = read_text(path).removeprefix(BOM)
    if is_blank(text):
        raise InputError(origin, "empty file")
    # Article texts easily pass the csv module's 128 KB default. The limit is process-wide;
    # it is only ever raised.
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    rows = csv.reader(io.StringIO(text, newline=""))
    number = 0
    try:
        header = [name.strip().lower() for name in next(rows)]
        if "text" not in header and "html" not in header:
            found = ", ".join(header)
            raise InputError(origin, f"no 'text' or 'html' column in the header ({found})")
        date_field = "published" if "published" in header else "date"
        stem = file_id(path)
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            number += 1
            yield from record_items(
                dict(zip(header, row, strict=False)),
                origin=f"{origin}#{number}",
                default_id=f"{stem}-{number:03d}",
                published=published,
                date_field=date_field,
            )
    except csv.Error as exc:
        raise InputError(f"{origin}#{number + 1}", f"not valid CSV: {exc}") from exc
    if not number:
        yield InputWarning(origin, "no records")
