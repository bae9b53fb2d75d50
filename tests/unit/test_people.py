"""The office holders we ship in people.tsv: coverage, consistency and spot checks."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable

import pytest

from detente.actors.dictionary import ActorDictionary, Person, default_dictionary, load_dictionary
from detente.model import Document

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


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("USA", "President", dt.date(1991, 1, 17), "George H. W. Bush"),
        ("USA", "President", dt.date(2001, 1, 19), "Bill Clinton"),
        ("USA", "President", dt.date(2001, 1, 20), "George W. Bush"),
        ("USA", "Secretary of State", dt.date(2003, 2, 5), "Colin Powell"),
        ("GBR", "Prime Minister", dt.date(2003, 3, 20), "Tony Blair"),
        ("GBR", "Prime Minister", dt.date(2008, 6, 1), "Gordon Brown"),
        ("FRA", "President", dt.date(2008, 6, 1), "Nicolas Sarkozy"),
        ("DEU", "Chancellor", dt.date(2002, 1, 1), "Gerhard Schröder"),
        ("RUS", "President", dt.date(2009, 1, 1), "Dmitry Medvedev"),
        ("RUS", "Prime Minister", dt.date(2009, 1, 1), "Vladimir Putin"),
        ("RUS", "Acting President", dt.date(2000, 1, 1), "Vladimir Putin"),
        ("CHN", "President", dt.date(2008, 1, 1), "Hu Jintao"),
        ("JPN", "Prime Minister", dt.date(2004, 1, 1), "Junichiro Koizumi"),
        ("KOR", "President", dt.date(2005, 1, 1), "Roh Moo-hyun"),
        ("PRK", "Supreme Leader", dt.date(2005, 1, 1), "Kim Jong Il"),
        ("ISR", "Prime Minister", dt.date(2008, 1, 1), "Ehud Olmert"),
        ("PSE", "President", dt.date(2000, 1, 1), "Yasser Arafat"),
        ("EGY", "President", dt.date(2005, 1, 1), "Hosni Mubarak"),
        ("IRQ", "President", dt.date(1995, 1, 1), "Saddam Hussein"),
        ("IRN", "President", dt.date(2008, 1, 1), "Mahmoud Ahmadinejad"),
        ("PAK", "President", dt.date(2005, 1, 1), "Pervez Musharraf"),
        ("PAK", "Prime Minister", dt.date(1998, 5, 28), "Nawaz Sharif"),
        ("AFG", "President", dt.date(2008, 1, 1), "Hamid Karzai"),
        ("VEN", "President", dt.date(2008, 1, 1), "Hugo Chávez"),
        ("BRA", "President", dt.date(2008, 1, 1), "Luiz Inácio Lula da Silva"),
        ("AZE", "Prime Minister", dt.date(2003, 9, 1), "Ilham Aliyev"),
        ("AZE", "Prime Minister", dt.date(2004, 1, 1), "Artur Rasizade"),
        ("EGY", "Defence Minister", dt.date(2014, 3, 27), "Sedki Sobhi"),
    ],
)
def test_holder_before_2015(
    shipped: ActorDictionary, country: str, role: str, day: dt.date, name: str
) -> None:
    assert holders(shipped, country, role, day) == {name}


def test_a_shared_alias_goes_to_the_holder_of_the_day(shipped: ActorDictionary) -> None:
    def named(alias: str, day: dt.date) -> set[str]:
        return {p.name for p in shipped.people if alias in p.aliases and p.holds_office_on(day)}

    assert named("Bush", dt.date(1991, 1, 17)) == {"George H. W. Bush"}
    assert named("Bush", dt.date(2003, 3, 20)) == {"George W. Bush"}
    assert named("Clinton", dt.date(1998, 1, 1)) == {"Bill Clinton"}
    assert named("Clinton", dt.date(2010, 1, 1)) == {"Hillary Clinton"}
    assert named("Assad", dt.date(1995, 1, 1)) == {"Hafez al-Assad"}
    assert named("Sharif", dt.date(1998, 5, 28)) == {"Nawaz Sharif"}
    # Between the father's presidencies and the son's there is nobody to name.
    assert named("Bush", dt.date(1995, 1, 1)) == set()


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("FRA", "President", dt.date(2008, 8, 4), "Nicolas Sarkozy"),
        ("ISR", "Prime Minister", dt.date(2008, 8, 4), "Ehud Olmert"),
        ("USA", "President", dt.date(2005, 6, 1), "George W. Bush"),
        ("GBR", "Prime Minister", dt.date(2008, 8, 4), "Gordon Brown"),
        ("RUS", "President", dt.date(2009, 6, 1), "Dmitry Medvedev"),
        ("RUS", "Prime Minister", dt.date(2009, 6, 1), "Vladimir Putin"),
        ("TWN", "President", dt.date(2004, 3, 20), "Chen Shui-bian"),
        ("TWN", "Premier", dt.date(2010, 1, 1), "Wu Den-yih"),
        ("POL", "President", dt.date(2008, 8, 12), "Lech Kaczyński"),
        ("POL", "Prime Minister", dt.date(2007, 1, 1), "Jarosław Kaczyński"),
        ("POL", "Foreign Minister", dt.date(2010, 1, 1), "Radosław Sikorski"),
        ("EST", "Prime Minister", dt.date(2007, 4, 27), "Andrus Ansip"),
        ("LVA", "President", dt.date(2005, 1, 1), "Vaira Vīķe-Freiberga"),
        ("LTU", "Acting President", dt.date(2004, 5, 1), "Artūras Paulauskas"),
        ("NLD", "Prime Minister", dt.date(2005, 1, 1), "Jan Peter Balkenende"),
        ("GRC", "Prime Minister", dt.date(2010, 5, 1), "George Papandreou"),
        ("QAT", "Emir", dt.date(2011, 1, 1), "Hamad bin Khalifa Al Thani"),
        ("KWT", "Prime Minister", dt.date(2013, 1, 1), "Jaber al-Mubarak al-Hamad al-Sabah"),
        ("SAU", "Crown Prince", dt.date(2008, 1, 1), "Sultan bin Abdulaziz"),
        ("PAK", "Foreign Minister", dt.date(2009, 1, 1), "Shah Mahmood Qureshi"),
        ("PAK", "Chief of Army Staff", dt.date(2010, 1, 1), "Ashfaq Parvez Kayani"),
        ("IGO:UN", "Secretary-General", dt.date(2003, 3, 1), "Kofi Annan"),
        ("IGO:NATO", "Secretary-General", dt.date(2011, 3, 19), "Anders Fogh Rasmussen"),
        ("IGO:EU", "High Representative for Foreign Affairs", dt.date(2003, 3, 1), "Javier Solana"),
        ("IGO:IAEA", "Director General", dt.date(2003, 3, 1), "Mohamed ElBaradei"),
        ("VAT", "Pope", dt.date(2008, 1, 1), "Benedict XVI"),
    ],
)
def test_holder_from_2000(
    shipped: ActorDictionary, country: str, role: str, day: dt.date, name: str
) -> None:
    assert holders(shipped, country, role, day) == {name}


def test_a_2008_wire_story_resolves_to_2008s_office_holders(
    parse: Callable[..., Document],
) -> None:
    doc = parse(
        "Sarkozy met Olmert in Paris. Rice said Washington backed the talks.",
        published="2008-08-04",
    )
    people = {m.text: (m.actor.key, m.actor.sector, m.actor.person) for m in doc.mentions}
    assert people["Sarkozy"] == ("FRA", "GOV", "Nicolas Sarkozy")
    assert people["Olmert"] == ("ISR", "GOV", "Ehud Olmert")
    # "Rice" is too common a word to stand for Condoleezza Rice
    assert "Rice" not in people
    # Sarkozy's name means nobody in a story of 2020: he left office in 2012.
    later = parse("Sarkozy met Olmert in Paris.", published="2020-01-05")
    assert all(m.actor.person is None for m in later.mentions)
