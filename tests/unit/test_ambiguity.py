"""Names that mean something else: US states, people's names, acronym-like words."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.ambiguity import load_ambiguities
from detente.errors import DataFileError
from detente.model import Article
from detente.pipeline import Pipeline


def _mentions(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    doc = next(pipeline.run([Article(id="t", text=text)]))
    return {m.text: m.actor.key for m in doc.mentions}


def _keys(mentions: dict[str, str | None], word: str) -> set[str | None]:
    return {key for text, key in mentions.items() if word in text}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Georgia's governor met officials in Atlanta, Georgia, on Monday.", "Georgia"),
        ("Voters in Savannah, Georgia, went to the polls.", "Georgia"),
        ("Michael Jordan visited the museum.", "Jordan"),
        ("Jordan Bardella criticised the plan.", "Jordan"),
        ("Paris Hilton flew to London.", "Paris"),
        ("The Washington Post reported the story.", "Washington"),
        ("Officials in Seattle, Washington, closed the port.", "Washington"),
        ("Farmers drew water from the Jordan River.", "Jordan"),
    ],
)
def test_other_readings_are_not_countries(pipeline: Pipeline, text: str, word: str) -> None:
    assert _keys(_mentions(pipeline, text), word) <= {None}, text


@pytest.mark.parametrize(
    ("text", "word", "key"),
    [
        ("Georgian police arrested protesters in Tbilisi, Georgia.", "Georgia", "GEO"),
        ("Jordan condemned the attack on Gaza.", "Jordan", "JOR"),
        ("Officials in Seattle said Washington would respond to China.", "Washington", "USA"),
        ("Azerbaijan signed a gas deal with Turkey.", "Azerbaijan", "AZE"),
        ("Turkey and Greece held talks.", "Turkey", "TUR"),
        ("Chad closed its border with Sudan.", "Chad", "TCD"),
    ],
)
def test_countries_stay_countries(pipeline: Pipeline, text: str, word: str, key: str) -> None:
    assert _keys(_mentions(pipeline, text), word) == {key}, text


def test_lower_case_turkey_is_a_bird(pipeline: Pipeline) -> None:
    assert "turkey" not in _mentions(pipeline, "The family ate roast turkey on Thursday.")


def test_a_malformed_ambiguity_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "ambiguous.yaml"
    path.write_text("- phrase: Georgia\n  before: atlanta\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ambiguous\.yaml:1"):
        load_ambiguities(path)


def test_shipped_ambiguities_load() -> None:
    ambiguities = load_ambiguities()
    assert {"georgia", "washington", "jordan"} <= set(ambiguities.by_phrase)
