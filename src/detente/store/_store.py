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
from detente.store import _schema as sql
from detente.store._export import FORMATS, write_csv, write_jsonl
from detente.store._records import flat_event, flat_quote, nested_quote, nested_record

_BATCH = 1000
"""Rows fetched at a time when streaming events out."""


@dataclass(frozen=True, slots=True)
class StoreStats:
    """What a store holds, at a glance."""

    articles: int
    events: int
    runs: int
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
        self._check_writable("save an article")
        article = document.article
        strays = [event.event_id for event in document.events if event.article_id != article.id]
        if strays:
            raise StoreError(
                f"{self._path}: cannot save article {article.id!r}: "
                f"events {', '.join(strays[:3])} belong to another article"
            )
        rows = [flat_event(event) for event in document.events]
        connection = self._connection
        with self._transaction(f"cannot save article {article.id!r}"):
            connection.execute(
                sql.UPSERT_ARTICLE,
                [
                    article.id,
                    article.content_hash,
                    coder_version,
                    article.published,
                    article.title,
                    article.url,
                    article.source,
                    article.origin,
                    article.text,
                    len(rows),
                    run_id,
                    _now(),
                ],
            )
            connection.execute(sql.DELETE_EVENTS, [article.id])
            self._insert_events(rows, run_id)
            connection.execute(sql.DELETE_QUOTES, [article.id])
            for quote in document.quotes:
                connection.execute(sql.INSERT_QUOTE, [*flat_quote(article.id, quote), run_id])
        return len(rows)

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
        articles, events, runs, first_date, last_date = counts
        return StoreStats(
            articles=articles,
            events=events,
            runs=runs,
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
        """Write the events as `jsonl`, `csv` or `parquet` to `output` or `stream`; returns rows.

        Parquet needs a path; JSONL and CSV go to `stream` when there is no `output`.
        `modality` None exports every event; by default only asserted ones.
        """
        if fmt not in FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if output is not None and stream is not None:
            raise StoreError("export to an output path or to a stream, not both")
        if fmt == "parquet":
            if output is None:
                raise StoreError("parquet export needs an output path, not a stream")
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
        if fmt == "jsonl":
            return write_jsonl(self.event_records(modality=modality), stream)
        return write_csv(self._stream(sql.SELECT_EVENTS, {"modality": modality}), stream)

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
