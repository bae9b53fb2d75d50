"""The office holders we ship in people.tsv: coverage, consistency and spot checks."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from detente.actors.dictionary import ActorDictionary, Person, default_dictionary, load_dictionary

FOREIGN_MINISTER_ROLES = {
    "Foreign Minister",
    "Foreign Secretary",
    "Secretary of State",
    "External Affairs Minister",
}
G20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA"} | {
    "JPN",
    "KOR",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "TUR",
    "GBR",
    "USA",
}
TODAY = dt.date(2026, 2, 6)


@pytest.fixture(scope="module")
def shipped() -> ActorDictionary:
    return load_dictionary()


def holders(d: ActorDictionary, country: str, role: str, day: dt.date) -> set[str]:
    return {
        p.name
        for p in d.people
        if p.country == country and p.role == role and p.holds_office_on(day)
    }


def test_covers_at_least_80_countries(shipped: ActorDictionary) -> None:
    countries = {p.country for p in shipped.people if not p.country.startswith("IGO:")}
    assert len(countries) >= 80
    required = set(G20) | {"PRK", "TWN", "IRN", "ISR", "PSE", "EGY", "SYR", "IRQ", "LBN", "YEM"}
    required |= {"QAT", "ARE", "KWT", "OMN", "BHR", "JOR", "AZE", "ARM", "GEO", "KAZ", "UZB"}
    required |= {"ETH", "SOM", "SDN", "SSD", "ERI", "DJI", "MLI", "NER", "BFA", "TCD", "SEN"}
    required |= {"NGA", "GHA", "CIV", "KEN", "TZA", "COD", "AGO", "MOZ", "ZWE", "PAK", "BGD"}
    required |= {"LKA", "NPL", "AFG", "MMR", "THA", "VNM", "PHL", "MYS", "SGP", "CUB", "VEN"}
    required |= {"NIC", "HTI", "COL", "CHL", "PER", "SRB", "XKX", "BIH", "ALB", "MKD", "MNE"}
    required |= {"EST", "LVA", "LTU", "FIN", "SWE", "NOR", "DNK", "POL", "CZE", "SVK", "HUN"}
    required |= {"ROU", "BGR", "UKR", "BLR", "MDA", "LBY", "TUN", "DZA", "MAR"}
    assert required <= countries, sorted(required - countries)


def test_every_row_names_a_known_country_or_organisation(shipped: ActorDictionary) -> None:
    codes = {c.iso3 for c in shipped.countries} | {f"IGO:{o.igo}" for o in shipped.igos}
    for p in shipped.people:
        assert p.country in codes, p.where
        assert p.source, p.where
        assert p.start is None or p.end is None or p.start < p.end, p.where
        assert p.end is None or p.end <= dt.date(2027, 1, 1), p.where


def test_sectors_follow_the_office(shipped: ActorDictionary) -> None:
    for p in shipped.people:
        if p.role in FOREIGN_MINISTER_ROLES or p.role in {"President", "Prime Minister", "King"}:
            assert p.sector == "GOV", p.where
        if p.role in {"Defence Minister", "Defence Secretary", "Secretary of Defense"}:
            assert p.sector == "MIL", p.where


def test_no_office_has_two_holders_at_once(shipped: ActorDictionary) -> None:
    # Opposition leaders are not an office with one holder (Guaidó and Machado at once).
    terms: dict[tuple[str, str], list[Person]] = defaultdict(list)
    for p in shipped.people:
        if p.sector != "OPP":
            terms[(p.country, p.role)].append(p)
    for office, found in terms.items():
        found.sort(key=lambda p: p.start or dt.date.min)
        for before, after in itertools.pairwise(found):
            assert after.start is not None, (office, after.where)
            assert before.end is not None and before.end <= after.start, (
                office,
                before.where,
                after.where,
            )


def test_rows_are_sorted_by_country_then_start(shipped: ActorDictionary) -> None:
    keys = [
        (p.country.startswith("IGO:"), p.country, p.start or dt.date.min) for p in shipped.people
    ]
    assert keys == sorted(keys)


def test_no_alias_is_a_place_or_people_name(shipped: ActorDictionary) -> None:
    places: set[str] = set()
    for c in shipped.countries:
        names = (c.name, *c.aliases, *c.adjectives, *c.nationals, *c.capital_aliases)
        places.update(n.casefold() for n in (*names, *([c.capital] if c.capital else [])))
    for p in shipped.people:
        for alias in p.aliases:
            assert alias.casefold() not in places, (p.where, alias)
            assert alias == alias.strip() and alias != p.name, (p.where, alias)
        assert len(set(p.aliases)) == len(p.aliases), p.where


def test_aliases_are_checked_against_the_default_dictionary() -> None:
    shipped = default_dictionary()
    demonyms = {
        n.casefold() for c in shipped.countries for n in (*c.adjectives, *c.nationals, c.name)
    }
    aliases = {a.casefold() for p in shipped.people for a in p.aliases}
    assert not aliases & demonyms
    assert {"muscat", "store", "chapo"}.isdisjoint(aliases)


def test_each_person_keeps_one_set_of_aliases(shipped: ActorDictionary) -> None:
    by_name: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for p in shipped.people:
        if not p.country.startswith("IGO:"):
            by_name[(p.name, p.country)].add(p.aliases)
    differing = {key: found for key, found in by_name.items() if len(found) > 1}
    assert not differing


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("GBR", "Prime Minister", dt.date(2019, 6, 1), "Theresa May"),
        ("GBR", "Prime Minister", dt.date(2023, 1, 1), "Rishi Sunak"),
        ("GBR", "Prime Minister", dt.date(2016, 7, 12), "David Cameron"),
        ("GBR", "Prime Minister", dt.date(2016, 7, 13), "Theresa May"),
        ("USA", "President", dt.date(2020, 1, 5), "Donald Trump"),
        ("USA", "President", TODAY, "Donald Trump"),
        ("IRN", "President", dt.date(2022, 1, 1), "Ebrahim Raisi"),
        ("IRN", "President", TODAY, "Masoud Pezeshkian"),
        ("DEU", "Chancellor", dt.date(2020, 6, 1), "Angela Merkel"),
        ("DEU", "Chancellor", dt.date(2026, 1, 1), "Friedrich Merz"),
        ("JPN", "Prime Minister", dt.date(2021, 6, 1), "Yoshihide Suga"),
        ("ISR", "Prime Minister", dt.date(2022, 1, 1), "Naftali Bennett"),
        ("ISR", "Prime Minister", dt.date(2024, 1, 1), "Benjamin Netanyahu"),
        ("FRA", "President", dt.date(2016, 6, 1), "François Hollande"),
        ("RUS", "Defence Minister", dt.date(2024, 6, 1), "Andrei Belousov"),
        ("CHN", "Foreign Minister", dt.date(2023, 5, 1), "Qin Gang"),
        ("KOR", "President", dt.date(2019, 1, 1), "Moon Jae-in"),
        ("BRA", "President", dt.date(2020, 1, 1), "Jair Bolsonaro"),
        ("CAN", "Foreign Minister", dt.date(2018, 6, 1), "Chrystia Freeland"),
        ("AUS", "Prime Minister", dt.date(2016, 1, 1), "Malcolm Turnbull"),
        ("ZAF", "President", dt.date(2017, 1, 1), "Jacob Zuma"),
        ("PAK", "Prime Minister", dt.date(2020, 1, 1), "Imran Khan"),
        ("IND", "Defence Minister", dt.date(2016, 1, 1), "Manohar Parrikar"),
        ("UKR", "Defence Minister", dt.date(2022, 6, 1), "Oleksii Reznikov"),
        ("UKR", "Defence Minister", TODAY, "Mykhailo Fedorov"),
        ("TUR", "Foreign Minister", dt.date(2020, 1, 1), "Mevlüt Çavuşoğlu"),
        ("SAU", "King", dt.date(2016, 1, 1), "Salman bin Abdulaziz"),
        ("SWE", "Prime Minister", dt.date(2020, 1, 1), "Stefan Löfven"),
        ("AUT", "Chancellor", dt.date(2020, 6, 1), "Sebastian Kurz"),
        ("TWN", "Premier", dt.date(2020, 6, 1), "Su Tseng-chang"),
        ("NGA", "President", dt.date(2016, 1, 1), "Muhammadu Buhari"),
        ("BGR", "President", TODAY, "Iliana Iotova"),
        ("CZE", "Prime Minister", dt.date(2023, 1, 1), "Petr Fiala"),
        ("VEN", "President", dt.date(2020, 1, 1), "Nicolás Maduro"),
        ("LKA", "President", dt.date(2021, 1, 1), "Gotabaya Rajapaksa"),
        ("NPL", "Prime Minister", dt.date(2019, 1, 1), "KP Sharma Oli"),
    ],
)
def test_holder_on_a_given_day(
    shipped: ActorDictionary, country: str, role: str, day: dt.date, name: str
) -> None:
    assert holders(shipped, country, role, day) == {name}


def test_handover_days_and_gaps(shipped: ActorDictionary) -> None:
    # The handover day belongs to the successor.
    assert holders(shipped, "USA", "President", dt.date(2017, 1, 20)) == {"Donald Trump"}
    assert holders(shipped, "USA", "President", dt.date(2017, 1, 19)) == {"Barack Obama"}
    # A term we are unsure of is left out rather than guessed: nobody, not a wrong holder.
    assert holders(shipped, "KOR", "President", dt.date(2025, 5, 1)) == set()
    assert holders(shipped, "KOR", "Acting President", dt.date(2025, 1, 1)) == {"Choi Sang-mok"}


def test_g20_heads_and_foreign_ministers_are_current(shipped: ActorDictionary) -> None:
    for country in G20:
        current = [p for p in shipped.people if p.country == country and p.holds_office_on(TODAY)]
        assert any(p.role in FOREIGN_MINISTER_ROLES for p in current), country
        assert any(
            p.role in {"President", "Prime Minister", "Chancellor", "Premier", "King"}
            for p in current
        ), country


def test_two_offices_of_one_person(shipped: ActorDictionary) -> None:
    katz = {p.role for p in shipped.people if p.name == "Israel Katz"}
    assert katz == {"Foreign Minister", "Defence Minister"}
    sharaa = [p for p in shipped.people if p.name == "Ahmed al-Sharaa"]
    assert {"Sharaa", "al-Sharaa"} <= set(sharaa[0].aliases)
