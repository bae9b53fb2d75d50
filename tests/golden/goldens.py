"""Golden sentences: reading `sentences.yaml` and matching coded events against it.

Matching follows `../shared/eval/score.py`: a predicted event matches an expected one when the
CAMEO roots agree (the code's or an alternative's) and the source and target keys agree (either
way round for symmetric events; any target when the expected target is null).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from detente.model import Event

SENTENCES = Path(__file__).with_name("sentences.yaml")


@dataclass(frozen=True)
class Expected:
    source: str | None
    target: str | None
    roots: frozenset[str]
    symmetric: bool
    required: bool
    code: str

    def matches(self, event: Event) -> bool:
        if event.cameo.root not in self.roots:
            return False
        source = event.source.actor.key if event.source else None
        target = event.target.actor.key if event.target else None
        if source == self.source and (self.target is None or target == self.target):
            return True
        return (
            self.symmetric
            and self.target is not None
            and (source, target)
            == (
                self.target,
                self.source,
            )
        )

    def __str__(self) -> str:
        return f"{self.source} {self.code} {self.target}"


@dataclass(frozen=True)
class Golden:
    number: int
    text: str
    published: dt.date | None
    expected: tuple[Expected, ...]
    note: str

    @property
    def id(self) -> str:
        return f"g{self.number:03d}"


def load_goldens(path: Path = SENTENCES) -> list[Golden]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    goldens = []
    for number, item in enumerate(items, 1):
        expected = tuple(_expected(e) for e in item.get("events") or [])
        published = item.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        goldens.append(Golden(number, item["text"], published, expected, str(item.get("note", ""))))
    return goldens


def _expected(raw: dict[str, Any]) -> Expected:
    code = str(raw["code"])
    roots = frozenset(c[:2] for c in [code, *map(str, raw.get("alt_codes", []))])
    return Expected(
        source=raw.get("source"),
        target=raw.get("target"),
        roots=roots,
        symmetric=bool(raw.get("symmetric", False)),
        required=bool(raw.get("required", True)),
        code=code,
    )


def compare(golden: Golden, events: list[Event]) -> tuple[list[Expected], list[Event]]:
    """The expected events not found, and the events that match nothing expected."""
    pool = list(events)
    used: set[int] = set()
    missed: list[Expected] = []
    for expected in sorted(golden.expected, key=lambda e: not e.required):
        hit = next((i for i, e in enumerate(pool) if i not in used and expected.matches(e)), None)
        if hit is None:
            if expected.required:
                missed.append(expected)
            continue
        used.add(hit)
    spurious = [e for i, e in enumerate(pool) if i not in used]
    return missed, spurious
