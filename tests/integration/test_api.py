"""The REST API over a store of the development set (the seed story and 19 Wikinews articles),
through httpx (Starlette's test client, httpx2) against the app, and `detente serve` as a real
HTTP server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente.web.app import create_app

MUSCAT = "Iran and the US started nuclear negotiations in the Omani capital Muscat"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@pytest.fixture(scope="module")
def dev_db(dev_store: Path) -> Path:
    return dev_store


@pytest.fixture(scope="module")
def client(dev_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(dev_db)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_stats_and_openapi(client: TestClient) -> None:
    stats = get(client, "/api/stats")
    assert stats["articles"] == 20 and 0 < stats["records"] <= stats["events"]
    schema = get(client, "/openapi.json")
    assert {"/api/events", "/api/dyads", "/api/network", "/api/articles/{article_id}"} <= set(
        schema["paths"]
    )
    assert "/api/articles" not in schema["paths"] or "post" not in schema["paths"]["/api/articles"]


def test_events_filter_page_and_sort(client: TestClient) -> None:
    first = get(client, "/api/events", limit=5)
    assert first["count"] == 5
    second = get(client, "/api/events", limit=5, offset=5)
    assert not {e["record_id"] for e in first["events"]} & {
        e["record_id"] for e in second["events"]
    }
    talks = get(client, "/api/events", text="nuclear negotiations")["events"]
    assert any(MUSCAT in e["evidence"]["text"] for e in talks)
    iran = get(client, "/api/events", actor="IRN", code="04", limit=50)["events"]
    assert iran and all(e["code"].startswith("04") for e in iran)
    # the user's % and _ are characters, not wildcards
    assert get(client, "/api/events", text="%")["count"] == 0
    assert get(client, "/api/events", place="_")["count"] == 0
    busiest = get(client, "/api/events", sort="articles", limit=3)["events"]
    assert [e["n_articles"] for e in busiest] == sorted(
        (e["n_articles"] for e in busiest), reverse=True
    )


def test_one_event_and_its_article_with_every_span(client: TestClient) -> None:
    (talks,) = [
        e
        for e in get(client, "/api/events", text="nuclear negotiations")["events"]
        if e["source"]["country"] == "IRN"
    ][:1]
    record = get(client, f"/api/events/{talks['record_id']}")
    assert record["record_id"] == talks["record_id"] and record["reports"]
    assert record["code_description"]  # what the code means
    article = get(client, f"/api/articles/{talks['article_id']}")
    text = article["text"]
    for event in article["events"]:
        for part in ("evidence", "trigger"):
            span = event[part]
            assert text[span["start"] : span["end"]] == span["text"]
    for mention in article["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for quote in article["quotes"]:
        assert text[quote["span"]["start"] : quote["span"]["end"]] == quote["span"]["text"]
    assert len(article["quotes"]) >= 4  # the seed story's four quotations


def test_dyads_network_actors_places(client: TestClient) -> None:
    series = get(client, "/api/dyads", a="IRN", b="USA", by="month")["series"]
    assert any(row["period"] == "2026-02-01" and row["n"] >= 4 for row in series)
    edges = get(client, "/api/network", min_weight=2)["edges"]
    assert edges and all(e["weight"] >= 2 for e in edges)
    actors = get(client, "/api/actors", limit=5)["actors"]
    assert len(actors) == 5 and actors[0]["n_events"] >= actors[-1]["n_events"]
    places = get(client, "/api/places")["places"]
    assert any(p["name"] == "Muscat" and p["country"] == "OMN" for p in places)
    # by period and by family
    february = get(client, "/api/places", **{"from": "2026-02-01", "to": "2026-02-28"})
    assert {p["name"] for p in february["places"]} <= {p["name"] for p in places}
    talks = get(client, "/api/places", code="04", **{"from": "2026-02-01"})["places"]
    assert any(p["name"] == "Muscat" for p in talks)
    assert all(p["n_events"] == sum(p[q] for q in QUADS) for p in talks)
    fighting = get(client, "/api/places", code="19", **{"from": "2026-02-01"})["places"]
    assert not any(p["name"] == "Muscat" for p in fighting)


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/events", {"limit": -1}, 422),
        ("/api/events", {"limit": 100000}, 422),
        ("/api/events", {"code": "abc"}, 422),
        ("/api/events", {"from": "2026-13-01"}, 422),
        ("/api/events", {"from": "2026-03-01", "to": "2026-02-01"}, 400),
        ("/api/events", {"sort": "DROP TABLE events"}, 422),
        ("/api/events", {"actor": "'; DROP TABLE events; --"}, 200),
        ("/api/dyads", {"a": "IRN"}, 422),
        ("/api/dyads", {"a": "IRN", "b": "USA", "by": "fortnight"}, 422),
        ("/api/dyads", {"a": "IRN", "b": "1=1"}, 422),
        ("/api/network", {"min_weight": 0}, 422),
        ("/api/events/R' OR 1=1", {}, 422),
        ("/api/events/Rnothing", {}, 404),
        ("/api/articles/no-such-article", {}, 404),
    ],
)
def test_bad_input_is_a_clear_4xx_never_a_500(
    client: TestClient, path: str, params: dict[str, Any], status: int
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert "detail" in response.json() or status == 200
    assert get(client, "/api/stats")["articles"] == 20  # nothing was dropped


def test_posting_articles_needs_the_flag_and_the_token(dev_db: Path, tmp_path: Path) -> None:
    with TestClient(create_app(dev_db)) as read_only:
        assert read_only.post("/api/articles", json={"text": "x"}).status_code in (404, 405)
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(dev_db.read_bytes())
    with TestClient(create_app(copy, allow_ingest=True, token="s3cret")) as writer:
        posted = {
            "id": "posted-1",
            "text": "Russia criticised Japan on Friday.",
            "published": "2026-02-06",
        }
        assert writer.post("/api/articles", json=posted).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert writer.post("/api/articles", json=posted, headers=wrong).status_code == 401
        right = {"Authorization": "Bearer s3cret"}
        assert writer.post("/api/articles", json={"text": ""}, headers=right).status_code == 422
        response = writer.post("/api/articles", json=posted, headers=right)
        assert response.status_code == 201, response.text
        assert response.json() == {"article_id": "posted-1", "events": 1}
        article = writer.get("/api/articles/posted-1").json()
        assert article["events"][0]["source"]["country"] == "RUS"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_detente_serve_is_a_real_http_server(dev_db: Path) -> None:
    port = _free_port()
    script = Path(sys.executable).parent / "detente"
    server = subprocess.Popen(
        [script, "serve", "--db", dev_db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats") as response:
                    stats = json.loads(response.read())
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert stats["articles"] == 20
    finally:
        server.terminate()
        server.wait(timeout=30)
