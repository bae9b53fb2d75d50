"""The event store at scale: a synthetic store of 1,000,000 event mentions, timed.

    .venv/bin/python benchmarks/store.py [--mentions N] [--db PATH] [--batch N] [--json]

Generates articles from templates of our own (no corpus, no parser): each reports a few of a
pool of "true" events (a family, a dyad, a day, a place), most events reported by one to six
articles from different outlets, with their own wording. Then it times, on this machine:

1. ingestion: `Store.save_many` a batch of articles at a time, each batch one transaction that
   also re-clusters the event records of the blocks it touches (the real ingest path);
2. dedup: `Store.dedup()`, every mention clustered again from scratch;
3. the queries of the query layer (best of 3 runs each): the dyad series by day, week and
   month, the network of a year, event records by actor, by code prefix and period, by place,
   by free text, the top events and actors of a month.

Prints the counts (mentions, articles, event records), the seconds of each step and whether the
targets hold (each query under 1 s, dedup under 2 minutes). It is a script, not a test: the
numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from detente.coding.ontology import default_ontology
from detente.model import (
    Actor,
    Article,
    Document,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Provenance,
    TextSpan,
)
from detente.store import Store

COUNTRIES = [
    "USA",
    "RUS",
    "CHN",
    "IRN",
    "ISR",
    "UKR",
    "TUR",
    "SYR",
    "IRQ",
    "SAU",
    "ARE",
    "EGY",
    "IND",
    "PAK",
    "AFG",
    "GBR",
    "FRA",
    "DEU",
    "JPN",
    "KOR",
    "PRK",
    "VEN",
    "COL",
    "BRA",
    "MEX",
    "NGA",
    "ETH",
    "SDN",
    "SSD",
    "SOM",
    "KEN",
    "LBY",
    "YEM",
    "LBN",
    "PSE",
    "AZE",
    "ARM",
    "GEO",
    "BLR",
    "POL",
]
IGOS = ("UN", "EU", "NATO", "AU", "IAEA")
SECTORS = ("GOV", "MIL", "COP", "REB", "CVL")
CODES = ("010", "020", "036", "040", "042", "043", "051", "057", "061", "071", "111", "112")
CODES += ("120", "130", "138", "141", "163", "173", "190", "193", "195", "1823")
CITIES = ("the capital", "the north", "the south", "the border", "the coast", "the port")
VERBS = {
    "01": "issued a statement on",
    "02": "appealed to",
    "03": "said it was ready to meet",
    "04": "held talks with",
    "05": "praised",
    "06": "signed an agreement with",
    "07": "sent aid to",
    "11": "criticised",
    "12": "rejected a proposal by",
    "13": "threatened",
    "14": "protested against",
    "16": "imposed sanctions on",
    "17": "arrested members of",
    "18": "attacked",
    "19": "shelled positions of",
}
OUTLETS = [f"outlet-{n:02d}" for n in range(40)]
START = dt.date(2024, 1, 1)
DAYS = 730


def actor(key: str, sector: str) -> Actor:
    if key in IGOS:
        return Actor(key, igo=key, sector="GOV")
    return Actor(key, country=key, sector=sector)


def true_events(n: int, rng: random.Random) -> list[tuple[Any, ...]]:
    """(code, source, source sector, target, target sector, day, place) of `n` events; a few
    dyads are far busier than the rest, as in the news."""
    busy = [(a, b) for a in COUNTRIES[:8] for b in COUNTRIES[:8] if a != b]
    found = []
    for _ in range(n):
        if rng.random() < 0.5:
            source, target = rng.choice(busy)
        else:
            source = rng.choice(COUNTRIES + list(IGOS))
            target = rng.choice([c for c in COUNTRIES if c != source])
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        place = rng.choice(CITIES) if rng.random() < 0.6 else None
        found.append(
            (
                rng.choice(CODES),
                source,
                rng.choice(SECTORS),
                target,
                rng.choice(SECTORS),
                day,
                place,
            )
        )
    return found


def documents(mentions: int, per_article: int, rng: random.Random) -> Iterator[Document]:
    """Articles of about `per_article` events each until `mentions` events are made."""
    ontology = default_ontology()
    pool = true_events(max(1, mentions // 3), rng)
    made, number = 0, 0
    while made < mentions:
        number += 1
        reports = [rng.choice(pool) for _ in range(min(per_article, mentions - made))]
        published = max(r[5] for r in reports) + dt.timedelta(days=rng.randrange(3))
        sentences, events = [], []
        offset = 0
        for n, (code, source, s_sector, target, t_sector, day, place) in enumerate(reports):
            # an outlet may date the event a day off, and words it its own way
            said_day = day + dt.timedelta(days=rng.choice((0, 0, 0, 1, -1)))
            where = f" in {place}" if place else ""
            sentence = (
                f"Officials of {source} {VERBS[code[:2]]} {target}{where} on "
                f"{said_day:%B %d}, according to report {number}-{n}."
            )
            sentences.append(sentence)
            cameo = ontology.get(code)
            trigger = TextSpan(offset + 13 + len(source), offset + 20 + len(source), "verb")
            src = actor(source, s_sector)
            tgt = actor(target, t_sector)
            events.append(
                Event(
                    article_id=f"a{number}",
                    event_id=f"a{number}-{n}",
                    cameo=cameo,
                    source=Mention(offset + 13, offset + 16, source, 0, 1, 0, n, src, "bench"),
                    target=Mention(offset + 20, offset + 23, target, 0, 1, 0, n, tgt, "bench"),
                    evidence=TextSpan(offset, offset + len(sentence), sentence),
                    trigger=trigger,
                    sentence=n,
                    date=EventDate(said_day.isoformat(), "day", "relative"),
                    location=Place(
                        place,
                        source if source not in IGOS else target,
                        None,
                        None,
                        None,
                        "city",
                        "trigger-phrase",
                    )
                    if place
                    else None,
                    modality=Modality.ASSERTED,
                    confidence=0.8,
                    provenance=Provenance("patterns", "bench"),
                )
            )
            offset += len(sentence) + 1
        made += len(events)
        text = " ".join(sentences)
        article = Article(
            f"a{number}",
            text,
            published=published,
            source=rng.choice(OUTLETS),
            origin="benchmarks/store.py",
        )
        yield Document(article, events=tuple(events))


def timed(function: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=8)
    parser.add_argument("--batch", type=int, default=2000, help="articles per transaction")
    parser.add_argument("--db", type=Path, help="the store to build (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "bench.duckdb"
    if db.exists():
        print(f"{db}: exists; give a new path", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    out: dict[str, Any] = {"mentions_asked": args.mentions}
    with Store.open(db) as store:
        run = store.begin_run(command="benchmarks/store.py", settings=vars(args))
        start = time.perf_counter()
        batch: list[Document] = []
        articles = 0
        for doc in documents(args.mentions, args.per_article, rng):
            batch.append(doc)
            if len(batch) >= args.batch:
                store.save_many(batch, run_id=run, coder_version="bench")
                articles += len(batch)
                batch = []
        store.save_many(batch, run_id=run, coder_version="bench")
        articles += len(batch)
        out["ingest_seconds"] = round(time.perf_counter() - start, 1)
        stats = store.stats()
        out.update(mentions=stats.events, articles=stats.articles, records=stats.records)
        out["ingest_mentions_per_second"] = round(stats.events / out["ingest_seconds"])

        seconds, records = timed(store.dedup, repeat=1)
        out["dedup_seconds"] = round(seconds, 1)
        out["records_after_dedup"] = records

        year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        month = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
        queries: dict[str, Callable[[], Any]] = {
            "dyad USA-RUS by day": lambda: store.dyad("USA", "RUS", by="day"),
            "dyad IRN-ISR by week": lambda: store.dyad("IRN", "ISR", by="week"),
            "dyad CHN-USA by month, mentions": lambda: store.dyad(
                "CHN", "USA", by="month", mentions=True
            ),
            "network of 2025": lambda: store.network(start=year[0], end=year[1]),
            "events --actor IRN": lambda: store.records(actor="IRN", limit=100),
            "events --code 19 --from --to": lambda: store.records(
                code="19", start=month[0], end=month[1], limit=100
            ),
            "events --place 'the border'": lambda: store.records(place="the border", limit=100),
            "events --text 'shelled positions'": lambda: store.records(
                text="shelled positions", limit=100
            ),
            "events --sort articles": lambda: store.records(sort="articles", limit=100),
            "top events of June 2025": lambda: store.top_events(start=month[0], end=month[1]),
            "top actors of June 2025": lambda: store.top_actors(start=month[0], end=month[1]),
        }
        out["queries"] = {}
        for name, query in queries.items():
            seconds, result = timed(query)
            out["queries"][name] = {"seconds": round(seconds, 3), "rows": len(result)}
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    out["db_mb"] = round(db.stat().st_size / 2**20)
    slowest = max(q["seconds"] for q in out["queries"].values())
    out["targets"] = {
        "every query under 1 s": slowest < 1.0,
        "dedup under 2 minutes": out["dedup_seconds"] < 120,
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(
        f"store: {out['mentions']:,} event mentions in {out['articles']:,} articles, "
        f"{out['records']:,} event records; file {out['db_mb']} MB"
    )
    print(
        f"ingest: {out['ingest_seconds']} s ({out['ingest_mentions_per_second']:,} mentions/s, "
        f"batches of {args.batch} articles, event records kept current)"
    )
    print(f"dedup from scratch: {out['dedup_seconds']} s ({records:,} records)")
    print("queries (best of 3):")
    for name, q in out["queries"].items():
        print(f"  {name:<36} {q['seconds']:>7.3f} s  {q['rows']:>6} rows")
    print(f"peak memory: {out['peak_rss_mb']} MB")
    for target, held in out["targets"].items():
        print(f"target {target}: {'met' if held else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
