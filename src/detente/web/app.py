"""The REST API: a FastAPI app over the store's query layer (the same one the CLI uses).

`create_app(db)` opens the store read-only and answers JSON under `/api`; OpenAPI docs are at
`/docs`. Every parameter is validated (a bad one is a 4xx with one clear message, never a 500)
and every value reaches SQL as a parameter. With `allow_ingest` and a `token`,
`POST /api/articles` codes and stores posted text (the store is then opened for writing).
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

from detente.errors import DetenteError, StoreError
from detente.store import Store
from detente.store._query import DIRECTIONS, PERIODS, SORTS
from detente.web.pages import page

STATIC = Path(__file__).with_name("static")
MAX_LIMIT = 1000


class PostedArticle(BaseModel):
    """An article to code and store."""

    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = Field(default=None, min_length=1, max_length=200)
    published: dt.date | None = None
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, description="Skip this many rows first.")]
Day = Annotated[dt.date | None, Query(description="ISO date (YYYY-MM-DD).")]
Actor = Annotated[str, Query(min_length=2, max_length=60, pattern=r"^[A-Za-z:_ -]+$")]


def create_app(db: str | Path, *, allow_ingest: bool = False, token: str | None = None) -> FastAPI:
    """The app over the store at `db` (which must exist)."""
    if allow_ingest and not token:
        raise StoreError("--allow-ingest needs a token (clients send it as a Bearer token)")
    store = Store.open(db, read_only=not allow_ingest)
    lock = threading.Lock()  # one writer at a time; DuckDB reads run on their own cursors

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        # the API docs' scripts come with detente (swagger-ui-bundle), not from a CDN
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        title="detente",
        summary="Political event data: who did what to whom, when and where, with the evidence.",
        version=_version(),
    )
    # the Swagger UI that ships with detente (4.15) reads OpenAPI 3.0 documents
    app.openapi_version = "3.0.3"
    app.state.store = store

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        """Counts: articles, events, event records, runs, families, dates, top dyads."""
        found = store.stats()
        return {
            "articles": found.articles,
            "events": found.events,
            "records": found.records,
            "runs": found.runs,
            "events_by_root": found.events_by_root,
            "events_by_quad": {str(k): v for k, v in found.events_by_quad.items()},
            "first_date": found.first_date,
            "last_date": found.last_date,
            "top_dyads": [{"source": s, "target": t, "events": n} for s, t, n in found.top_dyads],
        }

    @app.get("/api/events")
    def events(
        actor: Annotated[str | None, Query(max_length=60)] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        start: Annotated[dt.date | None, Query(alias="from")] = None,
        end: Annotated[dt.date | None, Query(alias="to")] = None,
        place: Annotated[str | None, Query(max_length=100)] = None,
        text: Annotated[str | None, Query(max_length=200)] = None,
        article: Annotated[str | None, Query(max_length=200)] = None,
        sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "date",
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Event records (one per event however many articles report it), filtered."""
        rows = list(
            store.full_records(
                actor=actor,
                code=code,
                start=start,
                end=end,
                place=place,
                text=text,
                article=article,
                sort=sort,
                limit=limit,
                offset=offset,
            )
        )
        return {"limit": limit, "offset": offset, "count": len(rows), "events": rows}

    @app.get("/api/events/{record_id}")
    def event(record_id: Annotated[str, Depends(_record_id)]) -> dict[str, Any]:
        """One event record with every report of it."""
        found = store.record(record_id)
        if found is None:
            raise HTTPException(404, f"no event record {record_id!r}")
        found["code_description"] = _describe(found["code"])
        return found

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """An article's text with every actor, trigger, event and quotation span."""
        if len(article_id) > 200:
            raise HTTPException(422, "an article id is at most 200 characters")
        found = store.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return found

    @app.get("/api/dyads")
    def dyads(
        a: Actor,
        b: Actor,
        by: Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$")] = "month",
        direction: Annotated[str, Query(pattern="^(" + "|".join(DIRECTIONS) + ")$")] = "both",
        mentions: bool = False,
        start: Annotated[dt.date | None, Query(alias="from")] = None,
        end: Annotated[dt.date | None, Query(alias="to")] = None,
    ) -> dict[str, Any]:
        """Relations between two actors over time."""
        found = store.dyad(
            a, b, by=by, direction=direction, mentions=mentions, start=start, end=end
        )
        return {"a": a, "b": b, "by": by, "direction": direction, "series": list(found.records())}

    @app.get("/api/timeline")
    def timeline(
        by: Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$")] = "month",
        mentions: bool = False,
        start: Annotated[dt.date | None, Query(alias="from")] = None,
        end: Annotated[dt.date | None, Query(alias="to")] = None,
    ) -> dict[str, Any]:
        """Every event record over time: cooperation against conflict."""
        found = store.timeline(by=by, mentions=mentions, start=start, end=end)
        return {"by": by, "series": list(found.records())}

    @app.get("/api/network")
    def network(
        mentions: bool = False,
        start: Annotated[dt.date | None, Query(alias="from")] = None,
        end: Annotated[dt.date | None, Query(alias="to")] = None,
        min_weight: Annotated[int, Query(ge=1)] = 1,
        limit: Limit = 200,
    ) -> dict[str, Any]:
        """The actor network: directed edges weighted by events, per quad class."""
        found = store.network(
            mentions=mentions, start=start, end=end, min_weight=min_weight, limit=limit
        )
        return {"edges": list(found.records())}

    @app.get("/api/actors")
    def actors(limit: Limit = 100) -> dict[str, Any]:
        """The actors of the stored events, busiest first."""
        return {"actors": list(store.actors(limit=limit).records())}

    @app.get("/api/countries")
    def countries() -> dict[str, Any]:
        """Every country of the actor dictionary with its capital's coordinates: the map's
        background, shipped with detente (no tile server)."""
        from detente.actors.dictionary import default_dictionary

        return {
            "countries": [
                {
                    "iso3": c.iso3,
                    "name": c.name,
                    "capital": c.capital,
                    "lat": c.capital_lat,
                    "lon": c.capital_lon,
                }
                for c in default_dictionary().countries
                if c.capital_lat is not None and c.capital_lon is not None
            ]
        }

    @app.get("/api/places")
    def places(
        start: Annotated[dt.date | None, Query(alias="from")] = None,
        end: Annotated[dt.date | None, Query(alias="to")] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        mentions: bool = False,
        limit: Limit = 1000,
    ) -> dict[str, Any]:
        """Where events happened, with coordinates and events per quad class, busiest first:
        of a period, of a CAMEO code or family."""
        found = store.places(start=start, end=end, code=code, mentions=mentions, limit=limit)
        return {"places": list(found.records())}

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs-static", StaticFiles(directory=swagger_ui_path), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="detente API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    def html(name: str, title: str, **data: str) -> HTMLResponse:
        return HTMLResponse(page(name, title, **data))

    @app.get("/", include_in_schema=False)
    def overview() -> HTMLResponse:
        return html("overview", "Overview")

    @app.get("/dyad", include_in_schema=False)
    def dyad_page(
        a: Annotated[str, Query(max_length=60)] = "IRN",
        b: Annotated[str, Query(max_length=60)] = "USA",
        by: Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$")] = "month",
    ) -> HTMLResponse:
        return html("dyad", f"{a} and {b}", a=a, b=b, by=by)

    @app.get("/network", include_in_schema=False)
    def network_page() -> HTMLResponse:
        return html("network", "Actor network")

    @app.get("/map", include_in_schema=False)
    def map_page() -> HTMLResponse:
        return html("map", "Map")

    @app.get("/search", include_in_schema=False)
    def search_page() -> HTMLResponse:
        return html("search", "Search")

    @app.get("/event/{record_id}", include_in_schema=False)
    def event_page(record_id: Annotated[str, Depends(_record_id)]) -> HTMLResponse:
        if store.record(record_id) is None:
            raise HTTPException(404, f"no event record {record_id!r}")
        return html("event", "Event", record=record_id)

    if allow_ingest:
        from detente.model import Article
        from detente.pipeline import Pipeline

        pipeline = Pipeline.default()
        expected = f"Bearer {token}"

        def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
            if authorization is None or not secrets.compare_digest(authorization, expected):
                raise HTTPException(401, "a valid Bearer token is needed to post articles")

        @app.post("/api/articles", status_code=201, dependencies=[Depends(authorised)])
        def post_article(posted: PostedArticle) -> dict[str, Any]:
            """Code and store a posted article (replacing an earlier version of it)."""
            article = Article(
                posted.id or f"posted-{secrets.token_hex(8)}",
                posted.text,
                posted.published,
                title=posted.title,
                url=posted.url,
                source=posted.source,
                origin="api",
            )
            with lock:
                run = store.begin_run(command="api", settings={})
                (doc,) = list(pipeline.run([article]))
                stored = store.save(doc, run_id=run, coder_version=pipeline.coder_version)
                store.finish_run(run, articles=1, skipped=0, failed=0, events=stored)
            return {"article_id": article.id, "events": stored}

    return app


def _describe(code: str) -> str | None:
    """What a CAMEO code means, from the shipped table."""
    from detente.coding.ontology import default_ontology

    try:
        return default_ontology().get(code).description
    except KeyError:
        return None


def _record_id(record_id: str) -> str:
    if not (1 <= len(record_id) <= 40 and record_id.isalnum()):
        raise HTTPException(422, "an event record id is letters and digits (R…)")
    return record_id


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("detente")
    except PackageNotFoundError:
        return "unknown"
