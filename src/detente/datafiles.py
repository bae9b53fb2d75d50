"""Reading the data files we ship (TSV and YAML under `detente/data`) or that users supply.

Every reader validates as it goes and raises `DataFileError` naming the file and line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFileError


def data_path(name: str) -> Path:
    """The path of a file shipped under `detente/data`."""
    return Path(str(resources.files("detente").joinpath("data", name)))


def read_tsv(path: Path, *, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file with a header line, as `(line number, row)`.

    Lines starting with `#` and blank lines are skipped. Every row must have a non-empty value
    in each `required` column.
    """
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot open: {exc.strerror}") from exc
    with handle:
        lines = ((n, line) for n, line in enumerate(handle, 1) if line.strip() and line[0] != "#")
        try:
            header_no, header_line = next(lines)
        except StopIteration:
            raise DataFileError(str(path), None, "empty file: no header line") from None
        header = header_line.rstrip("\r\n").split("\t")
        missing = [c for c in required if c not in header]
        if missing:
            raise DataFileError(
                str(path), header_no, f"header lacks column(s) {', '.join(missing)}"
            )
        for number, line in lines:
            cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if len(cells) > len(header):
                raise DataFileError(
                    str(path), number, f"{len(cells)} cells but the header has {len(header)}"
                )
            row = dict(zip(header, [c.strip() for c in cells], strict=False))
            for column in header[len(cells) :]:
                row[column] = ""
            empty = [c for c in required if not row[c]]
            if empty:
                raise DataFileError(
                    str(path), number, f"empty required column(s) {', '.join(empty)}"
                )
            yield number, row


def split_list(cell: str) -> list[str]:
    """A `|`-separated list cell as a list of stripped, non-empty items."""
    return [item.strip() for item in cell.split("|") if item.strip()]


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of each mapping as `__line__`. Only `true` and
    `false` are booleans (as in YAML 1.2): our word lists hold "on", "off", "yes" and "no"."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:  # YAML would silently keep the last one
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """A YAML document; every mapping in it carries its line number as `__line__`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot open: {exc.strerror}") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(str(path), line, f"invalid YAML: {problem}") from exc


def line_of(entry: object) -> int | None:
    """The line a YAML mapping read by `read_yaml` started on."""
    if isinstance(entry, dict):
        line = entry.get("__line__")
        return line if isinstance(line, int) else None
    return None
