"""Datelines at the head of a story: the place it was filed from, never an actor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.context.dateline import Dateline
from detente.model import Article, Document, TextSpan

Parse = Callable[..., Document]


def dateline_of(text: str) -> TextSpan | None:
    return Dateline()(Document(article=Article(id="a", text=text))).dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISTANBUL\nTurkish police detained 20 people.", "ISTANBUL"),
        (
            "BAKU, Feb 6 (Reuters) - Azerbaijan and Armenia resumed talks.",
            "BAKU, Feb 6 (Reuters) -",
        ),
        ("WASHINGTON — The Pentagon said on Friday.", "WASHINGTON —"),
        ("KYIV, Ukraine (AP) — Russian drones struck the city.", "KYIV, Ukraine (AP) —"),
        (
            "RIO DE JANEIRO, Brazil (AP) -- Police raided a favela.",
            "RIO DE JANEIRO, Brazil (AP) --",
        ),
        ("WASHINGTON (Reuters) - The US said.", "WASHINGTON (Reuters) -"),
    ],
)
def test_a_dateline_spans_the_place_through_the_dash(text: str, expected: str) -> None:
    span = dateline_of(text)
    assert span is not None
    assert span.start == 0
    assert span.text == expected
    assert text[span.start : span.end] == expected


def test_leading_spaces_are_not_part_of_the_dateline() -> None:
    text = "  ISTANBUL\nTurkish police detained 20 people."
    span = dateline_of(text)
    assert span == TextSpan(2, 10, "ISTANBUL")


@pytest.mark.parametrize(
    "text",
    [
        "US President Donald Trump said the talks would go on.",
        "NATO leaders met in Brussels.",
        "Iran and the US resumed talks in Muscat.",
        "EU-US trade talks resumed in Brussels.",
        "",
    ],
)
def test_an_ordinary_first_sentence_is_not_a_dateline(text: str) -> None:
    assert dateline_of(text) is None


def test_the_stage_leaves_a_document_without_a_dateline_unchanged() -> None:
    doc = Document(article=Article(id="a", text="NATO leaders met."))
    assert Dateline()(doc) is doc


def test_the_dateline_is_not_an_actor(parse: Parse) -> None:
    doc = parse("ANKARA\nTurkish police detained 20 protesters on Friday.")
    assert doc.dateline == TextSpan(0, 6, "ANKARA")
    assert all(m.start >= 6 for m in doc.mentions)
    assert doc.mentions[0].text == "Turkish police"
