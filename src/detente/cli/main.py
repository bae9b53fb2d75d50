"""The `detente` command: a thin layer over the library.

Exit status: 0 when every input was read, 1 when any input or the run failed (the rest of the
batch still ran), 2 for usage errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from detente.datafiles import data_path
from detente.errors import DetenteError, InputError, OutputError
from detente.ingest import InputWarning, read_inputs
from detente.model import Article, Document, Modality
from detente.pipeline import Pipeline, Settings
from detente.serialize import event_record
from detente.store._query import DIRECTIONS, PERIODS, SORTS, TOP_COLUMNS, Result

DEFAULT_DB = "detente.duckdb"
_F = TypeVar("_F", bound=Callable[..., Any])


class _Report:
    """What the CLI tells the user about a batch: problems as they come, a summary at the end."""

    def __init__(self) -> None:
        self.failed = 0
        self.articles = 0
        self.events = 0
        self.skipped = 0

    def error(self, message: str) -> None:
        self.failed += 1
        click.echo(f"detente: {message}", err=True)

    def warning(self, message: str) -> None:
        click.echo(f"detente: {message}", err=True)


def _articles(
    inputs: Iterable[str], published: dt.date | None, report: _Report
) -> Iterator[Article]:
    """Readable articles from the inputs; unreadable ones are reported and skipped."""
    seen: dict[str, str] = {}
    for item in read_inputs(list(inputs), published=published):
        if isinstance(item, InputError):
            report.error(str(item))
        elif isinstance(item, InputWarning):
            report.warning(str(item))
        elif item.id in seen:
            report.error(
                str(
                    InputError(
                        item.origin,
                        f"duplicate article id '{item.id}' "
                        f"(first read from {seen[item.id]}); skipped",
                    )
                )
            )
        else:
            seen[item.id] = item.origin
            yield item


def _settings(workers: int, batch_size: int, actors: tuple[str, ...]) -> Settings:
    return Settings(workers=workers, batch_size=batch_size, actors=actors)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not an ISO date (YYYY-MM-DD)") from None


_workers = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Parser processes.",
)
_batch = click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=64,
    show_default=True,
    help="Texts per parser batch.",
)
_published = click.option(
    "--published",
    callback=_date,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for inputs that carry none.",
)
_actors = click.option(
    "--actors",
    "actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary (YAML); may be repeated.",
)
_db = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The DuckDB event store.",
)
_all = click.option(
    "--all-modalities",
    is_flag=True,
    help="Include negated and hypothetical events (left out by default).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="detente")
def cli() -> None:
    """detente: political event data from news. Who did what to whom, when and where."""


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write events here (JSON lines) instead of standard output.",
)
@_published
@_workers
@_batch
@_actors
@_all
def code_command(
    inputs: tuple[str, ...],
    output: str | None,
    published: dt.date | None,
    workers: int,
    batch_size: int,
    actors: tuple[str, ...],
    all_modalities: bool,
) -> None:
    """Code INPUTS (files, directories, '-' for JSONL on stdin) into events, as JSON lines."""
    report = _Report()
    pipeline = Pipeline.default(_settings(workers, batch_size, actors))
    stream: TextIO
    with _open_output(output) as stream:
        for doc in pipeline.run(_articles(inputs, published, report)):
            report.articles += 1
            for event in doc.events:
                if all_modalities or event.modality is Modality.ASSERTED:
                    stream.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
                    report.events += 1
    click.echo(
        f"detente: coded {report.articles} articles, {report.events} events"
        + (f"; {report.failed} inputs failed" if report.failed else ""),
        err=True,
    )
    _exit(report)


@cli.command("ingest")
@click.argument("inputs", nargs=-1)
@click.option("--examples", is_flag=True, help="Also ingest the example articles detente ships.")
@_db
@_published
@_workers
@_batch
@_actors
def ingest_command(
    inputs: tuple[str, ...],
    examples: bool,
    db: str,
    published: dt.date | None,
    workers: int,
    batch_size: int,
    actors: tuple[str, ...],
) -> None:
    """Code INPUTS and store articles and events in the DuckDB store (unchanged articles are
    skipped)."""
    from detente.store import Store

    if not inputs and not examples:
        raise click.UsageError("give INPUTS to ingest, or --examples")
    sources = [*inputs, *([str(data_path("examples"))] if examples else [])]
    report = _Report()
    settings = _settings(workers, batch_size, actors)
    pipeline = Pipeline.default(settings)
    version = pipeline.coder_version
    with Store.open(db) as store:
        run_id = store.begin_run(command="ingest", settings=settings.as_dict())

        def fresh() -> Iterator[Article]:
            for article in _articles(sources, published, report):
                if store.is_current(article, coder_version=version):
                    report.skipped += 1
                else:
                    yield article

        docs: Iterable[Document] = pipeline.run(fresh())
        # committed a parser batch at a time: an interrupted run keeps what it committed
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                report.events += store.save_many(batch, run_id=run_id, coder_version=version)
                report.articles += len(batch)
                batch = []
        report.events += store.save_many(batch, run_id=run_id, coder_version=version)
        report.articles += len(batch)
        store.finish_run(
            run_id,
            articles=report.articles,
            skipped=report.skipped,
            failed=report.failed,
            events=report.events,
        )
    click.echo(
        f"detente: stored {report.articles} articles ({report.events} events) in {db}; "
        f"{report.skipped} unchanged"
        + (f"; {report.failed} inputs failed" if report.failed else ""),
        err=True,
    )
    _exit(report)


@cli.command("export")
@_db
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "plover"]),
    default="jsonl",
    show_default=True,
    help="jsonl, csv, parquet: every report with its record_id (parquet: a directory "
    "partitioned by year and month); gdelt (tab-separated), plover (JSON lines): the event "
    "records.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    help="Write here instead of standard output (required for parquet: a directory).",
)
@_all
@click.option(
    "--quotes",
    is_flag=True,
    help="Export the stored quotations (JSON lines) instead of the events.",
)
def export_command(
    db: str, fmt: str, output: str | None, all_modalities: bool, quotes: bool
) -> None:
    """Export the stored events (or, with --quotes, the quotations)."""
    from detente.store import Store

    if quotes:
        if fmt != "jsonl":
            raise click.UsageError("--quotes exports JSON lines only")
        with Store.open(db, read_only=True) as store, _open_output(output) as stream:
            n = 0
            for record in store.quote_records():
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        click.echo(f"detente: exported {n} quotations", err=True)
        return
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output DIR")
    modality = None if all_modalities else Modality.ASSERTED.value
    with Store.open(db, read_only=True) as store:
        if output is None:
            n = store.export(fmt, stream=sys.stdout, modality=modality)
        else:
            n = store.export(fmt, Path(output), modality=modality)
    what = "event records" if fmt in ("gdelt", "plover") else "events"
    click.echo(f"detente: exported {n} {what}", err=True)


@cli.command("stats")
@_db
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def stats_command(db: str, as_json: bool) -> None:
    """What the store holds: articles, events per family, top dyads."""
    from detente.coding.ontology import default_ontology
    from detente.store import Store

    with Store.open(db, read_only=True) as store:
        stats = store.stats()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "articles": stats.articles,
                    "events": stats.events,
                    "runs": stats.runs,
                    "records": stats.records,
                    "events_by_root": stats.events_by_root,
                    "events_by_quad": {str(k): v for k, v in stats.events_by_quad.items()},
                    "first_date": stats.first_date,
                    "last_date": stats.last_date,
                    "top_dyads": [list(d) for d in stats.top_dyads],
                },
                indent=2,
            )
        )
        return
    ontology = default_ontology()
    click.echo(
        f"{db}: {stats.articles} articles, {stats.events} events ({stats.records} event "
        f"records), {stats.runs} runs"
    )
    click.echo(f"event dates: {stats.first_date or '-'} to {stats.last_date or '-'}")
    click.echo("events by family:")
    for root, n in stats.events_by_root.items():
        click.echo(f"  {root} {ontology.get(root).name:<40} {n:>7}")
    if stats.top_dyads:
        click.echo("top dyads:")
        for source, target, n in stats.top_dyads:
            click.echo(f"  {source:>10} -> {target:<10} {n:>7}")


@cli.group("query")
def query_group() -> None:
    """Query the event store."""


_from = click.option("--from", "start", callback=_date, metavar="DATE", help="From this day.")
_to = click.option("--to", "end", callback=_date, metavar="DATE", help="To this day.")
_mentions = click.option(
    "--mentions",
    is_flag=True,
    help="Count every report (mention) instead of each event record once.",
)


def _format(*choices: str) -> Callable[[_F], _F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
    )


@query_group.command("events")
@_db
@click.option("--actor", help="An actor on either side: ISO3 code or organisation (IGO:NATO).")
@click.option("--code", help="A CAMEO code or its prefix (19: every use of force).")
@_from
@_to
@click.option("--place", help="A place name or the ISO3 code of its country.")
@click.option("--text", help="Words in the evidence of any report.")
@click.option("--article", help="Only events this article reports.")
@click.option(
    "--sort",
    type=click.Choice(list(SORTS)),
    default="date",
    show_default=True,
    help="Order (a leading - reverses).",
)
@click.option("--limit", type=click.IntRange(0), default=None, help="At most this many.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many first.")
@click.option(
    "--mentions",
    is_flag=True,
    help="List every report of every event (by article) instead of event records.",
)
@_format("table", "jsonl", "csv")
@_all
def query_events(
    db: str,
    actor: str | None,
    code: str | None,
    start: dt.date | None,
    end: dt.date | None,
    place: str | None,
    text: str | None,
    article: str | None,
    sort: str,
    limit: int | None,
    offset: int,
    mentions: bool,
    fmt: str,
    all_modalities: bool,
) -> None:
    """Event records (one per event, however many articles report it) with how often they
    were reported; with --mentions, the stored reports themselves."""
    from detente.cli.table import event_table
    from detente.store import Store

    width = max(100, shutil.get_terminal_size().columns if sys.stdout.isatty() else 160)
    if mentions:
        if actor or code or start or end or place or text or offset:
            raise click.UsageError("--mentions lists by --article and --limit only")
        modality = None if all_modalities else Modality.ASSERTED.value
        with Store.open(db, read_only=True) as store:
            records = list(store.event_records(article_id=article, limit=limit, modality=modality))
        if fmt == "table":
            click.echo(event_table(records, width=width))
        elif fmt == "jsonl":
            for record in records:
                click.echo(json.dumps(record, ensure_ascii=False))
        else:
            raise click.UsageError("--mentions lists as table or jsonl; export writes csv")
        return
    if all_modalities:
        raise click.UsageError("event records hold asserted events only; use --mentions")
    filters: dict[str, Any] = {
        "actor": actor,
        "code": code,
        "start": start,
        "end": end,
        "place": place,
        "text": text,
        "article": article,
        "sort": sort,
        "limit": limit,
        "offset": offset,
    }
    with Store.open(db, read_only=True) as store:
        if fmt == "jsonl":
            for record in store.full_records(**filters):
                click.echo(json.dumps(record, ensure_ascii=False, default=str))
            return
        result = store.records(**filters)
    _emit(result.select(TOP_COLUMNS) if fmt == "table" else result, fmt, width)


@query_group.command("dyad")
@click.argument("a")
@click.argument("b")
@_db
@click.option("--by", type=click.Choice(list(PERIODS)), default="month", show_default=True)
@click.option(
    "--direction",
    type=click.Choice(list(DIRECTIONS)),
    default="both",
    show_default=True,
    help="both: A to B and B to A together; forward: A to B; backward: B to A.",
)
@_mentions
@_from
@_to
@_format("table", "jsonl", "csv")
def query_dyad(
    a: str,
    b: str,
    db: str,
    by: str,
    direction: str,
    mentions: bool,
    start: dt.date | None,
    end: dt.date | None,
    fmt: str,
) -> None:
    """Relations between A and B over time: events of each quad class per period, with the
    Goldstein sum and mean."""
    from detente.store import Store

    with Store.open(db, read_only=True) as store:
        result = store.dyad(
            a, b, by=by, direction=direction, mentions=mentions, start=start, end=end
        )
    _emit(result, fmt)


@query_group.command("network")
@_db
@_mentions
@_from
@_to
@click.option("--min-weight", type=click.IntRange(1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(0), default=None, help="At most this many edges.")
@_format("table", "jsonl", "csv")
def query_network(
    db: str,
    mentions: bool,
    start: dt.date | None,
    end: dt.date | None,
    min_weight: int,
    limit: int | None,
    fmt: str,
) -> None:
    """The actor network of a period: directed edges weighted by events, per quad class."""
    from detente.store import Store

    with Store.open(db, read_only=True) as store:
        result = store.network(
            mentions=mentions, start=start, end=end, min_weight=min_weight, limit=limit
        )
    _emit(result, fmt)


@query_group.command("top")
@_db
@_mentions
@_from
@_to
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@_format("table", "jsonl")
def query_top(
    db: str,
    mentions: bool,
    start: dt.date | None,
    end: dt.date | None,
    limit: int,
    fmt: str,
) -> None:
    """The most reported events and the most active actors of a period."""
    from detente.store import Store

    with Store.open(db, read_only=True) as store:
        top = store.top_events(start=start, end=end, limit=limit)
        actors = store.top_actors(mentions=mentions, start=start, end=end, limit=limit)
    if fmt == "table":
        click.echo("top events:")
        _emit(top.select(TOP_COLUMNS), fmt)
        click.echo("\ntop actors:")
        _emit(actors, fmt)
        return
    for kind, result in (("event", top), ("actor", actors)):
        for record in result.records():
            click.echo(json.dumps({"kind": kind, **record}, ensure_ascii=False, default=str))


@cli.command("serve")
@_db
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--allow-ingest",
    is_flag=True,
    help="Accept POST /api/articles (code and store posted text); needs --token.",
)
@click.option(
    "--token",
    envvar="DETENTE_TOKEN",
    help="The Bearer token POST /api/articles needs (or DETENTE_TOKEN).",
)
def serve_command(db: str, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Serve the REST API over the store (read-only unless --allow-ingest)."""
    import uvicorn

    from detente.web.app import create_app

    if allow_ingest and not token:
        raise click.UsageError("--allow-ingest needs --token (or DETENTE_TOKEN)")
    if not Path(db).exists():
        raise click.UsageError(f"{db}: no event store here (ingest something first)")
    app = create_app(db, allow_ingest=allow_ingest, token=token)
    click.echo(f"detente: serving {db} on http://{host}:{port} (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command("dedup")
@_db
@click.option(
    "--window",
    type=click.IntRange(0, 365),
    default=None,
    help="Days two reports of one event may differ by (kept for later ingests; default: the "
    "store's, 1 at first).",
)
def dedup_command(db: str, window: int | None) -> None:
    """Cluster every stored event report into event records again."""
    from detente.store import Store

    if not Path(db).exists():
        raise click.UsageError(f"{db}: no event store here (ingest something first)")

    with Store.open(db) as store:
        records = store.dedup(window=window)
        stats = store.stats()
    click.echo(f"detente: {stats.events} stored events, {records} event records in {db}", err=True)


def _emit(result: Result, fmt: str, width: int = 160) -> None:
    """A query's result as a table, JSON lines or CSV on standard output."""
    from detente.cli.table import result_table

    if fmt == "table":
        click.echo(result_table(result.columns, result.rows, width=width))
    elif fmt == "jsonl":
        for record in result.records():
            click.echo(json.dumps(record, ensure_ascii=False, default=str))
    else:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)


@cli.command("evaluate")
@click.option(
    "--gold",
    "gold",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Gold events (JSON lines, one article each); may be repeated.",
)
@click.option(
    "--texts",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="The directory of the gold articles' texts (<id>.txt).",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Score these events (JSON lines) instead of coding the articles now.",
)
@click.option("--dyad-only", is_flag=True, help="Ignore the code: who-to-whom alone.")
@click.option("--json", "as_json", is_flag=True, help="Print the evaluation as JSON.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report here instead of standard output.",
)
@_workers
@_batch
@_actors
def evaluate_command(
    gold: tuple[str, ...],
    texts: str,
    pred: str | None,
    dyad_only: bool,
    as_json: bool,
    output: str | None,
    workers: int,
    batch_size: int,
    actors: tuple[str, ...],
) -> None:
    """Code the gold articles and score the events as ../shared/eval/score.py does, with
    precision and recall per CAMEO root, a confusion table of roots, and every missed and
    spurious event with its sentence."""
    from detente.coding.ontology import default_ontology
    from detente.evaluate import code_gold, evaluate, load_gold, read_records, records_of, report

    problems = _Report()
    golds = []
    for item in load_gold([Path(g) for g in gold], Path(texts)):
        if isinstance(item, InputError):
            problems.error(f"{item}; skipped")
        elif isinstance(item, InputWarning):
            problems.warning(str(item))
        else:
            golds.append(item)
    docs: dict[str, Document] = {}
    if pred is not None:
        with Path(pred).open(encoding="utf-8") as handle:
            predicted = read_records(handle, pred)
    else:
        pipeline = Pipeline.default(_settings(workers, batch_size, actors))
        docs = code_gold(golds, pipeline)
        predicted = records_of(docs)
    result = evaluate(golds, predicted, dyad_only=dyad_only, sentences=docs)
    names = {c.code: c.name for c in default_ontology().roots()}
    with _open_output(output) as stream:
        if as_json:
            stream.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            stream.write(report(result, names))
    _exit(problems)


@cli.command("actors")
@click.argument("text")
@click.option(
    "--published",
    callback=_date,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD): picks who held an office then.",
)
@_actors
def actors_command(text: str, published: dt.date | None, actors: tuple[str, ...]) -> None:
    """Explain the actors of TEXT (or of the file TEXT names): span, code, person, and why."""
    path = Path(text)
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DetenteError(f"{path}: cannot read: {exc}") from exc
    pipeline = Pipeline.default(_settings(1, 64, actors))
    doc = next(pipeline.run([Article(id="text", text=text, published=published)]))
    if not doc.mentions:
        click.echo("(no actors)")
        return
    click.echo(
        f"{'SPAN':<13} {'TEXT':<34} {'COUNTRY':<7} {'IGO':<10} {'SECTOR':<6} "
        f"{'PERSON (ROLE)':<34} WHY"
    )
    for mention in doc.mentions:
        a = mention.actor
        person = " ".join(filter(None, [a.person, f"({a.role})" if a.role else None]))
        click.echo(
            f"{mention.start:>6}-{mention.end:<6} {_cut(mention.text, 34):<34} "
            f"{a.country or '-':<7} {a.igo or '-':<10} {a.sector:<6} {_cut(person, 34):<34} "
            f"{'place: ' if mention.place else ''}{mention.rule}"
        )
    if doc.home is not None:
        click.echo(f"home country (for groups named without one): {doc.home.country}")


def _cut(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


class _open_output:
    """Standard output, or a file opened for writing."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        try:
            self.handle = Path(self.path).open("w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {exc.strerror}") from exc
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


def _exit(report: _Report) -> None:
    if report.failed:
        sys.exit(1)


def main(argv: list[str] | None = None) -> int:
    """Entry point: one clear line for any error detente raises on purpose."""
    try:
        status = cli.main(args=argv, prog_name="detente", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("detente: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except DetenteError as exc:
        click.echo(f"detente: error: {exc}", err=True)
        return 1
    except BrokenPipeError:
        return 1
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
