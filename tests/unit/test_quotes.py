"""Quotations: the quoted words, who said them, the events told in them, and the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb

from detente.context.quotes import find_quote_spans
from detente.model import Article, Document
from detente.pipeline import Pipeline
from detente.store import Store

Parse = Callable[..., Document]


def quotes_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = next(pipeline.run([Article("q", text, dt.date(2026, 2, 6))]))
    return [(q.span.text, q.speaker.actor.key if q.speaker else None, q.verb) for q in doc.quotes]


def test_quote_spans_straight_and_curly_four_words_or_more() -> None:
    text = 'He said "we will not back down now" and called it “null and void”.'
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["we will not back down now"]
    text = "“We want peace throughout the world,” Aliyev said."
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["We want peace throughout the world,"]


def test_speaker_after_before_and_passive(pipeline: Pipeline) -> None:
    found = quotes_of(
        pipeline,
        "“We will never accept foreign bases on our soil,” Ghana's president said on Monday. "
        'Kenyan President William Ruto said: "Our troops will stay in Haiti until the job is '
        'done." "Nobody wants another war in the region," Ethiopia\'s prime minister was '
        "quoted as saying.",
    )
    assert [(who, verb) for _, who, verb in found] == [
        ("GHA", "say"),
        ("KEN", "say"),
        ("ETH", "quote"),
    ]


def test_a_statement_speaks_for_its_author(pipeline: Pipeline) -> None:
    found = quotes_of(
        pipeline,
        "A statement by Egypt's foreign ministry welcomed the ceasefire. "
        "“The parties must now return to the negotiating table,” the statement said.",
    )
    assert found[0][1:] == ("EGY", "say")


def test_a_pronoun_speaker(pipeline: Pipeline) -> None:
    found = quotes_of(
        pipeline,
        "Brazilian President Lula arrived in Rome. “This visit opens a new chapter for us,” "
        "he told reporters.",
    )
    assert found[0][1:] == ("BRA", "tell")


def test_words_quoted_in_passing_belong_to_the_clause_subject(pipeline: Pipeline) -> None:
    found = quotes_of(
        pipeline,
        "Nasirzadeh came to Baku on the instructions of Iranian President Masoud Pezeshkian, "
        "who “holds great affection for Azerbaijan.”",
    )
    assert found == [("holds great affection for Azerbaijan.", "IRN", None)]


def test_events_inside_a_quote_are_linked_to_it(pipeline: Pipeline) -> None:
    doc = next(
        pipeline.run(
            [
                Article(
                    "q",
                    "“Russia attacked our border posts last night,” Ukraine's defence "
                    "minister said.",
                    dt.date(2026, 2, 6),
                )
            ]
        )
    )
    (quote,) = doc.quotes
    attack = [e for e in doc.events if e.cameo.root == "19"]
    assert attack and attack[0].quote == quote.quote_id


def test_quotes_are_stored_replaced_and_exported(pipeline: Pipeline, tmp_path: Path) -> None:
    text = "“We will never accept foreign bases on our soil,” Ghana's president said on Monday."
    doc = next(pipeline.run([Article("g1", text, dt.date(2026, 2, 6))]))
    path = tmp_path / "q.duckdb"
    with Store.open(path) as store:
        run = store.begin_run(command="test", settings={})
        store.save(doc, run_id=run, coder_version="v1")
        store.save(doc, run_id=run, coder_version="v2")  # re-coding replaces, never doubles
        records = list(store.quote_records())
    assert len(records) == 1
    record = records[0]
    assert record["speaker"]["country"] == "GHA" and record["verb"] == "say"
    assert text[record["span"]["start"] : record["span"]["end"]] == record["span"]["text"]


def test_a_version_1_store_is_migrated_keeping_its_events(tmp_path: Path) -> None:
    from detente.store import _schema

    path = tmp_path / "old.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute(_schema.CREATE_MIGRATIONS_TABLE)
    for statement in _schema.MIGRATIONS[0].statements:
        connection.execute(statement)
    connection.execute("INSERT INTO schema_migrations VALUES (1, 'old', now())")
    connection.close()
    with Store.open(path) as store:
        assert list(store.quote_records()) == []
    connection = duckdb.connect(str(path))
    versions = connection.execute("SELECT version FROM schema_migrations").fetchall()
    columns = connection.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events'"
    ).fetchall()
    connection.close()
    assert versions == [(1,), (2,), (3,)]
    assert ("quote_id",) in columns


def test_a_quote_of_two_sentences_after_said_comma(pipeline: Pipeline) -> None:
    found = quotes_of(
        pipeline,
        'At a press conference in Riyadh, Kenyan President William Ruto said, "This deal will '
        'change the region. Nobody can stop it now."',
    )
    assert found and found[0][1:] == ("KEN", "say")
