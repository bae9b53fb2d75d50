"""Between `event_record` and the flat columns of the `events` table, both ways."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from detente.model import Event, Quote
from detente.serialize import event_record, quote_record
from detente.store._schema import ACTOR_FIELDS, EXPORT_COLUMNS, PLACE_FIELDS, QUOTE_COLUMNS

_SCALARS = (
    "article_id",
    "event_id",
    "code",
    "root_code",
    "code_name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "date",
    "date_precision",
    "date_method",
    "modality",
    "confidence",
)
"""The keys of `event_record` that are stored as they are."""


def flat_event(event: Event) -> dict[str, Any]:
    """The `EXPORT_COLUMNS` values of one event, taken from its `event_record`."""
    record = event_record(event)
    row: dict[str, Any] = {key: record[key] for key in _SCALARS}
    for role in ("source", "target"):
        actor = record[role] or {}
        span = actor.get("span") or {}
        for field in ACTOR_FIELDS:
            holder = span if field in ("start", "end") else actor
            row[f"{role}_{field}"] = holder.get(field)
    for part in ("evidence", "trigger"):
        for key, value in record[part].items():
            row[f"{part}_{key}"] = value
    place = record["location"] or {}
    for field in PLACE_FIELDS:
        row[f"location_{field}"] = place.get(field)
    row["coder"] = record["provenance"]["coder"]
    row["rule"] = record["provenance"]["rule"]
    row["quote_id"] = record["quote"]
    return row


def flat_quote(article_id: str, quote: Quote) -> list[Any]:
    """The `QUOTE_COLUMNS` values of one quotation, taken from its `quote_record`."""
    record = quote_record(article_id, quote)
    speaker = record["speaker"] or {}
    span = speaker.get("span") or {}
    values: list[Any] = [
        article_id,
        record["quote_id"],
        record["span"]["start"],
        record["span"]["end"],
        record["span"]["text"],
    ]
    for field in ACTOR_FIELDS:
        values.append((span if field in ("start", "end") else speaker).get(field))
    return [*values, record["verb"], record["rule"]]


def nested_quote(values: Sequence[Any]) -> dict[str, Any]:
    """The `quote_record` of one row of `QUOTE_COLUMNS` values."""
    row = dict(zip((n for n, _ in QUOTE_COLUMNS), values, strict=True))
    return {
        "article_id": row["article_id"],
        "quote_id": row["quote_id"],
        "span": {"start": row["start"], "end": row["end"], "text": row["text"]},
        "speaker": _actor(row, "speaker"),
        "verb": row["verb"],
        "rule": row["rule"],
    }


def nested_record(values: Sequence[Any]) -> dict[str, Any]:
    """The `event_record` of one row of `EXPORT_COLUMNS` values, with its keys in that order."""
    row = dict(zip(EXPORT_COLUMNS, values, strict=True))
    return {
        "article_id": row["article_id"],
        "event_id": row["event_id"],
        "code": row["code"],
        "root_code": row["root_code"],
        "code_name": row["code_name"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover_type": row["plover_type"],
        "plover_mode": row["plover_mode"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "evidence": _span(row, "evidence"),
        "trigger": _span(row, "trigger"),
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_method": row["date_method"],
        "location": _group(row, "location", PLACE_FIELDS),
        "modality": row["modality"],
        "confidence": row["confidence"],
        "provenance": {"coder": row["coder"], "rule": row["rule"]},
        "quote": row["quote_id"],
    }


def _group(row: Mapping[str, Any], prefix: str, fields: Sequence[str]) -> dict[str, Any] | None:
    """The `prefix_*` columns as a dict, or None when all of them are NULL (nothing was found)."""
    values = {field: row[f"{prefix}_{field}"] for field in fields}
    if all(value is None for value in values.values()):
        return None
    return values


def _actor(row: Mapping[str, Any], role: str) -> dict[str, Any] | None:
    actor = _group(row, role, ACTOR_FIELDS)
    if actor is None:
        return None
    span = {"start": actor.pop("start"), "end": actor.pop("end")}
    rule = actor.pop("rule")
    return {**actor, "span": span, "rule": rule}


def _span(row: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {key: row[f"{prefix}_{key}"] for key in ("start", "end", "text")}
