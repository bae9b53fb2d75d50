"""Fixtures for the unit tests that run text through the whole pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from detente.model import Article, Document
from detente.pipeline import Pipeline

Parse = Callable[..., Document]


@pytest.fixture(scope="session")
def parse(pipeline: Pipeline) -> Parse:
    """Runs the pipeline (`tests/conftest.py`) on one text: `parse(text, published=None)`.

    Articles are published on Friday 2026-02-06 unless the test says otherwise.
    """

    def run(text: str, *, published: str | None = "2026-02-06") -> Document:
        day = dt.date.fromisoformat(published) if published else None
        return next(pipeline.run([Article(id="test", text=text, published=day)]))

    return run
