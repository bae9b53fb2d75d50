"""REST API latency: `detente serve` over a synthetic store of 100,000 events, timed.

    .venv/bin/python benchmarks/api.py [--mentions N] [--requests N] [--json]

Builds the store with `benchmarks/store.py`'s generator (templates of our own), starts
`detente serve` on a free port as a real HTTP server, and sends each endpoint a mix of requests
one after another (events with various filters and pages, dyad series, the network), timing
each from request to the last byte. Prints p50, p95 and max per endpoint against the target
(p95 under 200 ms). It is a script, not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from detente.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from store import COUNTRIES, documents  # the generator of benchmarks/store.py

TARGET = 0.200


def build(db: Path, mentions: int, seed: int) -> int:
    rng = random.Random(seed)
    with Store.open(db) as store:
        run = store.begin_run(command="benchmarks/api.py", settings={"mentions": mentions})
        batch = []
        for doc in documents(mentions, 8, rng):
            batch.append(doc)
            if len(batch) >= 2000:
                store.save_many(batch, run_id=run, coder_version="bench")
                batch = []
        store.save_many(batch, run_id=run, coder_version="bench")
        return store.stats().events


def requests(rng: random.Random, n: int) -> dict[str, list[str]]:
    """Paths with query strings, `n` per endpoint."""

    def pair() -> tuple[str, str]:
        a, b = rng.sample(COUNTRIES[:12], 2)
        return a, b

    events = []
    for _ in range(n):
        params: dict[str, Any] = {"limit": rng.choice((20, 50, 100))}
        kind = rng.randrange(5)
        if kind == 0:
            params["actor"] = rng.choice(COUNTRIES)
        elif kind == 1:
            params.update(code=rng.choice(("19", "04", "11", "17")), sort="-date")
        elif kind == 2:
            params.update({"from": "2025-03-01", "to": "2025-03-31", "sort": "articles"})
        elif kind == 3:
            params["offset"] = rng.randrange(0, 5000)
        else:
            params["text"] = rng.choice(("shelled", "talks", "sanctions"))
        events.append("/api/events?" + urllib.parse.urlencode(params))
    dyads = []
    for _ in range(n):
        a, b = pair()
        by = rng.choice(("day", "week", "month"))
        dyads.append(f"/api/dyads?a={a}&b={b}&by={by}")
    network = []
    for _ in range(n):
        year = rng.choice(("2024", "2025"))
        network.append(f"/api/network?from={year}-01-01&to={year}-12-31&limit=200")
    return {"events": events, "dyads": dyads, "network": network}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per endpoint")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = tempfile.TemporaryDirectory()
    db = Path(folder.name) / "api.duckdb"
    events = build(db, args.mentions, args.seed)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = Path(sys.executable).parent / "detente"
    server = subprocess.Popen(
        [str(script), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {"events_stored": events, "endpoints": {}}
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/stats").read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        rng = random.Random(args.seed)
        for endpoint, paths in requests(rng, args.requests).items():
            times = []
            for path in paths:
                start = time.perf_counter()
                with urllib.request.urlopen(base + path) as response:
                    response.read()
                    assert response.status == 200, path
                times.append(time.perf_counter() - start)
            times.sort()
            out["endpoints"][endpoint] = {
                "requests": len(times),
                "p50_ms": round(statistics.median(times) * 1000, 1),
                "p95_ms": round(times[int(0.95 * (len(times) - 1))] * 1000, 1),
                "max_ms": round(times[-1] * 1000, 1),
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    out["target p95 under 200 ms"] = all(
        e["p95_ms"] < TARGET * 1000 for e in out["endpoints"].values()
    )
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"store: {events:,} events; detente serve, one request at a time")
    for endpoint, e in out["endpoints"].items():
        print(
            f"  /api/{endpoint:<8} p50 {e['p50_ms']:>6} ms  p95 {e['p95_ms']:>6} ms  "
            f"max {e['max_ms']:>6} ms  ({e['requests']} requests)"
        )
    print(f"target p95 under 200 ms: {'met' if out['target p95 under 200 ms'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
