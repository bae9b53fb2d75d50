"""The store's schema and every SQL statement the store runs: the one place SQL lives.

Tables (schema version 3):

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

`quotes` (migration 2)
    One row per quotation, keyed by (`article_id`, `quote_id`): its span and text, the speaker
    as `speaker_*` actor columns, the reporting `verb` and the `rule` that found the speaker.
    `events.quote_id` names the quotation an event is told in.

`mentions` (migration 3)
    Every actor and place mention of an article: its span (`start`, `end`, `text`, `sentence`),
    the actor it resolved to (`name`, `country`, `igo`, `sector`, `code`, `person`, `role`),
    `place` (named as where, not who) and the `rule` that read it.

`event_records` and `records` (migration 3)
    Deduplication (`detente.store._dedup`): `event_records` gives each asserted event
    (`article_id`, `event_id`) its `record_id` (one row each: the store keeps them unique
    without an index, which would make every re-clustering slow to commit); `records` has one
    row per event record: its family and code (the one most reports give), the dyad
    (`source_key`, `target_key`: a country or `IGO:<name>`, '' for none), the representative
    report's actors, date (`date` as precise as told, `day` its first day), place,
    `article_id`, `event_id` and `evidence_text`, and `n_mentions`, `n_articles`, `n_sources`
    (outlets: an article's `source`, else its URL's host, else the article itself),
    `first_seen` and `last_seen` (the reporting articles' publication dates, else when they
    were stored). Saving articles re-clusters, in the same transaction, their reports, the
    reports of the same blocks (family and dyad) dated within twice the window of theirs, and
    the records any of these belonged to; `Store.dedup` re-clusters everything.

`store_settings` (migration 3)
    Key-value settings of the store: `dedup_window` (days).

Views: `actors` (every actor key with its asserted events and articles) and `places` (every
event place with its country, feature, coordinates and events).

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

MIGRATIONS += (
    Migration(
        3,
        "add the actor mentions, event records (deduplication) and the actors and places views",
        (
            """
            CREATE TABLE mentions (
                article_id VARCHAR NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                sentence INTEGER NOT NULL,
                name VARCHAR,
                country VARCHAR,
                igo VARCHAR,
                sector VARCHAR,
                code VARCHAR,
                person VARCHAR,
                role VARCHAR,
                place BOOLEAN NOT NULL,
                rule VARCHAR NOT NULL,
                run_id INTEGER NOT NULL
            )""",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            """
            CREATE TABLE event_records (
                article_id VARCHAR NOT NULL,
                event_id VARCHAR NOT NULL,
                record_id VARCHAR NOT NULL
            )""",
            """
            CREATE TABLE records (
                record_id VARCHAR NOT NULL,
                root_code VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                code_name VARCHAR NOT NULL,
                goldstein DOUBLE NOT NULL,
                quad_class INTEGER NOT NULL,
                plover_type VARCHAR NOT NULL,
                plover_mode VARCHAR,
                source_key VARCHAR NOT NULL,
                target_key VARCHAR NOT NULL,
                source_country VARCHAR,
                source_igo VARCHAR,
                source_sector VARCHAR,
                source_name VARCHAR,
                target_country VARCHAR,
                target_igo VARCHAR,
                target_sector VARCHAR,
                target_name VARCHAR,
                date VARCHAR,
                date_precision VARCHAR,
                day DATE,
                location_name VARCHAR,
                location_country VARCHAR,
                location_feature VARCHAR,
                location_lat DOUBLE,
                location_lon DOUBLE,
                article_id VARCHAR NOT NULL,
                event_id VARCHAR NOT NULL,
                evidence_text VARCHAR NOT NULL,
                n_mentions INTEGER NOT NULL,
                n_articles INTEGER NOT NULL,
                n_sources INTEGER NOT NULL,
                first_seen TIMESTAMP,
                last_seen TIMESTAMP
            )""",
            """
            CREATE TABLE store_settings (
                key VARCHAR PRIMARY KEY,
                value VARCHAR NOT NULL
            )""",
            """
            CREATE VIEW actors AS
            SELECT key, any_value(country) AS country, any_value(igo) AS igo,
                   count(*) AS n_events, count(DISTINCT article_id) AS n_articles
            FROM (
                SELECT coalesce(source_country, 'IGO:' || source_igo) AS key,
                       source_country AS country, source_igo AS igo, article_id
                FROM events WHERE modality = 'asserted'
                UNION ALL
                SELECT coalesce(target_country, 'IGO:' || target_igo),
                       target_country, target_igo, article_id
                FROM events WHERE modality = 'asserted'
            )
            WHERE key IS NOT NULL
            GROUP BY key""",
            """
            CREATE VIEW places AS
            SELECT location_name AS name, location_country AS country,
                   any_value(location_feature) AS feature, avg(location_lat) AS lat,
                   avg(location_lon) AS lon, count(*) AS n_events
            FROM events
            WHERE modality = 'asserted' AND location_name IS NOT NULL
            GROUP BY location_name, location_country""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
RECORDS_VERSION = 3
"""The migration that adds event records: a store upgraded past it is deduplicated once."""

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
REPORT_COLUMNS: tuple[str, ...] = (*EXPORT_COLUMNS, "record_id")
"""The columns of CSV and Parquet exports of events: `EXPORT_COLUMNS`, then `record_id`."""


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
# Exports of reports name the event record each belongs to (`record_id`, NULL for events that
# are not asserted).
_EVENT_FIELDS = ", ".join(f'e."{name}"' for name in EXPORT_COLUMNS)
_ORDERED = ", ".join(f"e.{name.strip()}" for name in EVENT_ORDER.split(","))

SELECT_EVENTS = (
    f"SELECT {_EVENT_FIELDS}, l.record_id FROM events e"
    " LEFT JOIN event_records l ON l.article_id = e.article_id AND l.event_id = e.event_id"
    " WHERE ($modality::VARCHAR IS NULL OR e.modality = $modality)"
    f" ORDER BY {_ORDERED}"
)

SELECT_EVENTS_FILTERED = (
    f"SELECT {_quoted(EXPORT_COLUMNS)} FROM events"
    " WHERE ($article_id::VARCHAR IS NULL OR article_id = $article_id)"
    " AND ($modality::VARCHAR IS NULL OR modality = $modality)"
    f" ORDER BY {EVENT_ORDER} LIMIT $limit"
)

SELECT_ARTICLE_EVENTS = (
    f"SELECT {_EVENT_FIELDS}, l.record_id FROM events e"
    " LEFT JOIN event_records l ON l.article_id = e.article_id AND l.event_id = e.event_id"
    " WHERE e.article_id = $article_id"
    f" ORDER BY {_ORDERED}"
)

# Parquet: a directory of files partitioned by the event's year and month (`year=2026/
# month=02/`; `year=unknown/month=unknown` for events without a date).
COPY_EVENTS_PARQUET = (
    f"COPY (SELECT *, coalesce(substr(date, 1, 4), 'unknown') AS year,"
    f" coalesce(nullif(substr(date, 6, 2), ''), 'unknown') AS month FROM ({SELECT_EVENTS}))"
    " TO $path (FORMAT PARQUET, PARTITION_BY (year, month))"
)

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

_ARTICLE_TYPES = (
    "VARCHAR",
    "VARCHAR",
    "VARCHAR",
    "DATE",
    "VARCHAR",
    "VARCHAR",
    "VARCHAR",
    "VARCHAR",
    "VARCHAR",
    "INTEGER",
    "INTEGER",
    "TIMESTAMP",
)

# Each column arrives as one list parameter, one statement for a whole batch of articles.
UPSERT_ARTICLES = (
    """
INSERT INTO articles (
    article_id, content_hash, coder_version, published, title, url, source, origin, text,
    n_events, run_id, stored_at
)
SELECT """
    + ", ".join(f"UNNEST(${i}::{t}[])" for i, t in enumerate(_ARTICLE_TYPES, 1))
    + """
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
)

DELETE_EVENTS = "DELETE FROM events WHERE list_contains(?::VARCHAR[], article_id)"

DELETE_QUOTES = "DELETE FROM quotes WHERE list_contains(?::VARCHAR[], article_id)"

INSERT_QUOTES = (
    f"INSERT INTO quotes ({_quoted((*(n for n, _ in QUOTE_COLUMNS), 'run_id'))}) SELECT "
    + ", ".join(f"UNNEST(${i}::{t}[])" for i, (_, t) in enumerate(QUOTE_COLUMNS, 1))
    + f", ${len(QUOTE_COLUMNS) + 1}::INTEGER"
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
    (SELECT max(date) FROM events),
    (SELECT count(*) FROM records)"""

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


# -- deduplication ---------------------------------------------------------------------------

_KEY = "coalesce({0}_country, 'IGO:' || {0}_igo, '')"
SOURCE_KEY = _KEY.format("source")
TARGET_KEY = _KEY.format("target")

_LO = (
    "CASE length({0}date) WHEN 10 THEN try_cast({0}date AS DATE)"
    " WHEN 7 THEN try_cast({0}date || '-01' AS DATE)"
    " WHEN 4 THEN try_cast({0}date || '-01-01' AS DATE) END"
)
_HI = (
    "CASE length({0}date) WHEN 10 THEN try_cast({0}date AS DATE)"
    " WHEN 7 THEN last_day(try_cast({0}date || '-01' AS DATE))"
    " WHEN 4 THEN try_cast({0}date || '-12-31' AS DATE) END"
)

# The days each asserted event of the saved articles covers, with its block (family and
# dyad): what saving them may change. Taken before the old events go and after the new come.
CREATE_RANGES = """
CREATE OR REPLACE TEMP TABLE dedup_ranges (
    root_code VARCHAR, source_key VARCHAR, target_key VARCHAR, lo DATE, hi DATE
)"""

INSERT_RANGES = f"""
INSERT INTO dedup_ranges
SELECT DISTINCT root_code, {SOURCE_KEY}, {TARGET_KEY}, {_LO.format("")}, {_HI.format("")}
FROM events
WHERE list_contains(?::VARCHAR[], article_id) AND modality = 'asserted'"""

CREATE_TOUCHED = """
CREATE OR REPLACE TEMP TABLE dedup_touched AS
SELECT DISTINCT record_id FROM event_records WHERE list_contains(?::VARCHAR[], article_id)"""

_MENTION_COLUMNS = f"""
    e.article_id, e.event_id, e.root_code, e.code, {SOURCE_KEY.replace("source", "e.source")},
    {TARGET_KEY.replace("target", "e.target")}, e.date, e.location_country, e.location_name,
    e.location_feature, e.evidence_text"""

# The reports to cluster again after a save: those of the saved articles and those of the
# same blocks dated within reach of theirs (twice the window, `$reach` days, beyond their
# days), with every other report of the records any of these (or the old reports) belonged
# to. Records elsewhere are not touched.
CREATE_NEAR = f"""
CREATE OR REPLACE TEMP TABLE dedup_near AS
SELECT e.article_id, e.event_id
FROM events e
JOIN dedup_ranges r ON e.root_code = r.root_code
    AND {SOURCE_KEY.replace("source", "e.source")} = r.source_key
    AND {TARGET_KEY.replace("target", "e.target")} = r.target_key
WHERE e.modality = 'asserted'
    AND {_HI.format("e.")} >= r.lo - CAST($reach AS INTEGER)
    AND {_LO.format("e.")} <= r.hi + CAST($reach AS INTEGER)
UNION
SELECT article_id, event_id FROM events
WHERE list_contains($ids::VARCHAR[], article_id) AND modality = 'asserted'"""

CREATE_AFFECTED = """
CREATE OR REPLACE TEMP TABLE dedup_affected AS
SELECT l.record_id FROM event_records l JOIN dedup_near n
    ON n.article_id = l.article_id AND n.event_id = l.event_id
UNION
SELECT record_id FROM dedup_touched"""

AFFECTED_MENTIONS = f"""
SELECT {_MENTION_COLUMNS} FROM events e
WHERE e.modality = 'asserted' AND (
    (e.article_id, e.event_id) IN (SELECT article_id, event_id FROM dedup_near)
    OR (e.article_id, e.event_id) IN (
        SELECT l.article_id, l.event_id FROM event_records l
        JOIN dedup_affected a ON a.record_id = l.record_id
    )
)"""

DELETE_AFFECTED = (
    "DELETE FROM event_records WHERE record_id IN (SELECT record_id FROM dedup_affected)",
    "DELETE FROM records WHERE record_id IN (SELECT record_id FROM dedup_affected)",
)

ALL_MENTIONS = f"SELECT {_MENTION_COLUMNS} FROM events e WHERE e.modality = 'asserted'"

DELETE_ALL_RECORDS = ("DELETE FROM event_records", "DELETE FROM records")

CREATE_REPRESENTATIVES = """
CREATE OR REPLACE TEMP TABLE dedup_representatives (
    record_id VARCHAR, article_id VARCHAR, event_id VARCHAR
)"""

INSERT_REPRESENTATIVES = (
    "INSERT INTO dedup_representatives SELECT UNNEST($1::VARCHAR[]), UNNEST($2::VARCHAR[]),"
    " UNNEST($3::VARCHAR[])"
)

INSERT_LINKS = (
    "INSERT INTO event_records SELECT UNNEST($1::VARCHAR[]), UNNEST($2::VARCHAR[]),"
    " UNNEST($3::VARCHAR[])"
)

_DAY = (
    "CASE length(e.date) WHEN 10 THEN try_cast(e.date AS DATE)"
    " WHEN 7 THEN try_cast(e.date || '-01' AS DATE)"
    " WHEN 4 THEN try_cast(e.date || '-01-01' AS DATE) END"
)
_OUTLET = (
    "coalesce(nullif(a.source, ''), nullif(regexp_extract(a.url, '://([^/]+)', 1), ''),"
    " a.article_id)"
)

INSERT_RECORDS = f"""
INSERT INTO records
SELECT
    r.record_id, e.root_code, e.code, e.code_name, e.goldstein, e.quad_class, e.plover_type,
    e.plover_mode, {SOURCE_KEY.replace("source", "e.source")},
    {TARGET_KEY.replace("target", "e.target")},
    e.source_country, e.source_igo, e.source_sector, e.source_name,
    e.target_country, e.target_igo, e.target_sector, e.target_name,
    e.date, e.date_precision, {_DAY},
    e.location_name, e.location_country, e.location_feature, e.location_lat, e.location_lon,
    e.article_id, e.event_id, e.evidence_text,
    agg.n_mentions, agg.n_articles, agg.n_sources, agg.first_seen, agg.last_seen
FROM dedup_representatives r
JOIN events e ON e.article_id = r.article_id AND e.event_id = r.event_id
JOIN (
    SELECT
        l.record_id,
        count(*) AS n_mentions,
        count(DISTINCT l.article_id) AS n_articles,
        count(DISTINCT {_OUTLET}) AS n_sources,
        min(coalesce(CAST(a.published AS TIMESTAMP), a.stored_at)) AS first_seen,
        max(coalesce(CAST(a.published AS TIMESTAMP), a.stored_at)) AS last_seen
    FROM event_records l
    JOIN dedup_representatives x ON x.record_id = l.record_id
    JOIN articles a ON a.article_id = l.article_id
    GROUP BY l.record_id
) agg ON agg.record_id = r.record_id"""

DELETE_MENTIONS = "DELETE FROM mentions WHERE list_contains(?::VARCHAR[], article_id)"

INSERT_MENTIONS = (
    "INSERT INTO mentions SELECT UNNEST($1::VARCHAR[]), UNNEST($2::INTEGER[]),"
    " UNNEST($3::INTEGER[]), UNNEST($4::VARCHAR[]), UNNEST($5::INTEGER[]),"
    " UNNEST($6::VARCHAR[]), UNNEST($7::VARCHAR[]), UNNEST($8::VARCHAR[]),"
    " UNNEST($9::VARCHAR[]), UNNEST($10::VARCHAR[]), UNNEST($11::VARCHAR[]),"
    " UNNEST($12::VARCHAR[]), UNNEST($13::BOOLEAN[]), UNNEST($14::VARCHAR[]), $15::INTEGER"
)

GET_SETTING = "SELECT value FROM store_settings WHERE key = ?"

PUT_SETTING = """
INSERT INTO store_settings (key, value) VALUES (?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value"""


# -- exports of event records ------------------------------------------------------------------

_FIRST_PARAGRAPH = (
    "CASE WHEN r_e.evidence_start < coalesce(nullif(strpos(a.text, chr(10) || chr(10)), 0),"
    " length(a.text) + 1) THEN 1 ELSE 0 END"
)

SELECT_RECORDS_EXPORT = f"""
SELECT r.*, a.url, {_FIRST_PARAGRAPH} AS root_event, r_e.plover_mode AS mode
FROM records r
JOIN events r_e ON r_e.article_id = r.article_id AND r_e.event_id = r.event_id
JOIN articles a ON a.article_id = r.article_id
ORDER BY r.day NULLS LAST, r.record_id"""


# -- what the web shows of one article or record --------------------------------------------

SELECT_ARTICLE = """
SELECT article_id, title, url, source, published, text, n_events, stored_at
FROM articles WHERE article_id = $article_id"""

SELECT_ARTICLE_MENTIONS = (
    'SELECT start, "end", text, sentence, name, country, igo, sector, code, person, role,'
    ' place, rule FROM mentions WHERE article_id = $article_id ORDER BY start, "end"'
)

SELECT_ACTORS = """
SELECT key, country, igo, n_events, n_articles FROM actors
ORDER BY n_events DESC, key LIMIT $limit"""
