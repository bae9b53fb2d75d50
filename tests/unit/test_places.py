"""Event places: the event's own place phrase, else the story's scene a few sentences around."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from detente.model import Document, Event

Parse = Callable[..., Document]


def event(doc: Document, trigger: str) -> Event:
    (found,) = [e for e in doc.events if e.trigger.text == trigger]
    return found


@pytest.mark.slow
def test_an_event_takes_the_place_of_its_own_phrase(parse: Parse) -> None:
    doc = parse("Iran and the US started talks in Muscat on Jan. 21.")
    place = event(doc, "talks").location
    assert place is not None
    assert (place.name, place.country, place.method) == ("Muscat", "OMN", "trigger-phrase")


@pytest.mark.slow
def test_an_event_without_a_place_takes_the_story_scene(parse: Parse) -> None:
    doc = parse(
        "Thousands of protesters marched in Minsk on Sunday. Police arrested dozens of them."
    )
    place = event(doc, "arrested").location
    assert place is not None
    assert (place.name, place.country, place.method) == ("Minsk", "BLR", "narrative")


@pytest.mark.slow
def test_a_story_that_opens_with_its_event_names_the_scene_right_after(parse: Parse) -> None:
    doc = parse(
        "Police arrested dozens of protesters on Sunday. The rally in Minsk was the largest "
        "in months."
    )
    place = event(doc, "arrested").location
    assert place is not None and (place.name, place.method) == ("Minsk", "narrative")


@pytest.mark.slow
def test_the_scene_fades_after_a_few_sentences(parse: Parse) -> None:
    filler = " ".join(f"The weather was mild on day {n}." for n in range(9))
    doc = parse(
        f"Thousands of protesters marched in Minsk on Sunday. {filler} Russia criticised the US."
    )
    assert event(doc, "criticised").location is None


@pytest.mark.slow
def test_the_dateline_is_never_a_scene(parse: Parse) -> None:
    doc = parse("MINSK, Belarus (AP) — Russia criticised the US on Sunday.")
    assert event(doc, "criticised").location is None


def test_a_visit_takes_place_where_it_goes(parse: Parse) -> None:
    doc = parse("Pezeshkian's official visit to Azerbaijan last year was a success.")
    place = event(doc, "visit").location
    assert place is not None and (place.country, place.method) == ("AZE", "trigger-phrase")


def test_seas_straits_and_regions_are_places(parse: Parse) -> None:
    doc = parse("Iranian forces seized a British tanker in the Strait of Hormuz on Friday.")
    place = event(doc, "seized").location
    assert place is not None
    assert (place.name, place.country, place.feature) == ("Strait of Hormuz", None, "strait")
    doc = parse(
        "Sudanese paramilitaries attacked civilians in Darfur. The RSF also attacked aid "
        "convoys on Tuesday."
    )
    place = next(e for e in doc.events if e.sentence == 1).location
    assert place is not None and (place.country, place.method) == ("SDN", "narrative")


def test_a_region_of_no_one_country_does_not_set_the_scene(parse: Parse) -> None:
    doc = parse(
        "Greece called for energy cooperation in the Eastern Mediterranean. "
        "Greece also criticised Turkey."
    )
    assert event(doc, "criticised").location is None
