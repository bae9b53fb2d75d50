"""`Store`: the DuckDB file that keeps runs, articles and their events."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

import duckdb

from detente.errors import StoreError
from detente.model import Article, Document
from detente.store import _dedup, _query
from detente.store import _schema as sql
from detente.store._export import (
    FORMATS,
    GDELT_COLUMNS,
    gdelt_row,
    plover_record,
    write_csv,
    write_jsonl,
)
from detente.store._records import flat_event, flat_quote, nested_quote, nested_record

_BATCH = 1000
"""Rows fetched at a time when streaming events out."""


@dataclass(frozen=True, slots=True)
class StoreStats:
    """What a store holds, at a glance."""

    articles: int
    events: int
    runs: int
    records: int
    """Event records: events however many articles report them (asserted ones)."""
    events_by_root: dict[str, int]
    """Events per CAMEO root code (`"01"`...), in code order."""
    events_by_quad: dict[int, int]
    """Events per quad class (1 verbal cooperation ... 4 material conflict)."""
    first_date: str | None
    """The earliest event date (ISO, possibly partial), None when no event has one."""
    last_date: str | None
    top_dyads: list[tuple[str, str, int]]
    """(source key, target key, events), most events first, 10 at most; keys as `Actor.key`."""


class Store:
    """An event store: open it with `Store.open`, close it (or use it as a context manager)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str, *, read_only: bool):
        self._conn: duckdb.DuckDBPyConnection | None = connection
        self._path = path
        self._read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open the store at `path`, creating it and applying pending migrations as needed."""
        location = str(path)
        if read_only and location != ":memory:" and not Path(path).exists():
            raise StoreError(f"{location}: no event store here (a read-only open creates none)")
        try:
            connection = duckdb.connect(location, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{location}: {_open_problem(exc)}") from exc
        store = cls(connection, location, read_only=read_only)
        try:
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def begin_run(self, *, command: str, settings: Mapping[str, object]) -> int:
        """Record the start of a run and return its id."""
        self._check_writable("record a run")
        # Settings are a record for people; a Path or an enum is kept as its str().
        settings_json = json.dumps(dict(settings), sort_keys=True, default=str, ensure_ascii=False)
        with self._guard("cannot record a run"):
            row = self._connection.execute(
                sql.INSERT_RUN, [command, _now(), _detente_version(), settings_json]
            ).fetchone()
        assert row is not None  # INSERT ... RETURNING yields the new row
        return int(row[0])

    def finish_run(
        self, run_id: int, *, articles: int, skipped: int, failed: int, events: int
    ) -> None:
        """Record the end of run `run_id` and its counts."""
        self._check_writable("finish a run")
        with self._guard(f"cannot finish run {run_id}"):
            updated = self._connection.execute(
                sql.FINISH_RUN, [_now(), articles, skipped, failed, events, run_id]
            ).fetchall()
        if not updated:
            raise StoreError(f"{self._path}: cannot finish run {run_id}: no such run")

    def is_current(self, article: Article, *, coder_version: str) -> bool:
        """Whether this very article, coded by this coder version, is already stored."""
        with self._guard(f"cannot look up article {article.id!r}"):
            row = self._connection.execute(
                sql.IS_CURRENT, [article.id, article.content_hash, coder_version]
            ).fetchone()
        return row is not None and row[0] > 0

    def save(self, document: Document, *, run_id: int, coder_version: str) -> int:
        """Store an article and its events in place of any earlier version; returns the events.

        One transaction: on any error nothing changes.
        """
        return self.save_many([document], run_id=run_id, coder_version=coder_version)

    def save_many(self, documents: Sequence[Document], *, run_id: int, coder_version: str) -> int:
        """Store articles and their events, each in place of any earlier version, and bring
        their event records up to date; returns the events. One transaction for them all, a
        statement per table: on any error nothing changes."""
        self._check_writable("save an article")
        for document in documents:
            article = document.article
            strays = [e.event_id for e in document.events if e.article_id != article.id]
            if strays:
                raise StoreError(
                    f"{self._path}: cannot save article {article.id!r}: "
                    f"events {', '.join(strays[:3])} belong to another article"
                )
        # an article given twice is stored as last given
        documents = list({d.article.id: d for d in documents}.values())
        if not documents:
            return 0
        ids = [document.article.id for document in documents]
        what = f"article {ids[0]!r}" if len(ids) == 1 else f"{len(ids)} articles"
        rows = [flat_event(event) for document in documents for event in document.events]
        quotes = [flat_quote(d.article.id, quote) for d in documents for quote in d.quotes]
        stored_at = _now()
        articles = [
            (
                d.article.id,
                d.article.content_hash,
                coder_version,
                d.article.published,
                d.article.title,
                d.article.url,
                d.article.source,
                d.article.origin,
                d.article.text,
                len(d.events),
                run_id,
                stored_at,
            )
            for d in documents
        ]
        connection = self._connection
        with self._transaction(f"cannot save {what}"):
            # what the old reports covered, and the records they belonged to
            connection.execute(sql.CREATE_RANGES)
            connection.execute(sql.INSERT_RANGES, [ids])
            connection.execute(sql.CREATE_TOUCHED, [ids])
            connection.execute(sql.UPSERT_ARTICLES, _columns(articles, 12))
            for statement in (sql.DELETE_EVENTS, sql.DELETE_QUOTES, sql.DELETE_MENTIONS):
                connection.execute(statement, [ids])
            self._insert_events(rows, run_id)
            if quotes:
                connection.execute(
                    sql.INSERT_QUOTES, [*_columns(quotes, len(sql.QUOTE_COLUMNS)), run_id]
                )
            self._insert_mentions(documents, run_id)
            connection.execute(sql.INSERT_RANGES, [ids])
            self._recluster(ids)
        return len(rows)

    def dedup(self, *, window: int | None = None) -> int:
        """Re-cluster every asserted event into event records (with `window` days, which the
        store then keeps for its incremental clustering); returns the number of records."""
        self._check_writable("deduplicate")
        if window is not None and window < 0:
            raise StoreError(f"{self._path}: the window must be 0 days or more, not {window}")
        connection = self._connection
        with self._transaction("cannot deduplicate"):
            if window is not None:
                connection.execute(sql.PUT_SETTING, ["dedup_window", str(window)])
            for statement in sql.DELETE_ALL_RECORDS:
                connection.execute(statement)
            mentions = [
                _dedup.Mention(*row) for row in connection.execute(sql.ALL_MENTIONS).fetchall()
            ]
            clusters = _dedup.cluster(mentions, self._window())
            self._write_records(clusters)
        return len(clusters)

    # -- the query layer (detente.store._query): records by default, mentions on request ----

    def dyad(self, a: str, b: str, **options: Any) -> _query.Result:
        """Relations between two actors over time (`_query.dyad`)."""
        return _query.dyad(self._result, a, b, **options)

    def timeline(self, **options: Any) -> _query.Result:
        """Every event record over time, per quad class (`_query.timeline`)."""
        return _query.timeline(self._result, **options)

    def network(self, **options: Any) -> _query.Result:
        """The weighted actor network of a period (`_query.network`)."""
        return _query.network(self._result, **options)

    def records(self, **filters: Any) -> _query.Result:
        """Event records by actor, code, period, place, text, article (`_query.events`)."""
        return _query.events(self._result, **filters)

    def full_records(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Event records as their representative report's `event_record` with the record's
        `record_id`, `n_mentions`, `n_articles`, `n_sources`, `first_seen`, `last_seen`."""
        result = _query.events(self._result, full=True, **filters)
        width = len(sql.EXPORT_COLUMNS)
        for row in result.rows:
            record = nested_record(row[:width])
            record.update(zip(result.columns[width:], row[width:], strict=True))
            yield record

    def record_mentions(self, record_id: str) -> Iterator[dict[str, Any]]:
        """The reports of one event record as `event_record` dicts."""
        return (nested_record(row) for row in _query.record_mentions(self._result, record_id).rows)

    def record(self, record_id: str) -> dict[str, Any] | None:
        """One event record with every report of it (`reports`), or None."""
        found = _query.events(self._result, record=record_id, limit=1)
        if not found.rows:
            return None
        record = next(found.records())
        record["reports"] = list(self.record_mentions(record_id))
        return record

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article: its text and metadata, every actor and place mention, every
        event (asserted or not, each with its `record_id`) and quotation; None if absent."""
        key = {"article_id": article_id}
        found = list(self._result(sql.SELECT_ARTICLE, key).records())
        if not found:
            return None
        article = found[0]
        article["mentions"] = list(self._result(sql.SELECT_ARTICLE_MENTIONS, key).records())
        events = self._result(sql.SELECT_ARTICLE_EVENTS, key).rows
        article["events"] = [{**nested_record(r[:-1]), "record_id": r[-1]} for r in events]
        article["quotes"] = list(self.quote_records(article_id=article_id))
        return article

    def actors(self, *, limit: int = 100) -> _query.Result:
        """The actors of the stored events, the busiest first."""
        return self._result(sql.SELECT_ACTORS, {"limit": limit})

    def places(self, **options: Any) -> _query.Result:
        """Where events happened, busiest first, by period and code (`_query.places`)."""
        return _query.places(self._result, **options)

    def top_events(self, **options: Any) -> _query.Result:
        return _query.top_events(self._result, **options)

    def top_actors(self, **options: Any) -> _query.Result:
        return _query.top_actors(self._result, **options)

    def _result(self, query: str, parameters: Mapping[str, Any]) -> _query.Result:
        with self._guard("cannot query"):
            cursor = self._connection.cursor()
            try:
                cursor.execute(query, dict(parameters))
                columns = [d[0] for d in cursor.description or ()]
                return _query.as_result(columns, cursor.fetchall())
            finally:
                cursor.close()

    def _window(self) -> int:
        row = self._connection.execute(sql.GET_SETTING, ["dedup_window"]).fetchone()
        return int(row[0]) if row is not None else _dedup.WINDOW

    def _recluster(self, ids: Sequence[str]) -> None:
        """Cluster again what saving the articles `ids` may have changed: their reports, the
        reports of the same blocks within reach of their days, and the records of both."""
        connection = self._connection
        window = self._window()
        connection.execute(sql.CREATE_NEAR, {"reach": 2 * window, "ids": list(ids)})
        connection.execute(sql.CREATE_AFFECTED)
        rows = connection.execute(sql.AFFECTED_MENTIONS).fetchall()
        for statement in sql.DELETE_AFFECTED:
            connection.execute(statement)
        self._write_records(_dedup.cluster((_dedup.Mention(*row) for row in rows), window))

    def _write_records(self, clusters: Sequence[_dedup.Cluster]) -> None:
        connection = self._connection
        links = _dedup.assignments(clusters)
        if not links:
            return
        connection.execute(sql.INSERT_LINKS, [list(column) for column in zip(*links, strict=True)])
        representatives = []
        for cluster in clusters:
            # a report of the record's code, dated as precisely as any ("2026-06-15", not
            # "2026") and placed if any is: its date and place are the record's
            code = cluster.code
            first = max(
                (m for m in cluster.members if m.code == code),
                key=lambda m: (len(m.date or ""), m.place_name is not None),
            )
            representatives.append((cluster.record_id, first.article_id, first.event_id))
        connection.execute(sql.CREATE_REPRESENTATIVES)
        connection.execute(
            sql.INSERT_REPRESENTATIVES, [list(c) for c in zip(*representatives, strict=True)]
        )
        connection.execute(sql.INSERT_RECORDS)

    def _insert_mentions(self, documents: Sequence[Document], run_id: int) -> None:
        rows = [
            (
                d.article.id,
                m.start,
                m.end,
                m.text,
                m.sentence,
                m.actor.name,
                m.actor.country,
                m.actor.igo,
                m.actor.sector,
                m.actor.code,
                m.actor.person,
                m.actor.role,
                m.place,
                m.rule,
            )
            for d in documents
            for m in d.mentions
        ]
        if rows:
            self._connection.execute(sql.INSERT_MENTIONS, [*_columns(rows, 14), run_id])

    def quote_records(self, *, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored quotations as `quote_record` dicts, by article, then where they start."""
        rows = self._stream(sql.SELECT_QUOTES, {"article_id": article_id})
        return (nested_quote(row) for row in rows)

    def stats(self) -> StoreStats:
        """Counts of what the store holds."""
        connection = self._connection
        with self._guard("cannot read statistics"):
            counts = connection.execute(sql.COUNTS).fetchone()
            by_root = connection.execute(sql.EVENTS_BY_ROOT).fetchall()
            by_quad = connection.execute(sql.EVENTS_BY_QUAD).fetchall()
            dyads = connection.execute(sql.TOP_DYADS, [10]).fetchall()
        assert counts is not None  # an aggregate without GROUP BY yields one row
        articles, events, runs, first_date, last_date, records = counts
        return StoreStats(
            articles=articles,
            events=events,
            runs=runs,
            records=records,
            events_by_root=dict(by_root),
            events_by_quad=dict(by_quad),
            first_date=first_date,
            last_date=last_date,
            top_dyads=[(source, target, n) for source, target, n in dyads],
        )

    def event_records(
        self,
        *,
        article_id: str | None = None,
        limit: int | None = None,
        modality: str | None = "asserted",
    ) -> Iterator[dict[str, Any]]:
        """Stored events as `event_record` dicts, by article, then evidence and trigger start.

        `modality` None gives every event; by default only asserted ones."""
        if limit is not None and limit < 0:
            raise StoreError(f"{self._path}: limit must be 0 or more, not {limit}")
        rows = self._stream(
            sql.SELECT_EVENTS_FILTERED,
            {"article_id": article_id, "limit": limit, "modality": modality},
        )
        return (nested_record(row) for row in rows)

    def export(
        self,
        fmt: str,
        output: Path | None = None,
        *,
        stream: TextIO | None = None,
        modality: str | None = "asserted",
    ) -> int:
        """Write the events to `output` or `stream`; returns the rows written.

        `jsonl`, `csv` and `parquet` export every report (`modality` None: negated and
        hypothetical ones too; by default only asserted ones) with its `record_id`; `gdelt`
        and `plover` export the event records. Parquet needs a path, a directory it fills
        with files partitioned by the event's year and month; the others go to `stream` when
        there is no `output`.
        """
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if output is not None and stream is not None:
            raise StoreError("export to an output path or to a stream, not both")
        if fmt == "parquet":
            if output is None:
                raise StoreError("parquet export needs an output path, not a stream")
            if Path(output).exists() and (not Path(output).is_dir() or any(Path(output).iterdir())):
                # files of an earlier export would be read back with these
                raise StoreError(f"{output}: exists and is not an empty directory; give a new one")
            with self._guard(f"cannot export to {output}"):
                row = self._connection.execute(
                    sql.COPY_EVENTS_PARQUET, {"path": str(output), "modality": modality}
                ).fetchone()
            assert row is not None  # COPY reports the rows it wrote
            return int(row[0])
        if output is None:
            if stream is None:
                raise StoreError(f"{fmt} export needs an output path or a stream")
            return self._write_text(fmt, stream, modality)
        try:
            with Path(output).open("w", encoding="utf-8", newline="") as handle:
                return self._write_text(fmt, handle, modality)
        except OSError as exc:
            raise StoreError(f"{output}: cannot write: {exc.strerror or exc}") from exc

    def _write_text(self, fmt: str, stream: TextIO, modality: str | None) -> int:
        if fmt in ("gdelt", "plover"):
            rows = self._stream_records(sql.SELECT_RECORDS_EXPORT)
            if fmt == "plover":
                return write_jsonl((plover_record(r) for r in rows), stream)
            return write_csv((gdelt_row(r) for r in rows), stream, GDELT_COLUMNS, "\t")
        reports = self._stream(sql.SELECT_EVENTS, {"modality": modality})
        if fmt == "csv":
            return write_csv(reports, stream)
        return write_jsonl(({**nested_record(r[:-1]), "record_id": r[-1]} for r in reports), stream)

    def _stream_records(self, query: str) -> Iterator[dict[str, Any]]:
        """The rows of `query` as dicts by column name."""
        with self._guard("cannot read event records"):
            cursor = self._connection.cursor()
            try:
                cursor.execute(query)
                columns = [d[0] for d in cursor.description or ()]
                while batch := cursor.fetchmany(_BATCH):
                    for row in batch:
                        yield dict(zip(columns, row, strict=True))
            finally:
                cursor.close()

    @property
    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"{self._path}: the store is closed")
        return self._conn

    def _check_writable(self, action: str) -> None:
        if self._read_only:
            raise StoreError(f"{self._path}: opened read-only, cannot {action}")

    def _migrate(self) -> None:
        """Apply the migrations this store lacks, each in its own transaction."""
        connection = self._connection
        with self._guard("cannot read the schema version"):
            tables = {name for (name,) in connection.execute(sql.LIST_TABLES).fetchall()}
            applied = 0
            if sql.MIGRATIONS_TABLE in tables:
                row = connection.execute(sql.APPLIED_VERSION).fetchone()
                applied = int(row[0]) if row is not None else 0
        if sql.MIGRATIONS_TABLE not in tables and tables:
            raise StoreError(f"{self._path}: a DuckDB database, but not a detente event store")
        if applied > sql.SCHEMA_VERSION:
            raise StoreError(
                f"{self._path}: schema version {applied} is newer than this detente knows "
                f"({sql.SCHEMA_VERSION}); upgrade detente"
            )
        pending = [migration for migration in sql.MIGRATIONS if migration.version > applied]
        if pending and self._read_only:
            raise StoreError(
                f"{self._path}: schema version {applied} needs upgrading to {sql.SCHEMA_VERSION};"
                " open it once without read_only"
            )
        for migration in pending:
            with self._transaction(f"cannot apply migration {migration.version}"):
                connection.execute(sql.CREATE_MIGRATIONS_TABLE)
                for statement in migration.statements:
                    connection.execute(statement)
                connection.execute(
                    sql.RECORD_MIGRATION, [migration.version, migration.name, _now()]
                )
        if any(migration.version == sql.RECORDS_VERSION for migration in pending):
            self.dedup()  # events stored before records existed get theirs

    def _insert_events(self, rows: Sequence[Mapping[str, Any]], run_id: int) -> None:
        """Insert flat event rows with one statement, a list parameter per column."""
        if rows:
            columns = [[row[name] for row in rows] for name in sql.EXPORT_COLUMNS]
            self._connection.execute(sql.INSERT_EVENTS, [*columns, run_id])

    def _stream(self, query: str, parameters: Sequence[Any] | Mapping[str, Any]) -> Iterator[Any]:
        """The rows of `query`, fetched a batch at a time on a cursor of their own."""
        with self._guard("cannot read events"):
            cursor = self._connection.cursor()
            try:
                cursor.execute(query, parameters)
                while batch := cursor.fetchmany(_BATCH):
                    yield from batch
            finally:
                cursor.close()

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn a DuckDB error into one clear StoreError line, keeping the cause chained."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{self._path}: {action}: {_first_line(exc)}") from exc

    @contextmanager
    def _transaction(self, action: str) -> Iterator[None]:
        """Commit the block's statements together, or roll them all back."""
        connection = self._connection
        with self._guard(action):
            connection.begin()
            try:
                yield
            except BaseException:
                connection.rollback()
                raise
            connection.commit()


def _columns(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    """Rows turned into `width` column lists (for one statement that UNNESTs them)."""
    return [[row[i] for row in rows] for i in range(width)]


def _open_problem(exc: duckdb.Error) -> str:
    message = str(exc)
    if "not a valid DuckDB database file" in message:
        return "not a DuckDB database file"
    if "Could not set lock" in message:
        return "in use by another process (DuckDB lets only one process open a store to write)"
    return _first_line(exc)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _now() -> dt.datetime:
    """The current UTC time, naive, as the TIMESTAMP columns hold it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _detente_version() -> str:
    try:
        return importlib.metadata.version("detente")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
