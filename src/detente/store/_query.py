"""The query layer: what analysts ask of a store, for the CLI, the Python API and the web alike.

Every query counts event records (one event however many articles report it) by default, and
report mentions when asked (`mentions=True`). Every value reaches SQL as a parameter. Results
are `Result`s: column names and rows, as a pandas DataFrame with `.df()`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from detente.errors import StoreError
from detente.store._schema import EXPORT_COLUMNS

if TYPE_CHECKING:
    import pandas

Run = Callable[[str, Mapping[str, Any]], "Result"]
"""Runs one query with its parameters (the store's connection)."""

PERIODS = ("day", "week", "month", "year")
DIRECTIONS = ("both", "forward", "backward")
SORTS = ("date", "-date", "articles", "mentions", "goldstein", "-goldstein")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

RECORD_FIELDS = (
    "record_id",
    "date",
    "date_precision",
    "code",
    "root_code",
    "code_name",
    "quad_class",
    "goldstein",
    "source_key",
    "source_name",
    "source_sector",
    "target_key",
    "target_name",
    "target_sector",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "evidence_text",
    "article_id",
    "event_id",
    "n_mentions",
    "n_articles",
    "n_sources",
    "first_seen",
    "last_seen",
)
"""The columns of `events` query results, in order."""

TOP_COLUMNS = (
    "date",
    "source_key",
    "code",
    "code_name",
    "target_key",
    "n_articles",
    "n_mentions",
    "evidence_text",
)
"""The columns `detente query top` shows of each event record."""

RECORD_EXTRAS = ("record_id", "n_mentions", "n_articles", "n_sources", "first_seen", "last_seen")
"""What a record adds to the fields of its representative report."""


@dataclass(frozen=True, slots=True)
class Result:
    """A query's answer: column names and rows."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def records(self) -> Iterator[dict[str, Any]]:
        return (dict(zip(self.columns, row, strict=True)) for row in self.rows)

    def df(self) -> pandas.DataFrame:
        import pandas

        return pandas.DataFrame(self.rows, columns=list(self.columns))

    def __len__(self) -> int:
        return len(self.rows)

    def select(self, columns: Sequence[str]) -> Result:
        """The same rows with only `columns`, in that order."""
        at = [self.columns.index(c) for c in columns]
        return Result(tuple(columns), [tuple(row[i] for i in at) for row in self.rows])


def _weight(mentions: bool) -> str:
    return "n_mentions" if mentions else "1"


def _quad_sums(weight: str) -> str:
    return ", ".join(
        f"sum(CASE WHEN quad_class = {n} THEN {weight} ELSE 0 END)::BIGINT AS {name}"
        for n, name in enumerate(QUADS, 1)
    )


def _period(
    start: dt.date | None, end: dt.date | None, where: list[str], params: dict[str, Any]
) -> None:
    if start is not None:
        where.append("day >= $start")
        params["start"] = start
    if end is not None:
        where.append("day <= $end")
        params["end"] = end
    if start is not None and end is not None and start > end:
        raise StoreError(f"the period starts ({start}) after it ends ({end})")


def actor_key(actor: str) -> str:
    """An actor as the store keys it: a country's ISO3 code upper-cased, else `IGO:NAME`
    ("WHO" and "IMF" are organisations, "irn" is Iran)."""
    text = actor.strip()
    if not text:
        raise StoreError("an actor is an ISO3 code or an organisation (IGO:NAME or NAME)")
    if text.upper().startswith("IGO:"):
        return "IGO:" + text[4:].upper()
    if text.upper() in _countries():
        return text.upper()
    return "IGO:" + text.upper()


@functools.cache
def _countries() -> frozenset[str]:
    from detente.actors.dictionary import default_dictionary

    return frozenset(c.iso3 for c in default_dictionary().countries)


def _like(text: str) -> str:
    """`text` for ILIKE, its own % and _ meaning themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def dyad(
    run: Run,
    a: str,
    b: str,
    *,
    by: str = "month",
    direction: str = "both",
    mentions: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Result:
    """Relations between `a` and `b` over time: per period, the records (or mentions) of each
    quad class, their number, and the Goldstein sum and mean."""
    if by not in PERIODS:
        raise StoreError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    if direction not in DIRECTIONS:
        raise StoreError(f"the direction must be one of {', '.join(DIRECTIONS)}")
    params: dict[str, Any] = {"a": actor_key(a), "b": actor_key(b), "by": by}
    pairs = {
        "forward": "(source_key = $a AND target_key = $b)",
        "backward": "(source_key = $b AND target_key = $a)",
    }
    chosen = list(pairs.values()) if direction == "both" else [pairs[direction]]
    return _series(run, ["(" + " OR ".join(chosen) + ")"], params, mentions, start, end)


def timeline(
    run: Run,
    *,
    by: str = "month",
    mentions: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Result:
    """Every event record over time: per period, the records (or mentions) of each quad
    class, their number, and the Goldstein sum and mean: cooperation against conflict."""
    if by not in PERIODS:
        raise StoreError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    return _series(run, [], {"by": by}, mentions, start, end)


def _series(
    run: Run,
    where: list[str],
    params: dict[str, Any],
    mentions: bool,
    start: dt.date | None,
    end: dt.date | None,
) -> Result:
    """Dated records matching `where`, per period (`$by`): records (or mentions) of each quad
    class, their number, the Goldstein sum and mean."""
    where = ["day IS NOT NULL", *where]
    _period(start, end, where, params)
    weight = _weight(mentions)
    query = f"""
        SELECT CAST(date_trunc($by, day) AS DATE) AS period,
               sum({weight})::BIGINT AS n, {_quad_sums(weight)},
               sum(goldstein * {weight}) AS goldstein_sum,
               sum(goldstein * {weight}) / sum({weight}) AS goldstein_mean
        FROM records WHERE {" AND ".join(where)}
        GROUP BY period ORDER BY period"""
    return run(query, params)


def network(
    run: Run,
    *,
    mentions: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    min_weight: int = 1,
    limit: int | None = None,
) -> Result:
    """The actor network of a period: an edge per directed pair of actors, weighted by its
    records (or mentions), with the weight of each quad class and the mean Goldstein score."""
    params: dict[str, Any] = {"min": min_weight}
    where = ["source_key <> ''", "target_key <> ''", "source_key <> target_key"]
    _period(start, end, where, params)
    weight = _weight(mentions)
    query = f"""
        SELECT source_key AS source, target_key AS target, sum({weight})::BIGINT AS weight,
               {_quad_sums(weight)},
               sum(goldstein * {weight}) / sum({weight}) AS goldstein_mean
        FROM records WHERE {" AND ".join(where)}
        GROUP BY source_key, target_key HAVING sum({weight}) >= $min
        ORDER BY weight DESC, source, target"""
    if limit is not None:
        query += " LIMIT $limit"
        params["limit"] = limit
    return run(query, params)


def events(
    run: Run,
    *,
    actor: str | None = None,
    code: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    place: str | None = None,
    text: str | None = None,
    article: str | None = None,
    record: str | None = None,
    sort: str = "date",
    limit: int | None = 100,
    offset: int = 0,
    full: bool = False,
) -> Result:
    """Event records matching every filter given: an actor on either side, a code or its
    prefix ("19" for every use of force), a period, a place (name or ISO3 country), words in
    the evidence of any report, an article reporting it. With `full`, each row is the
    representative report's `EXPORT_COLUMNS` followed by `RECORD_EXTRAS`."""
    if sort not in SORTS:
        raise StoreError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if (limit is not None and limit < 0) or offset < 0:
        raise StoreError("limit and offset must be 0 or more")
    params: dict[str, Any] = {}
    where = ["TRUE"]
    if actor:
        params["actor"] = actor_key(actor)
        where.append("(source_key = $actor OR target_key = $actor)")
    if code:
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise StoreError(f"a CAMEO code is 2 to 4 digits, not {code!r}")
        params["code"] = code
        where.append("starts_with(code, $code)")
    _period(start, end, where, params)
    if place:
        params["place"] = place
        where.append(
            "(location_country = upper($place) OR location_name ILIKE $like_place ESCAPE '\\')"
        )
        params["like_place"] = _like(place)
    if text:
        params["text"] = f"%{_like(text)}%"
        where.append(
            "record_id IN (SELECT l.record_id FROM event_records l JOIN events e"
            " ON e.article_id = l.article_id AND e.event_id = l.event_id"
            " WHERE e.evidence_text ILIKE $text ESCAPE '\\')"
        )
    if record:
        params["record"] = record
        where.append("record_id = $record")
    if article:
        params["article"] = article
        where.append(
            "record_id IN (SELECT record_id FROM event_records WHERE article_id = $article)"
        )
    order = {
        "date": "day NULLS LAST, record_id",
        "-date": "day DESC NULLS LAST, record_id",
        "articles": "n_articles DESC, n_mentions DESC, day DESC, record_id",
        "mentions": "n_mentions DESC, day DESC, record_id",
        "goldstein": "goldstein, day, record_id",
        "-goldstein": "goldstein DESC, day, record_id",
    }[sort]
    fields = "*" if full else ", ".join(RECORD_FIELDS)
    query = f"SELECT {fields} FROM records WHERE {' AND '.join(where)} ORDER BY {order}"
    if limit is not None:
        query += " LIMIT $limit"
        params["limit"] = limit
    if offset:
        query += " OFFSET $offset"
        params["offset"] = offset
    if full:
        # the representative report's every field, then the record's counts, in that order
        columns = ", ".join(f'e."{c}"' for c in EXPORT_COLUMNS)
        extras = ", ".join(f"r.{c}" for c in RECORD_EXTRAS)
        query = (
            f"SELECT {columns}, {extras} FROM (SELECT *, row_number() OVER (ORDER BY {order})"
            f" AS ordinal FROM ({query})) r JOIN events e"
            " ON e.article_id = r.article_id AND e.event_id = r.event_id ORDER BY r.ordinal"
        )
    return run(query, params)


def record_mentions(run: Run, record_id: str) -> Result:
    """Every stored report of one event record, as export columns, by article."""
    columns = ", ".join(f'e."{c}"' for c in EXPORT_COLUMNS)
    query = (
        f"SELECT {columns} FROM event_records l JOIN events e"
        " ON e.article_id = l.article_id AND e.event_id = l.event_id"
        " WHERE l.record_id = $record ORDER BY e.article_id, e.trigger_start"
    )
    return run(query, {"record": record_id})


def places(
    run: Run,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    code: str | None = None,
    mentions: bool = False,
    limit: int = 1000,
) -> Result:
    """Where events happened: each place with its country, coordinates and event records (or
    mentions) of a period and of a code or family, busiest first."""
    params: dict[str, Any] = {"limit": limit}
    where = ["location_name IS NOT NULL"]
    _period(start, end, where, params)
    if code:
        if not code.isdigit() or not 2 <= len(code) <= 4:
            raise StoreError(f"a CAMEO code is 2 to 4 digits, not {code!r}")
        params["code"] = code
        where.append("starts_with(code, $code)")
    weight = _weight(mentions)
    query = f"""
        SELECT location_name AS name, location_country AS country,
               any_value(location_feature) AS feature, avg(location_lat) AS lat,
               avg(location_lon) AS lon, sum({weight})::BIGINT AS n_events,
               {_quad_sums(weight)}
        FROM records WHERE {" AND ".join(where)}
        GROUP BY location_name, location_country
        ORDER BY n_events DESC, name LIMIT $limit"""
    return run(query, params)


def top_events(
    run: Run, *, start: dt.date | None = None, end: dt.date | None = None, limit: int = 10
) -> Result:
    """The most reported event records of a period (by articles, then mentions)."""
    return events(run, start=start, end=end, sort="articles", limit=limit)


def top_actors(
    run: Run,
    *,
    mentions: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = 10,
) -> Result:
    """The actors in most event records of a period, as source or target, with how many of
    those are cooperation and how many conflict."""
    params: dict[str, Any] = {"limit": limit}
    where: list[str] = ["TRUE"]
    _period(start, end, where, params)
    weight = _weight(mentions)
    query = f"""
        SELECT actor, sum({weight})::BIGINT AS n,
               sum(CASE WHEN quad_class <= 2 THEN {weight} ELSE 0 END)::BIGINT AS cooperation,
               sum(CASE WHEN quad_class >= 3 THEN {weight} ELSE 0 END)::BIGINT AS conflict
        FROM (
            SELECT source_key AS actor, quad_class, n_mentions, day FROM records
            WHERE {" AND ".join(where)}
            UNION ALL
            SELECT target_key, quad_class, n_mentions, day FROM records
            WHERE {" AND ".join(where)} AND target_key <> source_key
        )
        WHERE actor <> ''
        GROUP BY actor ORDER BY n DESC, actor LIMIT $limit"""
    return run(query, params)


def as_result(columns: Sequence[str], rows: list[tuple[Any, ...]]) -> Result:
    return Result(tuple(columns), rows)
