"""The actor dictionaries: countries, seats of power, organisations, sector terms and people;
and the city gazetteer that places local actors and events.

The data lives in files under `detente/data` (`countries.tsv`, `metonyms.tsv`, `igos.yaml`,
`sectors.yaml`, `people.tsv`, `cities.tsv`); users add or override actor entries with YAML files
of their own. Everything is validated on load, and every entry records where it was read
(`where`, e.g. `countries.tsv:57`) so that a mention can say which entry resolved it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from detente.datafiles import data_path, line_of, read_tsv, read_yaml, split_list
from detente.errors import DataFileError

SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "SPY", "BUS", "MED", "CVL", "EDU"}
    | {"REL", "HLH", "NGO", "UNK"}
)
"""The sectors an actor can have (see the annotation guidelines)."""
KINDS = frozenset({"title", "group", "weapon"})
"""Kinds of sector term: a personal `title` ("defense minister") or a `group` that acts ("army")."""

_ISO3 = re.compile(r"[A-Z]{3}")
_ISO2 = re.compile(r"[A-Z]{2}")
_IGO = re.compile(r"[A-Z][A-Z0-9]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory and the words English news uses for it and its people."""

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    """Other names ("U.S.", "America"); `name` is not repeated here."""
    adjectives: tuple[str, ...]
    nationals: tuple[str, ...]
    """Plural nouns for its people ("Iranians", "Britons")."""
    capital: str | None
    capital_aliases: tuple[str, ...]
    """Other spellings of the capital and other seats of government ("Kiev", "La Paz")."""
    capital_lat: float | None
    capital_lon: float | None
    where: str


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place or institution that stands for a country's government, army, etc. ("Kremlin")."""

    phrases: tuple[str, ...]
    iso3: str
    sector: str
    note: str
    where: str


@dataclass(frozen=True, slots=True)
class Igo:
    """An international organisation, coded `IGO:<igo>`."""

    igo: str
    name: str
    aliases: tuple[str, ...]
    """Other names, organs included ("Security Council"); `name` is not repeated here."""
    sector: str
    where: str


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """A noun that tells an actor's sector: a personal title or a group that acts."""

    term: str
    """Singular, lower case ("defense minister", "armed force")."""
    sector: str
    kind: str
    """`title`, `group` or `weapon` (a group only a named country places)."""
    role: str | None
    """How a title is shown for a person ("Defence Minister"); None for most groups."""
    where: str


@dataclass(frozen=True, slots=True)
class Person:
    """One office term of a known person.

    `country` is an ISO3 code, or `IGO:<igo>` for officials of an international organisation
    ("IGO:UN" for the Secretary-General). `end` is the first day out of office (the handover
    day), None while in office; `start` None means "since before our records".
    """

    name: str
    aliases: tuple[str, ...]
    """Other names ("Erdogan", "Recep Erdogan"); `name` is not repeated here."""
    country: str
    sector: str
    role: str
    start: dt.date | None
    end: dt.date | None
    source: str
    where: str

    def holds_office_on(self, day: dt.date) -> bool:
        """Whether this term covers `day` (from `start`, up to but not including `end`)."""
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day < self.end


@dataclass(frozen=True, slots=True)
class City:
    """A city of the gazetteer (`cities.tsv`): where local actors act and events happen. A city
    is a place, never an actor."""

    name: str
    aliases: tuple[str, ...]
    """Other spellings ("Sao Paulo", "Basra"); `name` is not repeated here."""
    iso3: str
    lat: float
    lon: float
    population: int
    """Decides between cities that share a name."""
    where: str


def _index(countries: Iterable[Country]) -> Mapping[str, Country]:
    return {c.iso3: c for c in countries}


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Everything the actor matcher knows, as loaded from the data files."""

    countries: tuple[Country, ...] = ()
    metonyms: tuple[Metonym, ...] = ()
    igos: tuple[Igo, ...] = ()
    sector_terms: tuple[SectorTerm, ...] = ()
    people: tuple[Person, ...] = ()
    _by_iso3: Mapping[str, Country] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Built eagerly: a frozen, slotted class has nowhere to cache a lazy index.
        object.__setattr__(self, "_by_iso3", _index(self.countries))

    def country(self, iso3: str) -> Country | None:
        """The country with this ISO3 code, if known."""
        return self._by_iso3.get(iso3)

    def merged(self, other: ActorDictionary) -> ActorDictionary:
        """This dictionary with `other`'s entries added.

        An entry of `other` replaces the entries here with the same key: a country's iso3, an
        organisation's code, a sector term, any phrase of a metonym, and a person's
        (name, country, role), all of whose terms here give way to `other`'s.
        """
        iso3s = {c.iso3 for c in other.countries}
        phrases = {p.casefold() for m in other.metonyms for p in m.phrases}
        codes = {o.igo for o in other.igos}
        terms = {t.term for t in other.sector_terms}
        people = {_person_key(p) for p in other.people}
        return ActorDictionary(
            countries=(*(c for c in self.countries if c.iso3 not in iso3s), *other.countries),
            metonyms=(
                *(m for m in self.metonyms if not phrases & {p.casefold() for p in m.phrases}),
                *other.metonyms,
            ),
            igos=(*(o for o in self.igos if o.igo not in codes), *other.igos),
            sector_terms=(
                *(t for t in self.sector_terms if t.term not in terms),
                *other.sector_terms,
            ),
            people=(*(p for p in self.people if _person_key(p) not in people), *other.people),
        )


def _person_key(person: Person) -> tuple[str, str, str]:
    return (person.name.casefold(), person.country, person.role.casefold())


def load_dictionary(*, extra: Sequence[Path] = ()) -> ActorDictionary:
    """The shipped dictionaries, then each of the user's YAML files in `extra` merged over them."""
    dictionary = _Reader(_Known()).shipped()
    for path in extra:
        known = _Known(
            iso3s={c.iso3 for c in dictionary.countries},
            igos={o.igo for o in dictionary.igos},
        )
        dictionary = dictionary.merged(_Reader(known).user_file(path))
    return dictionary


@functools.cache
def default_dictionary() -> ActorDictionary:
    """The shipped dictionaries, loaded once."""
    return load_dictionary()


def load_cities(
    path: Path | None = None, *, countries: Iterable[str] | None = None
) -> tuple[City, ...]:
    """The city gazetteer (the shipped `cities.tsv` by default), validated: each city's country
    must be one of `countries` (by default those of the shipped dictionary)."""
    path = path or data_path("cities.tsv")
    if countries is None:
        countries = (c.iso3 for c in default_dictionary().countries)
    known = set(countries)
    cities = []
    required = ("name", "iso3", "lat", "lon", "population")
    for line, row in read_tsv(path, required=required):
        iso3 = _match(path, line, "iso3", row["iso3"], _ISO3, "an ISO3 code (3 capital letters)")
        if iso3 not in known:
            raise DataFileError(str(path), line, f"iso3 {iso3!r} is not a known country")
        lat = _coordinate(path, line, "lat", row["lat"], 90.0)
        lon = _coordinate(path, line, "lon", row["lon"], 180.0)
        if lat is None or lon is None:
            raise DataFileError(str(path), line, "lat and lon are required")
        population = row["population"]
        if not population.isascii() or not population.isdigit():
            raise DataFileError(str(path), line, f"population {population!r} is not a whole number")
        cities.append(
            City(
                name=row["name"],
                aliases=_names(row.get("aliases", ""), row["name"]),
                iso3=iso3,
                lat=lat,
                lon=lon,
                population=int(population),
                where=f"{path.name}:{line}",
            )
        )
    return tuple(cities)


@functools.cache
def default_cities() -> tuple[City, ...]:
    """The shipped city gazetteer, loaded once."""
    return load_cities()


# -- reading ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Known:
    """Codes defined so far, which later entries may refer to."""

    iso3s: set[str] = field(default_factory=set)
    igos: set[str] = field(default_factory=set)


class _Reader:
    """Reads and validates the data files, raising DataFileError with the file and line."""

    def __init__(self, known: _Known) -> None:
        self.known = known

    # -- the shipped files --

    def shipped(self) -> ActorDictionary:
        path = data_path("countries.tsv")
        countries = self._countries(
            path,
            (
                (line, self._country(path, line, row, path.name))
                for line, row in read_tsv(path, required=("iso3", "iso2", "name"))
            ),
        )
        path = data_path("igos.yaml")
        igos = self._igos(path, _read_yaml_list(path), path.name)
        path = data_path("metonyms.tsv")
        metonyms = tuple(
            self._metonym(path, line, row, path.name)
            for line, row in read_tsv(path, required=("phrase", "iso3", "sector"))
        )
        path = data_path("sectors.yaml")
        terms = _unique(
            path,
            ((line_of(e), self._sector_term(path, e, path.name)) for e in _read_yaml_list(path)),
            key=lambda t: t.term,
            what="term",
        )
        path = data_path("people.tsv")
        required = ("name", "country", "sector", "role", "source")
        people = _unique(
            path,
            (
                (line, self._person(path, line, row, path.name, default_source=""))
                for line, row in read_tsv(path, required=required)
            ),
            key=lambda p: f"{p.name}, {p.role} from {p.start}",
            what="office term",
        )
        return ActorDictionary(countries, metonyms, igos, terms, people)

    def _countries(
        self, path: Path, found: Iterable[tuple[int | None, Country]]
    ) -> tuple[Country, ...]:
        """Countries without repeats; the entries read after them may refer to them."""
        countries = _unique(path, found, key=lambda c: c.iso3, what="iso3")
        self.known.iso3s.update(c.iso3 for c in countries)
        return countries

    def _igos(self, path: Path, entries: Iterable[Any], where: str) -> tuple[Igo, ...]:
        """Organisations without repeats; the entries read after them may refer to them."""
        igos = _unique(
            path,
            ((line_of(e), self._igo(path, e, where)) for e in entries),
            key=lambda o: o.igo,
            what="igo",
        )
        self.known.igos.update(o.igo for o in igos)
        return igos

    # -- a user's file --

    def user_file(self, path: Path) -> ActorDictionary:
        """A user's YAML file: a mapping of `countries`, `igos`, `metonyms`, `sector_terms`
        and `people`, each a list of entries with the fields of the shipped files."""
        document = _read_yaml(path)
        if document is None:
            return ActorDictionary()
        if not isinstance(document, dict):
            raise DataFileError(str(path), 1, "expected a mapping of countries, igos, people...")
        unknown = sorted(set(document) - {"__line__", *_USER_SECTIONS})
        if unknown:
            raise DataFileError(
                str(path),
                line_of(document),
                f"unknown section(s) {', '.join(map(str, unknown))};"
                f" expected {', '.join(_USER_SECTIONS)}",
            )
        where = str(path)

        def section(name: str) -> Iterator[tuple[int | None, dict[str, Any]]]:
            for entry in _yaml_list(path, document.get(name) or [], name):
                if not isinstance(entry, dict):
                    raise DataFileError(
                        where, line_of(document), f"{name}: expected a mapping, got {entry!r}"
                    )
                yield line_of(entry), entry

        def countries() -> Iterator[tuple[int | None, Country]]:
            for line, entry in section("countries"):
                _check_fields(path, line, entry, _COUNTRY_FIELDS)
                yield line, self._country(path, line, _cells(path, line, entry), where)

        def metonyms() -> Iterator[Metonym]:
            for line, entry in section("metonyms"):
                _check_fields(path, line, entry, _METONYM_FIELDS)
                cells = _cells(path, line, entry)
                cells["phrase"] = cells.pop("phrases", "") or cells.get("phrase", "")
                yield self._metonym(path, line, cells, where)

        def people() -> Iterator[Person]:
            for line, entry in section("people"):
                _check_fields(path, line, entry, _PERSON_FIELDS)
                cells = _cells(path, line, entry)
                yield self._person(path, line, cells, where, default_source=f"user: {where}")

        # Keyword arguments run in order: countries and organisations are known before the
        # metonyms and people that refer to them.
        return ActorDictionary(
            countries=self._countries(path, countries()),
            igos=self._igos(path, (entry for _, entry in section("igos")), where),
            metonyms=tuple(metonyms()),
            sector_terms=_unique(
                path,
                ((line, self._sector_term(path, e, where)) for line, e in section("sector_terms")),
                key=lambda t: t.term,
                what="term",
            ),
            people=tuple(people()),
        )

    # -- one entry --

    def _country(self, path: Path, line: int | None, row: dict[str, str], where: str) -> Country:
        iso3 = _match(path, line, "iso3", row.get("iso3", ""), _ISO3, "3 capital letters")
        iso2 = _match(path, line, "iso2", row.get("iso2", ""), _ISO2, "2 capital letters")
        name = _required(path, line, "name", row.get("name", ""))
        capital = row.get("capital", "") or None
        lat = _coordinate(path, line, "capital_lat", row.get("capital_lat", ""), 90.0)
        lon = _coordinate(path, line, "capital_lon", row.get("capital_lon", ""), 180.0)
        if (lat is None) != (lon is None) or (lat is not None and capital is None):
            raise DataFileError(
                str(path), line, "capital_lat and capital_lon go together, with a capital"
            )
        return Country(
            iso3=iso3,
            iso2=iso2,
            name=name,
            aliases=_names(row.get("aliases", ""), name),
            adjectives=tuple(split_list(row.get("adjectives", ""))),
            nationals=tuple(split_list(row.get("nationals", ""))),
            capital=capital,
            capital_aliases=_names(row.get("capital_aliases", ""), capital),
            capital_lat=lat,
            capital_lon=lon,
            where=f"{where}:{line}",
        )

    def _metonym(self, path: Path, line: int | None, row: dict[str, str], where: str) -> Metonym:
        phrases = tuple(split_list(row.get("phrase", "")))
        if not phrases:
            raise DataFileError(str(path), line, "a metonym needs at least one phrase")
        return Metonym(
            phrases=phrases,
            iso3=self._country_code(path, line, "iso3", row.get("iso3", ""), igo=False),
            sector=_sector(path, line, row.get("sector", "")),
            note=row.get("note", ""),
            where=f"{where}:{line}",
        )

    def _person(
        self, path: Path, line: int | None, row: dict[str, str], where: str, *, default_source: str
    ) -> Person:
        name = _required(path, line, "name", row.get("name", ""))
        start = _date(path, line, "start", row.get("start", ""))
        end = _date(path, line, "end", row.get("end", ""))
        if start is not None and end is not None and end < start:
            raise DataFileError(str(path), line, f"end {end} is before start {start}")
        return Person(
            name=name,
            aliases=_names(row.get("aliases", ""), name),
            country=self._country_code(path, line, "country", row.get("country", ""), igo=True),
            sector=_sector(path, line, row.get("sector", "")),
            role=_required(path, line, "role", row.get("role", "")),
            start=start,
            end=end,
            source=row.get("source", "") or default_source,
            where=f"{where}:{line}",
        )

    def _igo(self, path: Path, entry: Any, where: str) -> Igo:
        line = _mapping_line(path, entry, _IGO_FIELDS)
        name = _required(path, line, "name", _text(path, line, "name", entry.get("name")))
        code = _text(path, line, "igo", entry.get("igo"))
        return Igo(
            igo=_match(path, line, "igo", code, _IGO, "capital letters and digits, e.g. G7"),
            name=name,
            aliases=_names(_list_cell(path, line, "aliases", entry.get("aliases")), name),
            sector=_sector(path, line, _text(path, line, "sector", entry.get("sector"))),
            where=f"{where}:{line}",
        )

    def _sector_term(self, path: Path, entry: Any, where: str) -> SectorTerm:
        line = _mapping_line(path, entry, _TERM_FIELDS)
        term = _required(path, line, "term", _text(path, line, "term", entry.get("term")))
        if term != term.lower() or term != " ".join(term.split()):
            raise DataFileError(str(path), line, f"term {term!r} must be lower case, single-spaced")
        kind = _text(path, line, "kind", entry.get("kind"))
        if kind not in KINDS:
            raise DataFileError(
                str(path), line, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}"
            )
        return SectorTerm(
            term=term,
            sector=_sector(path, line, _text(path, line, "sector", entry.get("sector"))),
            kind=kind,
            role=_text(path, line, "role", entry.get("role")) or None,
            where=f"{where}:{line}",
        )

    def _country_code(
        self, path: Path, line: int | None, column: str, value: str, *, igo: bool
    ) -> str:
        if igo and value.startswith("IGO:"):
            if value[4:] in self.known.igos:
                return value
            raise DataFileError(str(path), line, f"{column} {value!r}: no such organisation")
        code = _match(path, line, column, value, _ISO3, "an ISO3 code (3 capital letters)")
        if code not in self.known.iso3s:
            raise DataFileError(str(path), line, f"{column} {code!r} is not a known country")
        return code


# -- YAML entries of a user's file ---------------------------------------------------------

_USER_SECTIONS = ("countries", "igos", "metonyms", "sector_terms", "people")
_COUNTRY_FIELDS = frozenset(
    {"iso3", "iso2", "name", "aliases", "adjectives", "nationals", "capital", "capital_aliases"}
    | {"capital_lat", "capital_lon"}
)
_IGO_FIELDS = frozenset({"igo", "name", "aliases", "sector"})
_METONYM_FIELDS = frozenset({"phrase", "phrases", "iso3", "sector", "note"})
_TERM_FIELDS = frozenset({"term", "sector", "kind", "role"})
_PERSON_FIELDS = frozenset(
    {"name", "aliases", "country", "sector", "role", "start", "end", "source"}
)
_LIST_FIELDS = frozenset(
    {"aliases", "adjectives", "nationals", "capital_aliases", "phrase", "phrases"}
)


def _read_yaml(path: Path) -> Any:
    try:
        return read_yaml(path)
    except ValueError as exc:
        # PyYAML builds dates itself and fails outright on an impossible one ("2024-02-30").
        raise DataFileError(str(path), _bad_date_line(path), f"invalid date: {exc}") from exc


def _bad_date_line(path: Path) -> int | None:
    """The first line of a text file holding an impossible YYYY-MM-DD date."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            for found in re.finditer(r"\b\d{4}-\d{2}-\d{2}\b", line):
                try:
                    dt.date.fromisoformat(found.group(0))
                except ValueError:
                    return number
    return None


def _yaml_list(path: Path, value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise DataFileError(str(path), line_of(value), f"{what}: expected a list of entries")
    return value


def _read_yaml_list(path: Path) -> list[Any]:
    return _yaml_list(path, _read_yaml(path), path.name)


def _mapping_line(path: Path, entry: Any, fields: frozenset[str]) -> int | None:
    """The line of an entry that must be a mapping of known fields."""
    if not isinstance(entry, dict):
        raise DataFileError(str(path), None, f"expected a mapping, got {entry!r}")
    line = line_of(entry)
    _check_fields(path, line, entry, fields)
    return line


def _check_fields(
    path: Path, line: int | None, entry: dict[Any, Any], fields: frozenset[str]
) -> None:
    unknown = sorted(str(k) for k in entry if k != "__line__" and k not in fields)
    if unknown:
        expected = ", ".join(sorted(fields))
        raise DataFileError(
            str(path), line, f"unknown field(s) {', '.join(unknown)}; expected {expected}"
        )


def _unique(
    path: Path, found: Iterable[tuple[int | None, _T]], *, key: Callable[[_T], str], what: str
) -> tuple[_T, ...]:
    """The items found, refusing a second item with the same key."""
    seen: set[str] = set()
    items = []
    for line, item in found:
        if key(item) in seen:
            raise DataFileError(str(path), line, f"duplicate {what} {key(item)!r}")
        seen.add(key(item))
        items.append(item)
    return tuple(items)


def _cells(path: Path, line: int | None, entry: dict[str, Any]) -> dict[str, str]:
    """A YAML entry as the text cells a TSV row would have."""
    cells: dict[str, str] = {}
    for key, value in entry.items():
        if key == "__line__":
            continue
        if key in _LIST_FIELDS:
            cells[key] = _list_cell(path, line, key, value)
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            cells[key] = value.isoformat()
        elif isinstance(value, bool | list | dict):
            raise DataFileError(str(path), line, f"{key}: expected text, got {value!r} (quote it)")
        else:
            cells[key] = "" if value is None else str(value).strip()
    return cells


def _text(path: Path, line: int | None, key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    raise DataFileError(str(path), line, f"{key}: expected text, got {value!r}")


def _list_cell(path: Path, line: int | None, key: str, value: Any) -> str:
    """A YAML list (or a `|`-separated string) as a TSV list cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        if any("|" in v for v in value):
            raise DataFileError(str(path), line, f"{key}: an item contains '|'")
        return "|".join(value)
    raise DataFileError(str(path), line, f"{key}: expected a list of text, got {value!r}")


# -- cells ---------------------------------------------------------------------------------


def _required(path: Path, line: int | None, column: str, value: str) -> str:
    if not value:
        raise DataFileError(str(path), line, f"{column} is required")
    return value


def _match(
    path: Path, line: int | None, column: str, value: str, pattern: re.Pattern[str], expected: str
) -> str:
    if not pattern.fullmatch(value):
        raise DataFileError(str(path), line, f"{column} {value!r} is not {expected}")
    return value


def _sector(path: Path, line: int | None, value: str) -> str:
    if value not in SECTORS:
        raise DataFileError(
            str(path), line, f"sector {value!r} is not one of {' '.join(sorted(SECTORS))}"
        )
    return value


def _date(path: Path, line: int | None, column: str, value: str) -> dt.date | None:
    if not value:
        return None
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise DataFileError(str(path), line, f"{column} {value!r} is not an ISO date (YYYY-MM-DD)")


def _coordinate(
    path: Path, line: int | None, column: str, value: str, limit: float
) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not -limit <= number <= limit:
        raise DataFileError(
            str(path), line, f"{column} {value!r} is not a number from {-limit:g} to {limit:g}"
        )
    return number


def _names(cell: str, name: str | None) -> tuple[str, ...]:
    """The names of a list cell, without `name` itself and without repeats."""
    names = dict.fromkeys(n for n in split_list(cell) if n != name)
    return tuple(names)
