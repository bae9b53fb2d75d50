"""The event record every output shares, built from hand-made events and from `detente.code`."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import detente
from detente.model import (
    Actor,
    CameoCode,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Provenance,
    TextSpan,
)
from detente.serialize import event_record

TEXT = "Iran and the US started talks in Muscat on Jan. 21."
TALKS = CameoCode(
    code="040",
    name="Consult, not specified below",
    description="All consultations and meetings.",
    goldstein=1.0,
    quad_class=1,
    plover_type="CONSULT",
    plover_mode=None,
)


def actor_mention(start: int, end: int, actor: Actor, rule: str) -> Mention:
    return Mention(
        start=start,
        end=end,
        text=TEXT[start:end],
        first=0,
        stop=1,
        head=0,
        sentence=0,
        actor=actor,
        rule=rule,
    )


def make_event(
    *,
    source: Mention | None = None,
    target: Mention | None = None,
    location: Place | None = None,
) -> Event:
    return Event(
        article_id="a1",
        event_id="e1",
        cameo=TALKS,
        source=source,
        target=target,
        evidence=TextSpan(0, len(TEXT), TEXT),
        trigger=TextSpan(24, 29, "talks"),
        sentence=0,
        date=EventDate("2026-01-21", "day", "relative", TextSpan(43, 50, "Jan. 21")),
        location=location,
        modality=Modality.ASSERTED,
        confidence=0.87654,
        provenance=Provenance(coder="patterns", rule="talks"),
    )


IRAN = actor_mention(0, 4, Actor(name="Iran", country="IRN", sector="GOV"), "country:c.tsv:1")
US = actor_mention(
    13,
    15,
    Actor(name="United States", country="USA", sector="GOV"),
    "country:c.tsv:2",
)
MUSCAT = Place(
    name="Muscat",
    country="OMN",
    lat=23.6,
    lon=58.4,
    admin1="Muscat",
    feature="PPLC",
    method="capital",
    span=TextSpan(33, 39, "Muscat"),
)


def test_a_full_event_record() -> None:
    record = event_record(make_event(source=IRAN, target=US, location=MUSCAT))
    assert record == {
        "article_id": "a1",
        "event_id": "e1",
        "code": "040",
        "root_code": "04",
        "code_name": "Consult, not specified below",
        "goldstein": 1.0,
        "quad_class": 1,
        "plover_type": "CONSULT",
        "plover_mode": None,
        "source": {
            "name": "Iran",
            "country": "IRN",
            "igo": None,
            "sector": "GOV",
            "code": "IRNGOV",
            "person": None,
            "role": None,
            "text": "Iran",
            "span": {"start": 0, "end": 4},
            "rule": "country:c.tsv:1",
        },
        "target": {
            "name": "United States",
            "country": "USA",
            "igo": None,
            "sector": "GOV",
            "code": "USAGOV",
            "person": None,
            "role": None,
            "text": "US",
            "span": {"start": 13, "end": 15},
            "rule": "country:c.tsv:2",
        },
        "evidence": {"start": 0, "end": len(TEXT), "text": TEXT},
        "trigger": {"start": 24, "end": 29, "text": "talks"},
        "date": "2026-01-21",
        "date_precision": "day",
        "date_method": "relative",
        "location": {
            "name": "Muscat",
            "country": "OMN",
            "admin1": "Muscat",
            "lat": 23.6,
            "lon": 58.4,
            "feature": "PPLC",
            "method": "capital",
        },
        "modality": "asserted",
        "confidence": 0.877,
        "provenance": {"coder": "patterns", "rule": "talks"},
        "quote": None,
    }


def test_field_types_survive_json() -> None:
    record = event_record(make_event(source=IRAN, target=US, location=MUSCAT))
    assert json.loads(json.dumps(record)) == record
    assert isinstance(record["goldstein"], float)
    assert isinstance(record["quad_class"], int)
    assert isinstance(record["confidence"], float)
    assert type(record["modality"]) is str  # the plain value, not the enum


def test_missing_actors_and_place_are_null() -> None:
    record = event_record(make_event())
    assert record["source"] is None
    assert record["target"] is None
    assert record["location"] is None
    assert '"source": null' in json.dumps(record)


def test_an_organisation_and_a_person() -> None:
    un = actor_mention(
        0, 4, Actor(name="United Nations", igo="UN", sector="GOV"), "igo:igos.yaml:12"
    )
    aliyev = actor_mention(
        13,
        15,
        Actor(
            name="Ilham Aliyev",
            country="AZE",
            sector="GOV",
            person="Ilham Aliyev",
            role="President",
        ),
        "person:people.tsv:9",
    )
    record = event_record(make_event(source=un, target=aliyev))
    assert (record["source"]["country"], record["source"]["igo"]) == (None, "UN")
    assert record["source"]["code"] == "IGO:UN:GOV"
    assert (record["target"]["person"], record["target"]["role"]) == ("Ilham Aliyev", "President")
    assert record["target"]["code"] == "AZEGOV"


def test_a_hypothetical_event_with_no_date() -> None:
    event = replace(
        make_event(), modality=Modality.HYPOTHETICAL, date=EventDate(None, None, "none")
    )
    record = event_record(event)
    assert record["modality"] == "hypothetical"
    assert (record["date"], record["date_precision"], record["date_method"]) == (
        None,
        None,
        "none",
    )


# -- through the public API ----------------------------------------------------------------

ARTICLE = (
    "ISTANBUL\r\n"
    "Iran and the US started talks in Muscat on Jan. 21.\r\n"
    "  Turkish police detained 20 protesters on Friday.\r\n\r\n"
    "Iranian Defense Minister Aziz Nasirzadeh visited Moscow, and the Kremlin "
    "criticised the Pentagon."
)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return detente.code(ARTICLE, published="2026-02-06")


def test_code_returns_events(events: list[Event]) -> None:
    assert len(events) >= 4
    assert all(isinstance(e, Event) for e in events)
    assert {e.cameo.code for e in events} >= {"040", "173", "111"}


def test_record_spans_slice_the_text(events: list[Event]) -> None:
    for event in events:
        record = event_record(event)
        for key in ("evidence", "trigger"):
            span = record[key]
            assert ARTICLE[span["start"] : span["end"]] == span["text"], (key, record)
        for key in ("source", "target"):
            actor = record[key]
            if actor is not None:
                start, end = actor["span"]["start"], actor["span"]["end"]
                assert ARTICLE[start:end] == actor["text"], (key, record)


def test_the_trigger_lies_inside_the_evidence(events: list[Event]) -> None:
    for event in events:
        assert event.evidence.start <= event.trigger.start < event.trigger.end
        assert event.trigger.end <= event.evidence.end


def test_api_records_name_the_article_and_the_rule(events: list[Event]) -> None:
    for event in events:
        record = event_record(event)
        assert record["article_id"] == "text"
        assert record["provenance"]["coder"]
        assert record["provenance"]["rule"]
        assert record["modality"] == "asserted"
    talks = next(event_record(e) for e in events if e.trigger.text == "talks")
    assert (talks["source"]["code"], talks["target"]["code"]) == ("IRNGOV", "USAGOV")
    assert (talks["date"], talks["date_method"]) == ("2026-01-21", "relative")
