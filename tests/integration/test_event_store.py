"""The event store from the command line: queries analysts ask, exports they load, dedup on
demand, and a store that survives `kill -9` in the middle of an ingest."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from detente.store import Store
from detente.store._export import GDELT_COLUMNS
from tests.conftest import Detente
from tests.integration.conftest import dev_input


def lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_the_seed_storys_iran_us_relations_by_month(dev_store: Path, detente: Detente) -> None:
    run = detente("query", "dyad", "IRN", "USA", "--db", dev_store, "--format", "jsonl")
    assert run.status == 0, run.stderr
    rows = lines(run.stdout)
    february = next(r for r in rows if r["period"] == "2026-02-01")
    quads = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
    assert february["n"] == sum(february[q] for q in quads) >= 4
    assert february["verbal_conflict"] >= 2  # threats and accusations
    assert february["goldstein_sum"] == pytest.approx(february["goldstein_mean"] * february["n"])
    # one direction only is a part of both
    forward = lines(
        detente(
            "query",
            "dyad",
            "USA",
            "IRN",
            "--db",
            dev_store,
            "--direction",
            "forward",
            "--format",
            "jsonl",
        ).stdout
    )
    assert 0 < sum(r["n"] for r in forward) < sum(r["n"] for r in rows)


def test_events_filtered_by_actor_code_period_place_and_text(
    dev_store: Path, detente: Detente
) -> None:
    def query(*options: str) -> list[dict[str, Any]]:
        run = detente("query", "events", "--db", dev_store, "--format", "jsonl", *options)
        assert run.status == 0, run.stderr
        return lines(run.stdout)

    everything = query("--limit", "100000")
    assert everything and all(r["n_mentions"] >= 1 for r in everything)
    assert all(
        {"record_id", "n_mentions", "n_articles", "n_sources", "evidence", "source"} <= set(r)
        for r in everything
    )
    iran = query("--actor", "IRN")
    assert iran and all(
        "IRN" in (r["source"]["country"], (r["target"] or {}).get("country")) for r in iran
    )
    force = query("--code", "19")
    assert force and all(r["code"].startswith("19") for r in force)
    february = query("--from", "2026-02-01", "--to", "2026-02-28")
    assert february and all(r["date"].startswith("2026-02") for r in february)
    muscat = query("--place", "Muscat")
    assert any("Muscat" in r["evidence"]["text"] for r in muscat)
    talks = query("--text", "nuclear negotiations")
    assert talks and all("nuclear negotiations" in r["evidence"]["text"] for r in talks)
    page = query("--limit", "3", "--offset", "2")
    assert [r["record_id"] for r in page] == [r["record_id"] for r in everything[2:5]]
    csv_run = detente("query", "events", "--db", dev_store, "--format", "csv", "--code", "19")
    assert len(list(csv.DictReader(csv_run.stdout.splitlines()))) == len(force)


def test_network_and_top(dev_store: Path, detente: Detente) -> None:
    run = detente("query", "network", "--db", dev_store, "--format", "jsonl")
    edges = lines(run.stdout)
    assert edges and all(e["source"] != e["target"] for e in edges)
    assert edges == sorted(edges, key=lambda e: -e["weight"])
    assert any({e["source"], e["target"]} == {"IRN", "USA"} for e in edges)
    top = detente("query", "top", "--db", dev_store, "--limit", "5", "--format", "jsonl")
    kinds = [r["kind"] for r in lines(top.stdout)]
    assert kinds.count("event") == 5 and kinds.count("actor") == 5
    table = detente("query", "top", "--db", dev_store)
    assert "top events:" in table.stdout and "top actors:" in table.stdout


def test_the_python_api_answers_with_dataframes(dev_store: Path) -> None:
    with Store.open(dev_store, read_only=True) as store:
        series = store.dyad("IRN", "USA", by="week").df()
        network = store.network(min_weight=2).df()
        records = store.records(actor="USA", sort="articles", limit=5).df()
    assert list(series.columns[:2]) == ["period", "n"]
    assert (network["weight"] >= 2).all()
    assert len(records) <= 5 and (records["n_articles"] >= 1).all()


def test_bad_query_input_gets_one_line(dev_store: Path, detente: Detente) -> None:
    for args in (
        ("query", "dyad", "IRN", "USA", "--by", "fortnight"),
        ("query", "events", "--code", "abc"),
        ("query", "events", "--from", "2026-13-01"),
        ("query", "events", "--from", "2026-03-01", "--to", "2026-02-01"),
    ):
        run = detente(*args, "--db", dev_store)
        assert run.status != 0
        assert run.stderr.strip() and len(run.stderr.strip().splitlines()) <= 4


def test_gdelt_and_plover_exports_load_back(
    dev_store: Path, detente: Detente, tmp_path: Path
) -> None:
    with Store.open(dev_store, read_only=True) as store:
        records = store.stats().records
    gdelt = tmp_path / "events.gdelt.tsv"
    run = detente("export", "--db", dev_store, "--format", "gdelt", "--output", gdelt)
    assert run.status == 0, run.stderr
    assert run.stderr_lines == [f"detente: exported {records} event records"]
    with duckdb.connect() as connection:
        table = connection.read_csv(str(gdelt), sep="\t", header=True, all_varchar=True)
        assert table.columns == list(GDELT_COLUMNS)
        rows = table.fetchall()
    assert len(rows) == records
    row = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert row["GlobalEventID"].startswith("R") and len(row["Day"]) == 8
    assert int(row["NumArticles"]) >= 1

    plover = tmp_path / "events.plover.jsonl"
    assert detente("export", "--db", dev_store, "--format", "plover", "-o", plover).status == 0
    events = lines(plover.read_text(encoding="utf-8"))
    assert len(events) == records
    assert {"event_id", "event_date", "event_type", "mode", "actor", "recipient"} <= set(events[0])
    with duckdb.connect() as connection:
        assert connection.read_json(str(plover)).count("*").fetchall() == [(records,)]


def test_dedup_on_demand_with_a_wider_window(
    dev_store: Path, detente: Detente, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(dev_store.read_bytes())
    with Store.open(copy, read_only=True) as store:
        before = store.stats().records
    run = detente("dedup", "--db", copy, "--window", "30")
    assert run.status == 0, run.stderr
    with Store.open(copy, read_only=True) as store:
        after = store.stats().records
    assert after <= before
    assert run.stderr_lines == [
        f"detente: {store_events(copy)} stored events, {after} event records in {copy}"
    ]


def store_events(db: Path) -> int:
    with Store.open(db, read_only=True) as store:
        return store.stats().events


def test_kill_9_mid_ingest_loses_nothing_committed_and_duplicates_nothing(
    tmp_path: Path,
) -> None:
    source = dev_input(tmp_path)
    script = Path(sys.executable).parent / "detente"
    clean = tmp_path / "clean.duckdb"
    subprocess.run([script, "ingest", source, "--db", clean], check=True, capture_output=True)
    killed = tmp_path / "killed.duckdb"
    process = subprocess.Popen(
        [script, "ingest", source, "--db", killed, "--batch-size", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wal = Path(f"{killed}.wal")
    deadline = time.monotonic() + 120
    # wait for the first commits to reach the write-ahead log, then kill without warning
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 200_000):
        if process.poll() is not None:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    with Store.open(killed, read_only=False) as store:
        survived = store.stats().articles
    with Store.open(clean, read_only=True) as store:
        expected = store.stats()
    assert 0 < survived <= expected.articles

    subprocess.run([script, "ingest", source, "--db", killed], check=True, capture_output=True)
    with Store.open(killed, read_only=True) as store:
        got = store.stats()
        ids = {(r["article_id"], r["event_id"]) for r in store.event_records(modality=None)}
    with Store.open(clean, read_only=True) as store:
        want = {(r["article_id"], r["event_id"]) for r in store.event_records(modality=None)}
    assert (got.articles, got.events, got.records) == (
        expected.articles,
        expected.events,
        expected.records,
    )
    assert ids == want
