from __future__ import annotations

import pytest

from detente.pipeline import Pipeline, default_pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The standard pipeline, loaded once (spaCy takes a second)."""
    return default_pipeline()
