"""The store's schema and every SQL statement the store runs: the one place SQL lives.

Tables (schema version 1):

`schema_migrations`
    One row per migration applied: `version`, `name`, `applied` (UTC). Opening a store applies
    the numbered `MIGRATIONS` it lacks, in order, each in its own transaction.

`runs`
    One row per ingest run: `run_id` (from the `run_ids` sequence), `command`, `started` and
    `finished` (UTC), `detente_version`, `settings` (JSON; values that are not JSON types are
    recorded as their `str()`), and the run's counts `articles`, `skipped`, `failed`, `events`
    (NULL until the run finishes).

`articles`
    One row per article id, the latest version stored: `article_id` (primary key),
    `content_hash` and `coder_version` (together they tell whether re-coding the article would
    change anything), `published` (DATE), `title`, `url`, `source`, `origin`, `text`,
    `n_events`, the `run_id` that stored it and `stored_at` (UTC).

`events`
    One row per event, keyed by (`article_id`, `event_id`): the flat form of
    `detente.serialize.event_record`, in `EVENT_COLUMNS` order, then `run_id`. Nested objects
    become prefixed columns: `source.span.start` is `source_start`, `evidence.text` is
    `evidence_text`, `provenance.coder` is `coder`; an absent source, target or location
    leaves all of its columns NULL. `date` is the ISO date as precise as the text said
    (`2026-02-06`, `2026-02`, `2026`), hence VARCHAR. CSV and Parquet exports carry exactly
    `EVENT_COLUMNS`.

There are no foreign keys: DuckDB refuses to update a parent row that child rows reference, and
re-saving an article upserts its row while its old events are still there. `Store.save`
keeps the tables consistent by writing an article and its events in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered step of the schema; once released, its statements never change."""

    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS_TABLE = "schema_migrations"

CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied TIMESTAMP NOT NULL
)"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "create runs, articles and events",
        (
            "CREATE SEQUENCE run_ids START 1",
            """
            CREATE TABLE runs (
                run_id INTEGER PRIMARY KEY DEFAULT nextval('run_ids'),
                command VARCHAR NOT NULL,
                started TIMESTAMP NOT NULL,
                finished TIMESTAMP,
                detente_version VARCHAR NOT NULL,
                settings JSON NOT NULL,
                articles INTEGER,
                skipped INTEGER,
                failed INTEGER,
                events INTEGER
            )""",
            """
            CREATE TABLE articles (
                article_id VARCHAR PRIMARY KEY,
                content_hash VARCHAR NOT NULL,
                coder_version VARCHAR NOT NULL,
                published DATE,
                title VARCHAR,
                url VARCHAR,
                source VARCHAR,
                origin VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                n_events INTEGER NOT NULL,
                run_id INTEGER NOT NULL,
                stored_at TIMESTAMP NOT NULL
            )""",
            """
            CREATE TABLE events (
                event_id VARCHAR NOT NULL,
                article_id VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                root_code VARCHAR NOT NULL,
                code_name VARCHAR NOT NULL,
                goldstein DOUBLE NOT NULL,
                quad_class INTEGER NOT NULL,
                plover_type VARCHAR NOT NULL,
                plover_mode VARCHAR,
                source_name VARCHAR,
                source_country VARCHAR,
                source_igo VARCHAR,
                source_sector VARCHAR,
                source_code VARCHAR,
                source_person VARCHAR,
                source_role VARCHAR,
                source_text VARCHAR,
                source_start INTEGER,
                source_end INTEGER,
                source_rule VARCHAR,
                target_name VARCHAR,
                target_country VARCHAR,
                target_igo VARCHAR,
                target_sector VARCHAR,
                target_code VARCHAR,
                target_person VARCHAR,
                target_role VARCHAR,
                target_text VARCHAR,
                target_start INTEGER,
                target_end INTEGER,
                target_rule VARCHAR,
                evidence_start INTEGER NOT NULL,
                evidence_end INTEGER NOT NULL,
                evidence_text VARCHAR NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                trigger_text VARCHAR NOT NULL,
                date VARCHAR,
                date_precision VARCHAR,
                date_method VARCHAR NOT NULL,
                location_name VARCHAR,
                location_country VARCHAR,
                location_admin1 VARCHAR,
                location_lat DOUBLE,
                location_lon DOUBLE,
                location_feature VARCHAR,
                location_method VARCHAR,
                modality VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                coder VARCHAR NOT NULL,
                rule VARCHAR NOT NULL,
                run_id INTEGER NOT NULL,
                PRIMARY KEY (article_id, event_id)
            )""",
            "CREATE INDEX events_article ON events (article_id)",
        ),
    ),
    Migration(
        2,
        "add quotes, and the quote each event is told in",
        (
            "ALTER TABLE events ADD COLUMN quote_id VARCHAR",
            """
            CREATE TABLE quotes (
                article_id VARCHAR NOT NULL,
                quote_id VARCHAR NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                speaker_name VARCHAR,
                speaker_country VARCHAR,
                speaker_igo VARCHAR,
                speaker_sector VARCHAR,
                speaker_code VARCHAR,
                speaker_person VARCHAR,
                speaker_role VARCHAR,
                speaker_text VARCHAR,
                speaker_start INTEGER,
                speaker_end INTEGER,
                speaker_rule VARCHAR,
                verb VARCHAR,
                rule VARCHAR NOT NULL,
                run_id INTEGER NOT NULL,
                PRIMARY KEY (article_id, quote_id)
            )""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version

ACTOR_FIELDS = (
    "name",
    "country",
    "igo",
    "sector",
    "code",
    "person",
    "role",
    "text",
    "start",
    "end",
    "rule",
)
"""The columns of `source_*` and `target_*`, in order (`start`/`end` hold the mention's span)."""

PLACE_FIELDS = ("name", "country", "admin1", "lat", "lon", "feature", "method")
"""The columns of `location_*`, in order."""

_INT = "INTEGER"
_REAL = "DOUBLE"
_TEXT = "VARCHAR"


def _actor_columns(role: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (f"{role}_{field}", _INT if field in ("start", "end") else _TEXT) for field in ACTOR_FIELDS
    )


EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", _TEXT),
    ("article_id", _TEXT),
    ("code", _TEXT),
    ("root_code", _TEXT),
    ("code_name", _TEXT),
    ("goldstein", _REAL),
    ("quad_class", _INT),
    ("plover_type", _TEXT),
    ("plover_mode", _TEXT),
    *_actor_columns("source"),
    *_actor_columns("target"),
    ("evidence_start", _INT),
    ("evidence_end", _INT),
    ("evidence_text", _TEXT),
    ("trigger_start", _INT),
    ("trigger_end", _INT),
    ("trigger_text", _TEXT),
    ("date", _TEXT),
    ("date_precision", _TEXT),
    ("date_method", _TEXT),
    *((f"location_{field}", _REAL if field in ("lat", "lon") else _TEXT) for field in PLACE_FIELDS),
    ("modality", _TEXT),
    ("confidence", _REAL),
    ("coder", _TEXT),
    ("rule", _TEXT),
    ("quote_id", _TEXT),
)
"""The exported columns of `events` with their SQL types: the table's columns minus `run_id`
(`quote_id`, added by migration 2, stands after `run_id` in the table)."""

QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", _TEXT),
    ("quote_id", _TEXT),
    ("start", _INT),
    ("end", _INT),
    ("text", _TEXT),
    *_actor_columns("speaker"),
    ("verb", _TEXT),
    ("rule", _TEXT),
)
"""The exported columns of `quotes`: the table's columns minus `run_id`."""

EXPORT_COLUMNS: tuple[str, ...] = tuple(name for name, _ in EVENT_COLUMNS)


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in names)


# Each column arrives as one list parameter; UNNEST zips them back into rows, so a whole
# article's events go in with one statement instead of one round trip per row.
INSERT_EVENTS = (
    f"INSERT INTO events ({_quoted((*EXPORT_COLUMNS, 'run_id'))}) SELECT "
    + ", ".join(f"UNNEST(${i}::{sql_type}[])" for i, (_, sql_type) in enumerate(EVENT_COLUMNS, 1))
    + f", ${len(EVENT_COLUMNS) + 1}::INTEGER"
)

EVENT_ORDER = "article_id, evidence_start, trigger_start, event_id"

# `$modality` NULL selects every event; 'asserted' leaves out negated and hypothetical ones.
SELECT_EVENTS = (
    f"SELECT {_quoted(EXPORT_COLUMNS)} FROM events"
    " WHERE ($modality::VARCHAR IS NULL OR modality = $modality)"
    f" ORDER BY {EVENT_ORDER}"
)

SELECT_EVENTS_FILTERED = (
    f"SELECT {_quoted(EXPORT_COLUMNS)} FROM events"
    " WHERE ($article_id::VARCHAR IS NULL OR article_id = $article_id)"
    " AND ($modality::VARCHAR IS NULL OR modality = $modality)"
    f" ORDER BY {EVENT_ORDER} LIMIT $limit"
)

COPY_EVENTS_PARQUET = f"COPY ({SELECT_EVENTS}) TO $path (FORMAT PARQUET)"

LIST_TABLES = "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"

APPLIED_VERSION = "SELECT coalesce(max(version), 0) FROM schema_migrations"

RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)"

INSERT_RUN = """
INSERT INTO runs (command, started, detente_version, settings)
VALUES (?, ?, ?, ?)
RETURNING run_id"""

FINISH_RUN = """
UPDATE runs
SET finished = ?, articles = ?, skipped = ?, failed = ?, events = ?
WHERE run_id = ?
RETURNING run_id"""

IS_CURRENT = """
SELECT count(*) FROM articles
WHERE article_id = ? AND content_hash = ? AND coder_version = ?"""

UPSERT_ARTICLE = """
INSERT INTO articles (
    article_id, content_hash, coder_version, published, title, url, source, origin, text,
    n_events, run_id, stored_at
)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (article_id) DO UPDATE SET
    content_hash = excluded.content_hash,
    coder_version = excluded.coder_version,
    published = excluded.published,
    title = excluded.title,
    url = excluded.url,
    source = excluded.source,
    origin = excluded.origin,
    text = excluded.text,
    n_events = excluded.n_events,
    run_id = excluded.run_id,
    stored_at = excluded.stored_at"""

DELETE_EVENTS = "DELETE FROM events WHERE article_id = ?"

DELETE_QUOTES = "DELETE FROM quotes WHERE article_id = ?"

INSERT_QUOTE = (
    f"INSERT INTO quotes ({_quoted((*(n for n, _ in QUOTE_COLUMNS), 'run_id'))}) VALUES ("
    + ", ".join("?" for _ in range(len(QUOTE_COLUMNS) + 1))
    + ")"
)

SELECT_QUOTES = (
    f"SELECT {_quoted(tuple(n for n, _ in QUOTE_COLUMNS))} FROM quotes"
    " WHERE ($article_id::VARCHAR IS NULL OR article_id = $article_id)"
    " ORDER BY article_id, start"
)

COUNTS = """
SELECT
    (SELECT count(*) FROM articles),
    (SELECT count(*) FROM events),
    (SELECT count(*) FROM runs),
    (SELECT min(date) FROM events),
    (SELECT max(date) FROM events)"""

EVENTS_BY_ROOT = "SELECT root_code, count(*) FROM events GROUP BY root_code ORDER BY root_code"

EVENTS_BY_QUAD = "SELECT quad_class, count(*) FROM events GROUP BY quad_class ORDER BY quad_class"

# The same keys as `Actor.key`: the country, else `IGO:<igo>`; events missing either side are
# not dyads.
TOP_DYADS = """
SELECT source_key, target_key, count(*) AS n
FROM (
    SELECT
        coalesce(source_country, 'IGO:' || source_igo) AS source_key,
        coalesce(target_country, 'IGO:' || target_igo) AS target_key
    FROM events
)
WHERE source_key IS NOT NULL AND target_key IS NOT NULL
GROUP BY source_key, target_key
ORDER BY n DESC, source_key, target_key
LIMIT ?"""
