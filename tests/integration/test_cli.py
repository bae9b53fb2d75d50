"""The `detente` command end to end: coding every input format, bad input, the store, exports.

Most commands run in this process through `detente.cli.main.main`; a few run the installed
console script in a subprocess, so that the entry point itself is exercised.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from detente.datafiles import data_path
from tests.conftest import CliRun, Detente

Script = Callable[..., CliRun]

RECORD_FIELDS = [
    "article_id",
    "event_id",
    "code",
    "root_code",
    "code_name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "source",
    "target",
    "evidence",
    "trigger",
    "date",
    "date_precision",
    "date_method",
    "location",
    "modality",
    "confidence",
    "provenance",
    "quote",
]
"""The fields of an event record (README, "Output: one event a line"), in order."""
ACTOR_FIELDS = [
    "name",
    "country",
    "igo",
    "sector",
    "code",
    "person",
    "role",
    "text",
    "span",
    "rule",
]
PLACE_FIELDS = ["name", "country", "admin1", "lat", "lon", "feature", "method"]
# A flat column per actor field, the span's two ends in its place: `source.span.start` is
# `source_start`.
FLAT_ACTOR = [
    part for field in ACTOR_FIELDS for part in (("start", "end") if field == "span" else (field,))
]
EXPORT_HEADER = [
    "event_id",
    "article_id",
    "code",
    "root_code",
    "code_name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    *(f"{role}_{field}" for role in ("source", "target") for field in FLAT_ACTOR),
    *(f"{part}_{field}" for part in ("evidence", "trigger") for field in ("start", "end", "text")),
    "date",
    "date_precision",
    "date_method",
    *(f"location_{field}" for field in PLACE_FIELDS),
    "modality",
    "confidence",
    "coder",
    "rule",
    "quote_id",
]
"""The flat columns of CSV and Parquet exports, in the order the README documents."""

TALKS = "Iran and the United States held talks in Muscat on Friday."
PUBLISHED = "2026-02-06"

# A small news folder in every input format, with the article id each record gets.
NEWS_TEXTS = {
    "talks": TALKS,
    "criticism": "China criticised Japan on Monday.",
    "pact": "Indonesia and Vietnam signed an agreement.",
    "aid": "The United Nations sent aid to Turkey.",
    "shelling": "Russian forces shelled Kharkiv in Ukraine.",
    "sanctions": "Germany did not sanction Russia.",
}


def write_news(folder: Path) -> Path:
    """Writes NEWS_TEXTS as .txt, .jsonl (in a subfolder) and .csv files, plus files a directory
    walk passes over; returns the folder."""
    (folder / "more").mkdir(parents=True)
    (folder / "talks.txt").write_text(NEWS_TEXTS["talks"], encoding="utf-8")
    (folder / "criticism.txt").write_text(NEWS_TEXTS["criticism"], encoding="utf-8")
    records = [
        {"id": "pact", "text": NEWS_TEXTS["pact"], "published": "2026-03-17"},
        {"id": "aid", "text": NEWS_TEXTS["aid"], "title": "Aid"},
    ]
    (folder / "more" / "agreements.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
    )
    with (folder / "wire.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "title", "text"])
        writer.writerow(["shelling", "2026-02-10", "Shelling", NEWS_TEXTS["shelling"]])
        writer.writerow(["sanctions", "", "", NEWS_TEXTS["sanctions"]])
    # Neither is an input: hidden files and unknown extensions are passed over in a folder.
    (folder / ".draft.txt").write_text("Iraq condemned Iran.", encoding="utf-8")
    (folder / "notes.md").write_text("Iraq condemned Iran.", encoding="utf-8")
    return folder


def records_of(jsonl: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in jsonl.splitlines() if line.strip()]


def assert_record(record: dict[str, Any], text: str) -> None:
    """`record` has every documented field, and each of its spans slices `text` exactly."""
    assert list(record) == RECORD_FIELDS
    assert list(record["provenance"]) == ["coder", "rule"]
    assert record["provenance"]["coder"] and record["provenance"]["rule"]
    assert record["code"].startswith(record["root_code"])
    assert record["quad_class"] in (1, 2, 3, 4)
    assert record["modality"] in ("asserted", "negated", "hypothetical")
    assert 0.0 <= record["confidence"] <= 1.0
    if record["location"] is not None:
        assert list(record["location"]) == PLACE_FIELDS
    for part in ("evidence", "trigger"):
        span = record[part]
        assert list(span) == ["start", "end", "text"]
        assert 0 <= span["start"] < span["end"] <= len(text), (part, record)
        assert text[span["start"] : span["end"]] == span["text"], (part, record)
    evidence, trigger = record["evidence"], record["trigger"]
    assert evidence["start"] <= trigger["start"] < trigger["end"] <= evidence["end"], record
    for role in ("source", "target"):
        actor = record[role]
        if actor is None:
            continue
        assert list(actor) == ACTOR_FIELDS, role
        span = actor["span"]
        assert list(span) == ["start", "end"]
        assert text[span["start"] : span["end"]] == actor["text"], (role, record)


def stats_of(detente: Detente, db: Path) -> dict[str, Any]:
    run = detente("stats", "--db", db, "--json")
    assert run.status == 0, run.stderr
    stats: dict[str, Any] = json.loads(run.stdout)
    return stats


def stored(detente: Detente, db: Path, *options: str) -> list[dict[str, Any]]:
    run = detente("query", "events", "--mentions", "--db", db, "--format", "jsonl", *options)
    assert run.status == 0, run.stderr
    return records_of(run.stdout)


def exported(stdout: str) -> list[dict[str, Any]]:
    """Exported reports without the `record_id` each names (checked to be there)."""
    records = records_of(stdout)
    assert all("record_id" in r for r in records)
    return [{k: v for k, v in r.items() if k != "record_id"} for r in records]


# --- detente code ---------------------------------------------------------------------------


def test_code_prints_every_field_with_spans_into_the_text(detente: Detente, tmp_path: Path) -> None:
    source = tmp_path / "talks.txt"
    source.write_text(TALKS, encoding="utf-8")

    run = detente("code", source, "--published", PUBLISHED)

    assert run.status == 0, run.stderr
    records = records_of(run.stdout)
    assert records, "the talks sentence yields an event"
    for record in records:
        assert_record(record, TALKS)
        assert record["article_id"] == "talks"
    talks = records[0]
    assert talks["root_code"] == "04"
    assert {talks["source"]["country"], talks["target"]["country"]} == {"IRN", "USA"}
    assert talks["date"] == PUBLISHED
    assert talks["location"]["name"] == "Muscat"
    assert run.stderr_lines == [f"detente: coded 1 articles, {len(records)} events"]

    output = tmp_path / "events.jsonl"
    to_file = detente("code", source, "--published", PUBLISHED, "--output", output)
    assert to_file.status == 0, to_file.stderr
    assert to_file.stdout == ""
    assert output.read_text(encoding="utf-8") == run.stdout


def test_code_reads_a_directory_of_txt_jsonl_and_csv(detente: Detente, tmp_path: Path) -> None:
    news = write_news(tmp_path / "news")

    run = detente("code", news, "--published", PUBLISHED, "--all-modalities")

    assert run.status == 0, run.stderr
    # Every article is read (hidden files and unknown extensions are not inputs in a folder).
    records = records_of(run.stdout)
    assert run.stderr_lines == [f"detente: coded 6 articles, {len(records)} events"]
    by_article: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        assert_record(record, NEWS_TEXTS[record["article_id"]])
        by_article.setdefault(record["article_id"], []).append(record)
    # A record's own date wins over --published; without one, --published dates it.
    assert {r["date"] for r in by_article["pact"]} == {"2026-03-17"}
    assert {r["date"] for r in by_article["shelling"]} == {"2026-02-10"}
    assert {r["date"] for r in by_article["aid"]} == {PUBLISHED}
    assert {r["modality"] for r in by_article["sanctions"]} == {"negated"}

    asserted = detente("code", news, "--published", PUBLISHED)
    assert asserted.status == 0
    expected = [r for r in records if r["modality"] == "asserted"]
    assert records_of(asserted.stdout) == expected


def test_code_reads_jsonl_and_csv_files_named_one_by_one(detente: Detente, tmp_path: Path) -> None:
    news = write_news(tmp_path / "news")

    run = detente("code", news / "wire.csv", news / "more" / "agreements.jsonl", "--all-modalities")

    assert run.status == 0, run.stderr
    records = records_of(run.stdout)
    assert run.stderr_lines == [f"detente: coded 4 articles, {len(records)} events"]
    assert {r["article_id"] for r in records} <= {"shelling", "sanctions", "pact", "aid"}
    for record in records:
        assert_record(record, NEWS_TEXTS[record["article_id"]])


STDIN = (
    json.dumps({"id": "s1", "text": TALKS}).encode()
    + b"\n{not json\n"
    + json.dumps({"text": NEWS_TEXTS["criticism"]}).encode()
    + b'\n{"id": "s4", "text": "Iran \xff talks"}\n'
)
"""JSONL for standard input: good, malformed, good without an id, invalid UTF-8."""


def test_code_reads_jsonl_from_stdin(
    detente: Detente, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STDIN), encoding="utf-8"))

    run = detente("code", "-", "--published", PUBLISHED)

    assert run.status == 1
    records = records_of(run.stdout)
    texts = {"s1": TALKS, "stdin-003": NEWS_TEXTS["criticism"]}
    assert {r["article_id"] for r in records} == set(texts)
    for record in records:
        assert_record(record, texts[record["article_id"]])
    assert len(run.lines_naming("-#2")) == 1
    assert "not valid JSON" in run.lines_naming("-#2")[0]
    assert len(run.lines_naming("-#4")) == 1
    assert "not valid UTF-8" in run.lines_naming("-#4")[0]
    summary = f"coded 2 articles, {len(records)} events; 2 inputs failed"
    assert run.stderr_lines[-1] == f"detente: {summary}"


def test_console_script_reads_stdin(detente_script: Script) -> None:
    run = detente_script("code", "-", "--published", PUBLISHED, stdin=STDIN)

    assert run.status == 1
    records = records_of(run.stdout)
    assert {r["article_id"] for r in records} == {"s1", "stdin-003"}
    assert len(run.lines_naming("-#2")) == 1
    assert len(run.lines_naming("-#4")) == 1
    assert len(run.stderr_lines) == 3, run.stderr


# --- bad input ------------------------------------------------------------------------------


def test_each_bad_input_gets_one_line_and_the_batch_goes_on(
    detente: Detente, tmp_path: Path
) -> None:
    good = tmp_path / "talks.txt"
    good.write_text(TALKS, encoding="utf-8")
    bad = {
        tmp_path / "missing.txt": "no such file",
        tmp_path / "binary.txt": "binary file",
        tmp_path / "empty.txt": "empty file",
        tmp_path / "blank.txt": "only whitespace",
        tmp_path / "latin1.txt": "not valid UTF-8",
        tmp_path / "utf16.txt": "UTF-16",
        tmp_path / "notes.md": "unsupported format",
        tmp_path / "broken.json": "not valid JSON",
        tmp_path / "untitled.csv": "no 'text' or 'html' column",
    }
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Côte d'Ivoire and Mali held talks.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(TALKS.encode("utf-16"))
    (tmp_path / "notes.md").write_text(TALKS, encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"text": "Iran', encoding="utf-8")
    (tmp_path / "untitled.csv").write_text("id,body\n1,Iran\n", encoding="utf-8")

    run = detente("code", *bad, good, "--published", PUBLISHED)

    assert run.status == 1
    for path, problem in bad.items():
        lines = run.lines_naming(str(path))
        assert len(lines) == 1, (path, run.stderr)
        assert problem in lines[0], (path, lines[0])
    records = records_of(run.stdout)
    assert records and {r["article_id"] for r in records} == {"talks"}
    assert len(run.stderr_lines) == len(bad) + 1
    assert run.stderr_lines[-1] == (
        f"detente: coded 1 articles, {len(records)} events; {len(bad)} inputs failed"
    )


def test_a_malformed_jsonl_line_fails_alone(detente: Detente, tmp_path: Path) -> None:
    source = tmp_path / "batch.jsonl"
    source.write_text(
        json.dumps({"id": "first", "text": TALKS})
        + "\n"
        + '{"id": "second", "text": "China criticised"\n'
        + json.dumps({"id": "third", "text": NEWS_TEXTS["criticism"]})
        + "\n",
        encoding="utf-8",
    )

    run = detente("code", source, "--published", PUBLISHED)

    assert run.status == 1
    assert {r["article_id"] for r in records_of(run.stdout)} == {"first", "third"}
    lines = run.lines_naming(str(source))
    assert len(lines) == 1
    assert f"{source}#2" in lines[0]
    assert "not valid JSON" in lines[0]
    assert "coded 2 articles" in run.stderr_lines[-1]


def test_an_empty_jsonl_file_fails_like_any_empty_file(detente: Detente, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")

    run = detente("code", empty)

    assert run.status == 1
    assert run.lines_naming(str(empty)) == [f"detente: [E100] {empty}: empty file"]


def test_a_warning_is_one_line_and_fails_nothing(detente: Detente, tmp_path: Path) -> None:
    source = tmp_path / "dated.jsonl"
    record = {"id": "dated", "text": TALKS, "published": "last Friday", "title": 7}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")

    run = detente("code", source, "--published", PUBLISHED)

    assert run.status == 0
    records = records_of(run.stdout)
    assert records and {r["date"] for r in records} == {PUBLISHED}
    warnings = run.lines_naming(f"{source}#1")
    assert len(warnings) == 2
    assert all(line.startswith("detente: warning: ") for line in warnings)
    assert run.stderr_lines[2:] == [f"detente: coded 1 articles, {len(records)} events"]


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        pytest.param(("code", "talks.txt", "--published", "not-a-date"), "--published", id="date"),
        pytest.param(("code",), "INPUTS", id="code-without-inputs"),
        pytest.param(("ingest", "--db", "store.duckdb"), "INPUTS", id="ingest-without-inputs"),
        pytest.param(
            ("export", "--db", "store.duckdb", "--format", "parquet"), "--output", id="parquet"
        ),
        pytest.param(("export", "--format", "xml"), "--format", id="unknown-format"),
    ],
)
def test_usage_errors_exit_2(
    detente: Detente,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    complaint: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talks.txt").write_text(TALKS, encoding="utf-8")

    run = detente(*args)

    assert run.status == 2
    assert run.stdout == ""
    assert "Error:" in run.stderr
    assert complaint in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talks.txt"], "nothing is written"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("stats",), id="stats"),
        pytest.param(("query", "events"), id="query"),
        pytest.param(("export", "--format", "csv"), id="export"),
        pytest.param(("ingest", "talks.txt"), id="ingest"),
    ],
)
def test_a_store_that_is_not_a_store_gives_one_line(
    detente: Detente, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talks.txt").write_text(TALKS, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n", encoding="utf-8")

    run = detente(*args, "--db", notes)

    assert run.status == 1
    assert run.stdout == ""
    assert len(run.stderr_lines) == 1, run.stderr
    assert str(notes) in run.stderr
    assert "not a DuckDB database" in run.stderr
    assert notes.read_text(encoding="utf-8") == "not a database\n", "the file is left alone"


def test_reading_a_missing_store_creates_none(detente: Detente, tmp_path: Path) -> None:
    db = tmp_path / "nowhere.duckdb"

    run = detente("stats", "--db", db)

    assert run.status == 1
    assert len(run.stderr_lines) == 1
    assert str(db) in run.stderr
    assert not db.exists()


def test_an_unwritable_output_gives_one_line(detente: Detente, tmp_path: Path) -> None:
    source = tmp_path / "talks.txt"
    source.write_text(TALKS, encoding="utf-8")
    output = tmp_path / "no-such-folder" / "events.jsonl"

    run = detente("code", source, "--output", output)

    assert run.status == 1
    assert len(run.stderr_lines) == 1
    assert str(output) in run.stderr


def test_console_script_reports_a_bad_store_in_one_line(
    detente_script: Script, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n", encoding="utf-8")

    run = detente_script("query", "events", "--db", notes)

    assert run.status == 1
    assert run.stderr_lines == [f"detente: error: [E400] {notes}: not a DuckDB database file"]


# --- detente ingest, stats, query, export ---------------------------------------------------


def test_reingesting_the_same_inputs_stores_nothing_new(detente: Detente, tmp_path: Path) -> None:
    news = write_news(tmp_path / "news")
    db = tmp_path / "detente.duckdb"

    first = detente("ingest", news, "--db", db, "--published", PUBLISHED)

    assert first.status == 0, first.stderr
    stats = stats_of(detente, db)
    assert stats["articles"] == len(NEWS_TEXTS)
    assert stats["runs"] == 1
    assert stats["events"] > 0
    assert sum(stats["events_by_root"].values()) == stats["events"]
    assert sum(stats["events_by_quad"].values()) == stats["events"]
    assert first.stderr_lines == [
        f"detente: stored 6 articles ({stats['events']} events) in {db}; 0 unchanged"
    ]
    events = stored(detente, db, "--all-modalities")
    assert len(events) == stats["events"]
    for record in events:
        assert_record(record, NEWS_TEXTS[record["article_id"]])

    again = detente("ingest", news, "--db", db, "--published", PUBLISHED)

    assert again.status == 0, again.stderr
    assert again.stderr_lines == [f"detente: stored 0 articles (0 events) in {db}; 6 unchanged"]
    assert stats_of(detente, db) == {**stats, "runs": 2}
    assert stored(detente, db, "--all-modalities") == events
    assert 0 < stats["records"] <= stats["events"]


def test_a_changed_article_is_coded_again(detente: Detente, tmp_path: Path) -> None:
    news = write_news(tmp_path / "news")
    db = tmp_path / "detente.duckdb"
    assert detente("ingest", news, "--db", db, "--published", PUBLISHED).status == 0
    before = stored(detente, db, "--all-modalities")
    old_talks = [r for r in before if r["article_id"] == "talks"]
    assert old_talks
    changed = "China criticised Japan on Monday. Iraq and Turkey signed a water deal on 5 May 2019."
    (news / "talks.txt").write_text(changed, encoding="utf-8")

    run = detente("ingest", news, "--db", db, "--published", PUBLISHED)

    assert run.status == 0, run.stderr
    talks = stored(detente, db, "--article", "talks", "--all-modalities")
    assert talks, "the new text yields events"
    assert run.stderr_lines == [
        f"detente: stored 1 articles ({len(talks)} events) in {db}; 5 unchanged"
    ]
    for record in talks:
        assert_record(record, changed)
    assert not {r["event_id"] for r in old_talks} & {r["event_id"] for r in talks}
    after = stored(detente, db, "--all-modalities")
    assert [r for r in after if r["article_id"] != "talks"] == [
        r for r in before if r["article_id"] != "talks"
    ]
    stats = stats_of(detente, db)
    assert stats["articles"] == len(NEWS_TEXTS)
    assert stats["events"] == len(before) - len(old_talks) + len(talks) == len(after)


def test_exports_leave_out_negated_events_unless_asked(detente: Detente, tmp_path: Path) -> None:
    news = write_news(tmp_path / "news")
    db = tmp_path / "detente.duckdb"
    assert detente("ingest", news, "--db", db, "--published", PUBLISHED).status == 0
    every = stored(detente, db, "--all-modalities")
    assert any(r["modality"] == "negated" for r in every), "Germany did not sanction Russia."

    default = detente("export", "--db", db)
    everything = detente("export", "--db", db, "--all-modalities")

    assert default.status == everything.status == 0
    assert exported(everything.stdout) == every
    assert exported(default.stdout) == [r for r in every if r["modality"] == "asserted"]
    assert exported(default.stdout) == stored(detente, db)
    assert default.stderr_lines == [f"detente: exported {len(records_of(default.stdout))} events"]
    # event records are of asserted events only
    assert all(r["record_id"] for r in records_of(default.stdout))
    assert not any(
        r["record_id"] for r in records_of(everything.stdout) if r["modality"] != "asserted"
    )


@pytest.fixture(scope="module")
def examples_store(
    tmp_path_factory: pytest.TempPathFactory, detente_script: Script
) -> Iterator[tuple[Path, CliRun]]:
    """The shipped examples, ingested by the console script: `make run`'s first step."""
    db = tmp_path_factory.mktemp("examples") / "detente.duckdb"
    run = detente_script("ingest", "--examples", "--db", db)
    yield db, run


def test_ingest_examples(examples_store: tuple[Path, CliRun], detente: Detente) -> None:
    db, run = examples_store
    examples = sorted(data_path("examples").glob("*.json"))

    assert run.status == 0, run.stderr
    stats = stats_of(detente, db)
    assert stats["articles"] == len(examples) > 0
    assert stats["events"] > 0
    assert run.stderr_lines == [
        f"detente: stored {len(examples)} articles ({stats['events']} events) in {db}; 0 unchanged"
    ]
    text = detente("stats", "--db", db)
    assert text.status == 0
    assert text.stdout.startswith(
        f"{db}: {stats['articles']} articles, {stats['events']} events "
        f"({stats['records']} event records), 1 runs\n"
    )


def test_query_events_as_table_and_jsonl(
    examples_store: tuple[Path, CliRun], detente: Detente
) -> None:
    db, _ = examples_store
    records = stored(detente, db)
    assert records
    for record in records:
        assert list(record) == RECORD_FIELDS

    table = detente("query", "events", "--mentions", "--db", db, "--format", "table")

    assert table.status == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["DATE", "SOURCE", "CODE", "TARGET", "EVIDENCE"]
    rows = [line for line in lines[2:] if not line.startswith("[")]
    assert len(rows) == len(records)
    for record, row in zip(records, rows, strict=True):
        assert f"{record['code']} {record['code_name']}"[:30] in row
        assert f"[{record['trigger']['text']}]" in row
    assert {f"[{r['article_id']}]" for r in records} <= set(lines)

    first = records[0]["article_id"]
    assert {r["article_id"] for r in stored(detente, db, "--article", first)} == {first}
    assert stored(detente, db, "--limit", "2") == records[:2]


@pytest.mark.parametrize("modalities", [(), ("--all-modalities",)], ids=["asserted", "all"])
def test_exports_load_back(
    examples_store: tuple[Path, CliRun],
    detente: Detente,
    tmp_path: Path,
    modalities: tuple[str, ...],
) -> None:
    db, _ = examples_store
    expected = stored(detente, db, *modalities)
    if modalities:
        assert len(expected) == stats_of(detente, db)["events"]
    ids = [r["event_id"] for r in expected]

    for fmt in ("jsonl", "csv", "parquet"):
        output = tmp_path / f"events.{fmt}"
        run = detente("export", "--db", db, "--format", fmt, "--output", output, *modalities)
        assert run.status == 0, run.stderr
        assert run.stdout == ""
        assert run.stderr_lines == [f"detente: exported {len(expected)} events"]

    assert exported((tmp_path / "events.jsonl").read_text(encoding="utf-8")) == expected

    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == [*EXPORT_HEADER, "record_id"]
        rows = list(reader)
    assert [row["event_id"] for row in rows] == ids
    assert [row["evidence_text"] for row in rows] == [r["evidence"]["text"] for r in expected]

    with duckdb.connect() as connection:
        parquet = connection.read_parquet(
            str(tmp_path / "events.parquet" / "**" / "*.parquet"), hive_partitioning=True
        )
        assert parquet.columns[:-2] == [*EXPORT_HEADER, "record_id"]
        assert set(parquet.columns[-2:]) == {"year", "month"}
        event_ids = [row[0] for row in parquet.select("event_id").fetchall()]
    assert sorted(event_ids) == sorted(ids)


def test_actors_explains_each_mention(detente: Detente) -> None:
    run = detente("actors", TALKS, "--published", PUBLISHED)

    assert run.status == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == [
        "SPAN",
        "TEXT",
        "COUNTRY",
        "IGO",
        "SECTOR",
        "PERSON",
        "(ROLE)",
        "WHY",
    ]
    assert any(line.split()[:5] == ["0-4", "Iran", "IRN", "-", "GOV"] for line in lines), lines
    assert any(
        "United States" in line and " USA " in line and "country:" in line for line in lines
    ), lines


# --- a real corpus --------------------------------------------------------------------------


@pytest.mark.slow
def test_wikinews_ingested_twice_is_stored_once(
    detente: Detente, wikinews_csv: Path, tmp_path: Path
) -> None:
    """The slow one (about a minute): 124 real articles through `detente ingest`, twice."""
    with wikinews_csv.open(encoding="utf-8", newline="") as handle:
        articles = sum(1 for _ in csv.DictReader(handle))
    db = tmp_path / "wikinews.duckdb"

    first = detente("ingest", wikinews_csv, "--db", db)

    assert first.status == 0, first.stderr
    stats = stats_of(detente, db)
    assert stats["articles"] == articles
    assert first.stderr_lines == [
        f"detente: stored {articles} articles ({stats['events']} events) in {db}; 0 unchanged"
    ]
    events = stored(detente, db, "--all-modalities")
    assert len(events) == stats["events"]

    second = detente("ingest", wikinews_csv, "--db", db)

    assert second.status == 0, second.stderr
    assert second.stderr_lines == [
        f"detente: stored 0 articles (0 events) in {db}; {articles} unchanged"
    ]
    assert stats_of(detente, db) == {**stats, "runs": 2}
    assert stored(detente, db, "--all-modalities") == events
    assert 0 < stats["records"] <= stats["events"]
