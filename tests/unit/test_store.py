"""The event store: migrations, idempotent saves, transactions, statistics and exports."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.metadata
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

from detente.errors import StoreError
from detente.model import (
    Actor,
    Article,
    CameoCode,
    Document,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Provenance,
    TextSpan,
)
from detente.serialize import event_record
from detente.store import EXPORT_COLUMNS, SCHEMA_VERSION, Store, StoreStats, _schema

CODER = "patterns-1"

MEET = CameoCode(
    "042", "Make a visit", "Travel to another location for a meeting", 1.9, 1, "CONSULT"
)
CRITICIZE = CameoCode(
    "111", "Criticize or denounce", "Criticize or denounce", -2.0, 3, "DISAPPROVE", "criticize"
)
AID = CameoCode("073", "Provide humanitarian aid", "Provide humanitarian aid", 7.4, 2, "AID")

IRAN = Actor("Iran", country="IRN", sector="GOV", person="Abbas Araghchi", role="foreign minister")
TURKEY = Actor("Turkey", country="TUR", sector="GOV")
CHINA = Actor("China", country="CHN", sector="GOV")
USA = Actor("United States", country="USA")
UN = Actor("United Nations", igo="UN", sector="GOV")

TEXT_1 = (
    "Iran's foreign minister visited Turkey on Monday. "
    "China criticised the United States over tariffs. "
    "The United Nations sent aid to Turkey."
)
TEXT_2 = "China criticised the United States again on Tuesday."


def mention(text: str, phrase: str, actor: Actor, *, rule: str = "country:name") -> Mention:
    start = text.index(phrase)
    return Mention(start, start + len(phrase), phrase, 0, 1, 0, 0, actor, rule)


def span(text: str, phrase: str) -> TextSpan:
    start = text.index(phrase)
    return TextSpan(start, start + len(phrase), phrase)


def make_event(
    article: Article,
    event_id: str,
    cameo: CameoCode,
    *,
    sentence: str,
    trigger: str,
    source: tuple[str, Actor] | None,
    target: tuple[str, Actor] | None,
    date: EventDate | None = None,
    location: Place | None = None,
    confidence: float = 0.8,
) -> Event:
    text = article.text
    return Event(
        article_id=article.id,
        event_id=event_id,
        cameo=cameo,
        source=mention(text, *source) if source else None,
        target=mention(text, *target) if target else None,
        evidence=span(text, sentence),
        trigger=span(text, trigger),
        sentence=0,
        date=date or EventDate(None, None, "none"),
        location=location,
        modality=Modality.ASSERTED,
        confidence=confidence,
        provenance=Provenance("patterns", f"verb:{trigger}"),
    )


def first_document(*, article_id: str = "a1", text: str = TEXT_1) -> Document:
    """Three events: a visit (with place and date), a criticism, and IGO aid."""
    article = Article(
        article_id,
        text,
        published=dt.date(2026, 2, 9),
        title="Diplomacy",
        url="https://example.org/a1",
        source="Example News",
        origin="news.jsonl#1",
    )
    events = (
        make_event(
            article,
            f"{article_id}-e1",
            MEET,
            sentence="Iran's foreign minister visited Turkey on Monday.",
            trigger="visited",
            source=("Iran's foreign minister", IRAN),
            target=("Turkey", TURKEY),
            date=EventDate("2026-02-09", "day", "relative", span(text, "Monday")),
            location=Place("Turkey", "TUR", 39.0, 35.0, None, "country", "target-country"),
            confidence=0.91234,
        ),
        make_event(
            article,
            f"{article_id}-e2",
            CRITICIZE,
            sentence="China criticised the United States over tariffs.",
            trigger="criticised",
            source=("China", CHINA),
            target=("United States", USA),
            date=EventDate("2026-02", "month", "publication"),
        ),
        make_event(
            article,
            f"{article_id}-e3",
            AID,
            sentence="The United Nations sent aid to Turkey.",
            trigger="sent",
            source=("United Nations", UN),
            target=None,
        ),
    )
    return Document(article, events=events)


def second_document(*, article_id: str = "a2") -> Document:
    article = Article(article_id, TEXT_2, published=dt.date(2026, 2, 10), origin="news.jsonl#2")
    event = make_event(
        article,
        f"{article_id}-e1",
        CRITICIZE,
        sentence=TEXT_2,
        trigger="criticised",
        source=("China", CHINA),
        target=("United States", USA),
        date=EventDate("2026-02-10", "day", "relative"),
    )
    return Document(article, events=(event,))


def changed_first_document() -> Document:
    """Article a1 edited: one event left, with a new id."""
    text = "Iran's foreign minister visited Turkey on Friday."
    article = Article("a1", text, published=dt.date(2026, 2, 9), origin="news.jsonl#1")
    event = make_event(
        article,
        "a1-e9",
        MEET,
        sentence=text,
        trigger="visited",
        source=("Iran's foreign minister", IRAN),
        target=("Turkey", TURKEY),
    )
    return Document(article, events=(event,))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    with Store.open(path) as opened:
        yield opened


def save(store: Store, *documents: Document) -> int:
    run_id = store.begin_run(command="ingest", settings={})
    for document in documents:
        store.save(document, run_id=run_id, coder_version=CODER)
    return run_id


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_open_creates_the_file_and_records_the_migration(path: Path) -> None:
    Store.open(path).close()
    assert path.exists()
    Store.open(path).close()  # a second open applies nothing again
    rows = query(path, "SELECT version, name FROM schema_migrations")
    assert rows == [
        (1, "create runs, articles and events"),
        (2, "add quotes, and the quote each event is told in"),
        (
            3,
            "add the actor mentions, event records (deduplication) and the actors and places views",
        ),
    ]
    assert SCHEMA_VERSION == 3


def test_events_table_columns_are_the_documented_ones(path: Path) -> None:
    Store.open(path).close()
    rows = query(
        path, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'events'"
    )
    # quote_id came with migration 2, after run_id
    assert [name for name, _ in rows] == [*EXPORT_COLUMNS[:-1], "run_id", "quote_id"]
    assert {k: v for k, v in rows if k != "run_id"} == dict(_schema.EVENT_COLUMNS)


def test_saved_article_is_current_for_its_coder_version_only(store: Store) -> None:
    document = first_document()
    assert not store.is_current(document.article, coder_version=CODER)
    save(store, document)
    assert store.is_current(document.article, coder_version=CODER)
    assert not store.is_current(document.article, coder_version="patterns-2")
    assert not store.is_current(changed_first_document().article, coder_version=CODER)


def test_save_returns_the_number_of_events(store: Store) -> None:
    run_id = store.begin_run(command="ingest", settings={})
    assert store.save(first_document(), run_id=run_id, coder_version=CODER) == 3
    empty = Document(Article("a3", "Nothing happened."))
    assert store.save(empty, run_id=run_id, coder_version=CODER) == 0
    assert (store.stats().articles, store.stats().events) == (2, 3)


def test_saving_the_same_article_twice_changes_nothing(store: Store) -> None:
    save(store, first_document(), second_document())
    before = list(store.event_records())
    save(store, first_document())
    stats = store.stats()
    assert (stats.articles, stats.events) == (2, 4)
    assert list(store.event_records()) == before


def test_a_changed_article_replaces_its_events_and_both_runs_are_kept(
    store: Store, path: Path
) -> None:
    first_run = save(store, first_document(), second_document())
    store.finish_run(first_run, articles=2, skipped=0, failed=0, events=4)
    second_run = save(store, changed_first_document())
    store.finish_run(second_run, articles=1, skipped=1, failed=0, events=1)

    ids = [record["event_id"] for record in store.event_records()]
    assert ids == ["a1-e9", "a2-e1"]
    assert store.is_current(changed_first_document().article, coder_version=CODER)
    store.close()
    runs = query(path, "SELECT run_id, articles, skipped, events FROM runs ORDER BY run_id")
    assert runs == [(first_run, 2, 0, 4), (second_run, 1, 1, 1)]
    articles = query(path, "SELECT article_id, run_id, n_events FROM articles ORDER BY 1")
    assert articles == [("a1", second_run, 1), ("a2", first_run, 1)]
    event_runs = query(path, "SELECT event_id, run_id FROM events ORDER BY 1")
    assert event_runs == [("a1-e9", second_run), ("a2-e1", first_run)]


def test_a_failed_insert_rolls_back_the_whole_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, first_document())
    before = list(store.event_records())
    broken = _schema.INSERT_EVENTS.replace("INSERT INTO events", "INSERT INTO no_such_table")
    monkeypatch.setattr(_schema, "INSERT_EVENTS", broken)

    with pytest.raises(StoreError, match="cannot save article 'a1'") as caught:
        save(store, changed_first_document())

    assert isinstance(caught.value.__cause__, duckdb.Error)
    assert list(store.event_records()) == before
    assert store.is_current(first_document().article, coder_version=CODER)
    monkeypatch.undo()
    assert save(store, changed_first_document()) > 0  # the store is still usable


def test_an_exception_during_the_event_insert_rolls_back_the_whole_save(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, first_document())
    before = list(store.event_records())

    def fail(self: Store, rows: object, run_id: int) -> None:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(Store, "_insert_events", fail)
    with pytest.raises(RuntimeError, match="interrupted"):
        save(store, changed_first_document())

    assert list(store.event_records()) == before
    assert store.is_current(first_document().article, coder_version=CODER)


def test_duplicate_event_ids_roll_back_the_whole_save(store: Store) -> None:
    save(store, first_document())
    before = list(store.event_records())
    document = changed_first_document()
    twice = document.evolve(events=document.events * 2)

    with pytest.raises(StoreError, match="cannot save article 'a1'"):
        save(store, twice)

    assert list(store.event_records()) == before
    assert store.stats().articles == 1


def test_events_of_another_article_are_refused(store: Store) -> None:
    document = first_document().evolve(events=second_document().events)
    with pytest.raises(StoreError, match="belong to another article"):
        save(store, document)
    assert store.stats().articles == 0


def test_stats(store: Store) -> None:
    assert store.stats() == StoreStats(0, 0, 0, 0, {}, {}, None, None, [])
    save(store, first_document(), second_document())
    save(store, first_document(article_id="b1"))

    assert store.stats() == StoreStats(
        articles=3,
        events=7,
        runs=2,
        records=4,  # b1 repeats a1's three events: one record each, with two reports
        events_by_root={"04": 2, "07": 2, "11": 3},
        events_by_quad={1: 2, 2: 2, 3: 3},
        first_date="2026-02",
        last_date="2026-02-10",
        top_dyads=[("CHN", "USA", 3), ("IRN", "TUR", 2)],
    )


def test_top_dyads_stop_at_ten(store: Store) -> None:
    template = second_document().events[0]
    countries = [f"C{i:02d}" for i in range(12)]
    article = Article("many", TEXT_2)
    events = tuple(
        replace(
            template,
            article_id="many",
            event_id=f"e{i}",
            source=mention(TEXT_2, "China", Actor(code, country=code)),
        )
        for i, code in enumerate(countries)
    )
    save(store, Document(article, events=events))
    dyads = store.stats().top_dyads
    assert dyads == [(code, "USA", 1) for code in countries[:10]]


def test_top_dyads_name_organisations_as_actor_keys(store: Store) -> None:
    text = "Turkey asked the United Nations for help."
    article = Article("igo", text)
    sentence, trigger = text, "asked"
    events = (
        make_event(
            article,
            "e1",
            MEET,
            sentence=sentence,
            trigger=trigger,
            source=("Turkey", TURKEY),
            target=("United Nations", UN),
        ),
        make_event(
            article,
            "e2",
            AID,
            sentence=sentence,
            trigger=trigger,
            source=("United Nations", UN),
            target=("Turkey", TURKEY),
        ),
    )
    save(store, Document(article, events=events))
    assert store.stats().top_dyads == [("IGO:UN", "TUR", 1), ("TUR", "IGO:UN", 1)]
    assert [UN.key, TURKEY.key] == ["IGO:UN", "TUR"]


def test_event_records_round_trip_event_record(store: Store) -> None:
    first, second = first_document(), second_document()
    save(store, second, first)  # stored out of order, read back in order

    expected = [event_record(event) for event in (*first.events, *second.events)]
    assert list(store.event_records()) == expected
    assert list(store.event_records(article_id="a2")) == expected[3:]
    assert list(store.event_records(limit=2)) == expected[:2]
    assert list(store.event_records(article_id="a1", limit=0)) == []
    assert list(store.event_records(article_id="missing")) == []


def test_event_records_are_ordered_by_evidence_then_trigger(store: Store) -> None:
    article = Article("a1", TEXT_1)
    sentence = "China criticised the United States over tariffs."
    late = make_event(
        article, "a", CRITICIZE, sentence=sentence, trigger="criticised", source=None, target=None
    )
    early = make_event(
        article, "b", CRITICIZE, sentence=sentence, trigger="China", source=None, target=None
    )
    earliest = first_document().events[0]
    save(store, Document(article, events=(late, early, earliest)))
    assert [record["event_id"] for record in store.event_records()] == ["a1-e1", "b", "a"]


def test_jsonl_export_writes_one_event_record_per_line(store: Store, tmp_path: Path) -> None:
    first = first_document()
    save(store, first)
    stream = io.StringIO()

    assert store.export("jsonl", stream=stream) == 3
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    # each report, then the event record it belongs to
    assert [{k: v for k, v in r.items() if k != "record_id"} for r in lines] == [
        json.loads(json.dumps(event_record(event), ensure_ascii=False)) for event in first.events
    ]
    assert all(str(r["record_id"]).startswith("R") for r in lines)

    output = tmp_path / "events.jsonl"
    assert store.export("jsonl", output) == 3
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert records == lines
    assert records[2]["target"] is None and records[2]["location"] is None


def test_csv_export_has_the_documented_columns(store: Store, tmp_path: Path) -> None:
    save(store, first_document(), second_document())
    stream = io.StringIO()
    assert store.export("csv", stream=stream) == 4
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(rows[0]) == [*EXPORT_COLUMNS, "record_id"]
    assert len(rows) == 4
    assert rows[0]["source_country"] == "IRN"
    assert rows[0]["location_lat"] == "39.0"
    assert rows[2]["target_name"] == ""  # no target

    output = tmp_path / "events.csv"
    assert store.export("csv", output) == 4
    with duckdb.connect() as connection:
        relation = connection.read_csv(str(output))
        assert relation.columns == [*EXPORT_COLUMNS, "record_id"]
        assert len(relation.fetchall()) == 4


def test_parquet_export_has_the_documented_columns(store: Store, tmp_path: Path) -> None:
    save(store, first_document(), second_document())
    output = tmp_path / "events"
    assert store.export("parquet", output) == 4
    # a directory partitioned by the event's year and month
    assert sorted(p.name for p in output.iterdir())[0].startswith("year=")
    with duckdb.connect() as connection:
        relation = connection.read_parquet(str(output / "**" / "*.parquet"), hive_partitioning=True)
        assert relation.columns[:-2] == [*EXPORT_COLUMNS, "record_id"]
        # a second export may not mix with the first's files
        with pytest.raises(StoreError, match="not an empty directory"):
            store.export("parquet", output)
        assert set(relation.columns[-2:]) == {"year", "month"}
        rows = relation.order("event_id").fetchall()
        columns = relation.columns
    assert len(rows) == 4
    first = dict(zip(columns, rows[0], strict=True))
    assert (first["event_id"], first["confidence"], first["source_start"]) == ("a1-e1", 0.912, 0)


def test_export_argument_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="needs an output path"):
        store.export("parquet", stream=io.StringIO())
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        store.export("xml", stream=io.StringIO())
    with pytest.raises(StoreError, match="not both"):
        store.export("csv", tmp_path / "x.csv", stream=io.StringIO())
    with pytest.raises(StoreError, match="needs an output path or a stream"):
        store.export("jsonl")


def test_begin_run_records_version_settings_and_start(store: Store, path: Path) -> None:
    run_id = store.begin_run(command="ingest", settings={"db": path, "limit": 5, "tags": ("a",)})
    store.close()
    [(stored_id, command, version, settings, started, finished)] = query(
        path, "SELECT run_id, command, detente_version, settings, started, finished FROM runs"
    )
    assert (stored_id, command, finished) == (run_id, "ingest", None)
    assert version == importlib.metadata.version("detente")
    assert json.loads(str(settings)) == {"db": str(path), "limit": 5, "tags": ["a"]}
    assert isinstance(started, dt.datetime)


def test_finish_run_of_an_unknown_run_fails(store: Store) -> None:
    with pytest.raises(StoreError, match="no such run"):
        store.finish_run(42, articles=0, skipped=0, failed=0, events=0)


def one_line(error: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    return message


def test_a_file_that_is_not_duckdb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert one_line(caught) == f"[E400] {path}: not a DuckDB database file"


def test_read_only_open_of_a_missing_file_fails_and_creates_nothing(path: Path) -> None:
    with pytest.raises(StoreError, match="no event store here") as caught:
        Store.open(path, read_only=True)
    one_line(caught)
    assert not path.exists()


def test_read_only_store_reads_but_refuses_writes(path: Path) -> None:
    with Store.open(path) as store:
        save(store, first_document())
    with Store.open(path, read_only=True) as store:
        assert store.stats().events == 3
        with pytest.raises(StoreError, match="opened read-only"):
            save(store, second_document())


def test_a_duckdb_file_of_something_else_is_refused(path: Path) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE prices (item VARCHAR, price DOUBLE)")
    with pytest.raises(StoreError, match="not a detente event store"):
        Store.open(path)


def test_a_store_from_a_newer_detente_is_refused(path: Path) -> None:
    Store.open(path).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute("INSERT INTO schema_migrations VALUES (99, 'future', now())")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store.open(path)


def test_a_store_locked_by_another_process_is_refused(path: Path) -> None:
    Store.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        with pytest.raises(StoreError, match="in use by another process") as caught:
            Store.open(path)
        one_line(caught)
    finally:
        holder.communicate("", timeout=30)


def test_a_closed_store_says_so(path: Path) -> None:
    store = Store.open(path)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="the store is closed"):
        store.stats()


def test_a_version_2_store_gets_its_event_records_when_upgraded(path: Path) -> None:
    with Store.open(path) as store:
        save(store, first_document(), second_document())
        records = store.stats().records
    assert records > 0
    with duckdb.connect(str(path)) as connection:  # back to how version 2 left it
        for statement in (
            "DROP VIEW actors",
            "DROP VIEW places",
            "DROP TABLE mentions",
            "DROP TABLE event_records",
            "DROP TABLE records",
            "DROP TABLE store_settings",
            "DELETE FROM schema_migrations WHERE version = 3",
        ):
            connection.execute(statement)
    with Store.open(path) as store:
        assert store.stats().records == records
