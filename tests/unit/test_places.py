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


# -- what the geocoder reads: towns, shared names, context ------------------------------------


def geocoded(parse: Parse, text: str) -> dict[str, str | None]:
    """Each place the geocoder reads in `text`, by name, with its country."""
    from detente.actors.ambiguity import default_ambiguities
    from detente.actors.dictionary import default_dictionary
    from detente.actors.lexicon import Lexicon
    from detente.context.places import named_places

    lexicon = Lexicon.build(default_dictionary(), default_ambiguities())
    return {p.name: p.country for p in named_places(parse(text), lexicon)}


def test_a_town_is_read_where_the_text_sets_it_as_a_place(parse: Parse) -> None:
    # "Rosario" and "Split" are people's names and words too: towns only as places
    found = geocoded(parse, "Drug gangs attacked shops in Rosario, Argentina's third city.")
    assert found["Rosario"] == "ARG"
    found = geocoded(parse, "Wildfires reached the outskirts of Split, the second city of Croatia.")
    assert found["Split"] == "HRV"
    found = geocoded(parse, "A bus crashed in Laval, Quebec, killing two children.")
    assert found["Laval"] == "CAN"


@pytest.mark.parametrize(
    "text",
    [
        "Rosario Murillo said the election was fair.",
        "Nicaragua's vice president, Rosario Murillo, spoke in Managua.",
        "The vote split the party in March.",
        "He believed in God and in Conway's Game of Life.",
        "The anthem of the Soviet Union was played.",
    ],
)
def test_a_town_is_not_read_in_a_name_or_as_a_word(parse: Parse, text: str) -> None:
    found = geocoded(parse, text)
    assert not {"Rosario", "Split", "March", "God", "Conway", "Union"} & set(found), found


def test_a_town_shared_by_countries_takes_the_one_the_article_names(parse: Parse) -> None:
    found = geocoded(
        parse, "A gas explosion destroyed a factory in León, in Mexico's Guanajuato state."
    )
    assert found["León"] == "MEX"
    found = geocoded(parse, "Police in León detained students on the highway to Managua.")
    assert found["León"] == "NIC"


def test_a_name_shared_by_divisions_of_several_countries_takes_the_one_said(
    parse: Parse,
) -> None:
    assert geocoded(parse, "Smog closed schools across Pakistan's Punjab.")["Punjab"] == "PAK"
    assert geocoded(parse, "Farmers blocked railway tracks in Indian Punjab.")["Punjab"] == "IND"
    assert geocoded(parse, "Drought hit Amazonas, Brazil, this year.")["Amazonas"] == "BRA"
    assert geocoded(parse, "Rains flooded Amazonas and the Orinoco delta.")["Amazonas"] is None


def test_a_city_named_elsewhere_in_the_text_tells_a_shared_name_apart(parse: Parse) -> None:
    # Mérida is in Mexico, Venezuela and Spain; Cancún only in Mexico
    found = geocoded(parse, "Tourists were evacuated from Cancún, and shelters opened in Mérida.")
    assert found["Mérida"] == "MEX"


def test_a_name_joined_to_a_place_is_a_place_too(parse: Parse) -> None:
    # the parser takes "San Pedro Sula" for a person's name
    found = geocoded(parse, "A state of emergency was declared in Tegucigalpa and San Pedro Sula.")
    assert found.get("San Pedro Sula") == "HND"


def test_an_event_in_a_town_happens_there(parse: Parse) -> None:
    doc = parse("Police arrested dozens of protesters in Toledo, Spain on Sunday.")
    place = event(doc, "arrested").location
    assert place is not None
    assert (place.name, place.country, place.feature) == ("Toledo", "ESP", "town")


def test_a_meeting_told_from_the_hosts_side_happens_at_home(parse: Parse) -> None:
    doc = parse("Aliyev met a delegation from Tehran led by Iran's defence minister.")
    place = event(doc, "met").location
    assert place is not None
    assert (place.name, place.country, place.method) == ("Baku", "AZE", "host")

    # a phone call joins two places: the story's scene is neither
    doc = parse("Aliyev met a delegation in Baku. Aliyev also spoke by phone with Pezeshkian.")
    calls = [e for e in doc.events if e.cameo.code == "041"]
    assert calls and all(e.location is None for e in calls)


def test_a_place_says_its_state_or_province_where_the_text_does(parse: Parse) -> None:
    doc = parse("Police arrested dozens of protesters in Paris, Texas on Sunday.")
    place = event(doc, "arrested").location
    assert place is not None
    assert (place.name, place.country, place.admin1, place.feature) == (
        "Paris",
        "USA",
        "Texas",
        "city",
    )
    doc = parse("Gunmen attacked a village in Kano State on Sunday.")
    place = event(doc, "attacked").location
    assert place is not None and (place.country, place.admin1) == ("NGA", "Kano State")
