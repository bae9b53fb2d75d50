"""Publication dates as records and pages give them."""

from __future__ import annotations

import datetime as dt


def parse_published(value: object) -> dt.date | None:
    """The date of an ISO date or datetime string; None when blank or missing.

    A datetime keeps the calendar date it was written in, whatever its time zone: that is the
    date of the place of publication. Raises ValueError when `value` is not an ISO date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise ValueError(f"{value!r} is not an ISO date") from exc
