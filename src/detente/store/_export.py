"""Writers for the export formats; Parquet is written by DuckDB itself (`COPY`).

Reports (one row per stored event): `jsonl` (our `event_record` with its `record_id`), `csv` and
`parquet` (`REPORT_COLUMNS`). Event records (one row per event however often reported):
`gdelt` (GDELT 2.0's event table, `GDELT_COLUMNS`) and `plover` (POLECAT-style JSON lines).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from detente.store._schema import REPORT_COLUMNS

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")

_ACTOR: tuple[str, ...] = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode")
_ACTOR += ("Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""GDELT 2.0's 61 event columns, in its order (see the README for how ours fill them)."""

_CITY = frozenset({"city", "capital", "town"})
_STATE = frozenset({"state", "province", "region", "territory"})


def write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """One record per line; returns the number of lines."""
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False, default=str))
        stream.write("\n")
        count += 1
    return count


def write_csv(
    rows: Iterable[Sequence[Any]],
    stream: TextIO,
    columns: Sequence[str] = REPORT_COLUMNS,
    delimiter: str = ",",
) -> int:
    """A header of `columns`, then one line per row (NULL as an empty field)."""
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def gdelt_row(record: Mapping[str, Any]) -> list[Any]:
    """One event record as a row of `GDELT_COLUMNS`."""
    day: dt.date | None = record["day"]
    added: dt.datetime | None = record["first_seen"]
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    row["GlobalEventID"] = record["record_id"]
    if day is not None:
        row["Day"] = day.strftime("%Y%m%d")
        row["MonthYear"] = day.strftime("%Y%m")
        row["Year"] = day.year
        row["FractionDate"] = round(day.year + (day.timetuple().tm_yday - 1) / 365, 4)
    for n, role in ((1, "source"), (2, "target")):
        country, igo, sector = (record[f"{role}_{f}"] for f in ("country", "igo", "sector"))
        if not (country or igo):
            continue
        row[f"Actor{n}Code"] = f"{country or ''}{igo or ''}{sector or ''}"
        row[f"Actor{n}Name"] = record[f"{role}_name"]
        row[f"Actor{n}CountryCode"] = country
        row[f"Actor{n}KnownGroupCode"] = igo
        row[f"Actor{n}Type1Code"] = sector
    row["IsRootEvent"] = record["root_event"]
    row["EventCode"] = record["code"]
    row["EventBaseCode"] = record["code"][:3]
    row["EventRootCode"] = record["root_code"]
    row["QuadClass"] = record["quad_class"]
    row["GoldsteinScale"] = record["goldstein"]
    row["NumMentions"] = record["n_mentions"]
    row["NumSources"] = record["n_sources"]
    row["NumArticles"] = record["n_articles"]
    if record["location_name"]:
        row["ActionGeo_Type"] = _geo_type(record)
        row["ActionGeo_FullName"] = record["location_name"]
        row["ActionGeo_CountryCode"] = record["location_country"]
        row["ActionGeo_Lat"] = record["location_lat"]
        row["ActionGeo_Long"] = record["location_lon"]
    if added is not None:
        row["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    row["SOURCEURL"] = record["url"] or record["article_id"]
    return [row[c] for c in GDELT_COLUMNS]


def _geo_type(record: Mapping[str, Any]) -> int | None:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 city, 5 state."""
    feature, us = record["location_feature"], record["location_country"] == "USA"
    if feature == "country":
        return 1
    if feature in _CITY:
        return 3 if us else 4
    if feature in _STATE:
        return 2 if us else 5
    return None


def plover_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """One event record in the shape of PLOVER/POLECAT event data."""

    def actors(role: str) -> list[dict[str, Any]]:
        if not (record[f"{role}_country"] or record[f"{role}_igo"]):
            return []
        return [
            {
                "name": record[f"{role}_name"],
                "country": record[f"{role}_country"],
                "igo": record[f"{role}_igo"],
                "sector": record[f"{role}_sector"],
            }
        ]

    location = None
    if record["location_name"]:
        location = {
            "name": record["location_name"],
            "country": record["location_country"],
            "lat": record["location_lat"],
            "lon": record["location_lon"],
        }
    return {
        "event_id": record["record_id"],
        "event_date": record["date"],
        "event_type": record["plover_type"],
        "mode": record["mode"],
        "context": [],
        "actor": actors("source"),
        "recipient": actors("target"),
        "location": location,
        "cameo_code": record["code"],
        "goldstein": record["goldstein"],
        "quad_class": record["quad_class"],
        "num_mentions": record["n_mentions"],
        "num_articles": record["n_articles"],
        "num_sources": record["n_sources"],
        "evidence": record["evidence_text"],
        "article_id": record["article_id"],
        "url": record["url"],
    }
