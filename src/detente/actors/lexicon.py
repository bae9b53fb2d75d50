"""The actor dictionary turned into lookup tables for matching against parsed text.

Built once per dictionary; matching a sentence is then a handful of dict lookups per token.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

from detente.actors.ambiguity import Ambiguities
from detente.actors.dictionary import ActorDictionary, City, Person, SectorTerm, default_cities
from detente.model import Actor

_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
CITY_MARGIN = 5
"""A name shared by cities of several countries, none of them named in the article, means the
most populous city only when it is at least this many times bigger than the next country's."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One phrase of the dictionary and the actor it names on its own."""

    phrase: str
    kind: str
    """`country`, `adjective`, `nationals`, `capital`, `metonym`, `igo`, `person` or `city`."""
    actor: Actor
    """For a city, its country's government: what a place stands for, not who acts there."""
    where: str
    exact: bool
    """Acronyms ("US", "WHO") match only as written; other names in any case, capitalised."""
    person: Person | None = None
    city: City | None = None


@dataclass(frozen=True, slots=True)
class ProperMatch:
    """Where a dictionary phrase occurs: tokens `first` to `stop - 1` and its entries."""

    first: int
    stop: int
    entries: tuple[Entry, ...]

    def kind(self, *kinds: str) -> Entry | None:
        """The entry of the first of `kinds` the phrase has, if any (kinds in order of
        preference)."""
        for kind in kinds:
            for entry in self.entries:
                if entry.kind == kind:
                    return entry
        return None


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables over an ActorDictionary."""

    dictionary: ActorDictionary
    proper: dict[str, tuple[tuple[Entry, ...], ...]] = field(default_factory=dict)
    """First word (lower case) -> groups of entries sharing one phrase, longest phrase first."""
    terms: dict[tuple[str, ...], SectorTerm] = field(default_factory=dict)
    term_length: int = 1
    ambiguities: Ambiguities = field(default_factory=Ambiguities)
    term_starts: frozenset[str] = frozenset()
    """First words of the sector terms ("defense", "police")."""
    offices: dict[str, tuple[Person, ...]] = field(default_factory=dict)
    """Office holders by country code or `IGO:NAME`."""
    actor_starts: frozenset[str] = frozenset()
    """First words (lower case) of the phrases that can name an actor: all but the cities'."""

    def office_holder(self, key: str | None, role: str, on: dt.date | None) -> Actor | None:
        """Who held an office of a country on a day: "the Iranian president" in 2026."""
        if key is None or on is None:
            return None
        want = role.lower().split()
        for person in self.offices.get(key, ()):
            if person.role.lower().split()[-len(want) :] == want and person.holds_office_on(on):
                country, igo = (None, key[4:]) if key.startswith("IGO:") else (key, None)
                return Actor(
                    name=person.name,
                    country=country,
                    igo=igo,
                    sector=person.sector,
                    person=person.name,
                    role=person.role,
                )
        return None

    @classmethod
    def build(
        cls,
        dictionary: ActorDictionary,
        ambiguities: Ambiguities | None = None,
        cities: Sequence[City] | None = None,
    ) -> Lexicon:
        """The tables for a dictionary and a city gazetteer (the shipped one by default)."""
        by_phrase: dict[str, list[Entry]] = defaultdict(list)

        def add(
            phrase: str,
            kind: str,
            actor: Actor,
            where: str,
            person: Person | None = None,
            city: City | None = None,
        ) -> None:
            phrase = phrase.strip().translate(_APOSTROPHES)
            if phrase:
                entry = Entry(phrase, kind, actor, where, _exact(phrase), person, city)
                by_phrase[phrase].append(entry)

        for c in dictionary.countries:
            government = Actor(name=c.name, country=c.iso3, sector="GOV")
            for name in (c.name, *c.aliases):
                add(name, "country", government, c.where)
            for adjective in c.adjectives:
                add(adjective, "adjective", government, c.where)
            people = Actor(name=c.name, country=c.iso3, sector="CVL")
            for noun in c.nationals:
                add(noun, "nationals", people, c.where)
            for capital in (c.capital or "", *c.capital_aliases):
                add(capital, "capital", government, c.where)
        for m in dictionary.metonyms:
            for phrase in m.phrases:
                add(
                    phrase,
                    "metonym",
                    Actor(name=m.phrases[0], country=m.iso3, sector=m.sector),
                    m.where,
                )
        for o in dictionary.igos:
            actor = Actor(name=o.name, igo=o.igo, sector=o.sector)
            for name in (o.name, *o.aliases):
                add(name, "igo", actor, o.where)
        for p in dictionary.people:
            # officials of organisations are filed with the country `IGO:NAME`
            country, igo = (
                (None, p.country[4:]) if p.country.startswith("IGO:") else (p.country, None)
            )
            actor = Actor(
                name=p.name, country=country, igo=igo, sector=p.sector, person=p.name, role=p.role
            )
            for name in (p.name, *p.aliases):
                add(name, "person", actor, p.where, p)
        starts = frozenset(first_word(phrase) for phrase in by_phrase)
        # a city never takes a phrase that names something else (a person, a party, a capital)
        taken = {phrase.casefold() for phrase in by_phrase}
        governments: dict[str, Actor] = {}
        for city in default_cities() if cities is None else cities:
            state = dictionary.country(city.iso3)
            if state is None:
                continue
            if city.iso3 not in governments:
                governments[city.iso3] = Actor(name=state.name, country=city.iso3, sector="GOV")
            for name in (city.name, *city.aliases):
                if normalise(name.strip()).casefold() not in taken:
                    add(name, "city", governments[city.iso3], city.where, city=city)

        grouped: dict[str, list[tuple[Entry, ...]]] = defaultdict(list)
        for phrase, entries in by_phrase.items():
            grouped[first_word(phrase)].append(tuple(entries))
        proper = {
            key: tuple(sorted(groups, key=lambda g: -len(g[0].phrase)))
            for key, groups in grouped.items()
        }
        terms = {term_key(t.term): t for t in dictionary.sector_terms}
        length = max((len(k) for k in terms), default=1)
        offices: dict[str, list[Person]] = defaultdict(list)
        for p in dictionary.people:
            offices[p.country].append(p)
        return cls(
            dictionary,
            proper,
            terms,
            length,
            ambiguities or Ambiguities(),
            frozenset(k[0] for k in terms),
            {k: tuple(v) for k, v in offices.items()},
            starts,
        )


def _exact(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def first_word(text: str) -> str:
    """The key a phrase or token is filed under: its first run of word characters, lower case."""
    match = _WORD.search(text.lower())
    return match.group(0) if match else ""


def term_key(term: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(term.lower().translate(_APOSTROPHES)))


def normalise(text: str) -> str:
    """Text compared against phrases: apostrophes unified (length is kept)."""
    return text.translate(_APOSTROPHES)


def same_phrase(text: str, entry: Entry) -> bool:
    """Whether a stretch of article text spells the entry's phrase."""
    if entry.exact:
        return text == entry.phrase
    if entry.phrase[:1].islower():
        # "al-Shabab", "the States", "von der Leyen": as written, or capitalised to open a sentence
        return text in (entry.phrase, entry.phrase[:1].upper() + entry.phrase[1:])
    if text.lower() != entry.phrase.lower():
        return False
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def valid_person(entries: tuple[Entry, ...], on: dt.date | None) -> Entry | None:
    """Of the office terms behind a name, the one held on `on` (the latest when undated)."""
    people = [e for e in entries if e.kind == "person" and e.person is not None]
    if not people:
        return None
    if on is None:
        return max(people, key=lambda e: e.person.start or dt.date.min if e.person else dt.date.min)
    for entry in people:
        if entry.person is not None and entry.person.holds_office_on(on):
            return entry
    return None


def resolve_city(entries: Iterable[Entry], named: Container[str] = ()) -> Entry | None:
    """Of the cities a name may mean, the one meant: the most populous city of a country the
    article names (`named`), else the most populous city if it is at least `CITY_MARGIN` times
    the next country's biggest, else none (the name stays unresolved)."""
    biggest: dict[str, tuple[int, Entry]] = {}
    for entry in entries:
        if entry.city is None:
            continue
        size = entry.city.population
        if entry.city.iso3 not in biggest or size > biggest[entry.city.iso3][0]:
            biggest[entry.city.iso3] = (size, entry)
    ranked = sorted(biggest.values(), key=lambda found: -found[0])
    if not ranked:
        return None
    if len(ranked) == 1:
        return ranked[0][1]
    for _, entry in ranked:
        if entry.actor.country in named:
            return entry
    if ranked[0][0] >= CITY_MARGIN * ranked[1][0]:
        return ranked[0][1]
    return None
