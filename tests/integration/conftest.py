"""Fixtures of the integration tests: the development set in a store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

EVAL = SHARED / "eval"
DEV_GOLD = [EVAL / "dev" / "seed.gold.jsonl", EVAL / "dev" / "wikinews2020.gold.jsonl"]


def dev_input(folder: Path) -> Path:
    """The dev set's articles with their publication dates, as one JSON lines file."""
    if not all(g.is_file() for g in DEV_GOLD):
        pytest.skip(f"no dev gold in {EVAL / 'dev'}")
    args = [sys.executable, str(EVAL / "make_input.py")]
    for gold in DEV_GOLD:
        args += ["--gold", str(gold)]
    done = subprocess.run(
        [*args, "--texts", str(EVAL / "dev" / "texts")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    path = folder / "dev.jsonl"
    path.write_text(done.stdout, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The development set (the seed story and 19 Wikinews articles, with their publication
    dates) ingested into a store, once; tests that write copy it first."""
    from detente.cli.main import main

    folder = tmp_path_factory.mktemp("dev")
    db = folder / "dev.duckdb"
    assert main(["ingest", str(dev_input(folder)), "--db", str(db)]) == 0
    return db
