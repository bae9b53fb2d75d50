"""A readable plain-text table of events for terminals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_COLUMNS = (("date", 10), ("source", 16), ("code", 34), ("target", 16))


def event_table(records: Sequence[dict[str, Any]], *, width: int = 160) -> str:
    """Events as rows: date, source, code and its name, target, then the trigger in its
    sentence (as much of it as fits)."""
    if not records:
        return "(no events)"
    fixed = sum(w + 2 for _, w in _COLUMNS)
    evidence_width = max(20, width - fixed)
    header = "  ".join(name.upper().ljust(w) for name, w in _COLUMNS) + "  EVIDENCE"
    lines = [header, "-" * min(width, len(header) + evidence_width - 8)]
    article = None
    for record in records:
        if record["article_id"] != article:
            article = record["article_id"]
            lines.append(f"[{article}]")
        cells = (
            record.get("date") or "",
            _actor(record.get("source")),
            f"{record['code']} {record['code_name']}",
            _actor(record.get("target")),
        )
        row = "  ".join(_fit(c, w) for c, (_, w) in zip(cells, _COLUMNS, strict=True))
        lines.append(f"{row}  {_evidence(record, evidence_width)}")
    return "\n".join(lines)


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    label = actor.get("code") or "?"
    return f"{label} {actor['person']}" if actor.get("person") else label


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def _evidence(record: dict[str, Any], width: int) -> str:
    """The sentence around the trigger, the trigger in [brackets]."""
    evidence, trigger = record["evidence"], record["trigger"]
    text = evidence["text"].replace("\n", " ")
    start = trigger["start"] - evidence["start"]
    end = trigger["end"] - evidence["start"]
    marked = f"{text[:start]}[{text[start:end]}]{text[end:]}"
    if len(marked) <= width:
        return marked
    left = max(0, start - width // 3)
    piece = marked[left : left + width - 2]
    return ("…" if left else "") + piece + "…"


def result_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, width: int = 160) -> str:
    """Any query result as aligned columns; the last column takes what width is left."""
    if not rows:
        return "(none)"
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [
        min(28, max(len(name), *(len(r[i]) for r in cells))) for i, name in enumerate(columns)
    ]
    used = sum(w + 2 for w in widths[:-1])
    widths[-1] = max(widths[-1], min(80, max(20, width - used)))
    lines = ["  ".join(n.upper().ljust(w) for n, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("-" * min(width, len(lines[0])))
    for row in cells:
        lines.append("  ".join(_fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
