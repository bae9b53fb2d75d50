"""Plain-text files: the whole file is the article, exactly as written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from detente.errors import InputError
from detente.ingest._common import Item, file_id, is_blank, read_text
from detente.model import Article


def read_text_file(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    origin = str(path)
    # Character offsets index this text, so it is kept byte for byte: no newline
    # translation, no stripping, a BOM stays.
    text = read_text(path)
    if is_blank(text):
        raise InputError(origin, "empty file" if text == "" else "text is only whitespace")
    yield Article(id=file_id(path), text=text, published=published, origin=origin)
