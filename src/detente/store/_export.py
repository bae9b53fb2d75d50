"""Writers for the text export formats; Parquet is written by DuckDB itself (`COPY`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from detente.store._schema import EXPORT_COLUMNS

FORMATS = ("jsonl", "csv", "parquet")


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """One `event_record` per line; returns the number of lines."""
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def write_csv(rows: Iterable[Sequence[Any]], stream: TextIO) -> int:
    """A header of `EXPORT_COLUMNS`, then one line per row (NULL as an empty field)."""
    writer = csv.writer(stream)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count
