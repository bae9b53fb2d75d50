"""Event places: a country, capital or city named in the trigger's own phrase ("met in Baku",
"negotiations in the Omani capital Muscat", "a protest in Karachi"), else none. The dateline is
never a place.

The gazetteer is the country table (countries and capitals with coordinates) and the city table
(`cities.tsv`). A city's name shared by cities of several countries means the one the mentions
stage read there, else the one whose country the article names, else the far most populous
(see `resolve_city`).
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Iterator
from dataclasses import replace

from detente.actors.lexicon import (
    Entry,
    Lexicon,
    first_word,
    normalise,
    resolve_city,
    same_phrase,
)
from detente.context.regions import Regions, default_regions
from detente.context.towns import Towns, default_towns, pick_town
from detente.model import Document, Event, Mention, Place, Token

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
_MAX_CLIMB = 3
_CITY_NOUNS = frozenset({"city", "town", "port", "capital"})
_TRAVEL_CODES = frozenset({"042", "032", "036"})
"""Visits, and intents to visit: their place is where they go."""


_NARRATIVE = 8
"""How many sentences back the story's scene still places an event with no place of its own."""
_AHEAD = 1
"""...and how many ahead, when the story has named no scene yet."""


_PHONE_CALL = "041"
_HOSTING = frozenset({"host", "receive", "welcome"})
_VISITORS = frozenset({"delegation", "visitor", "guest", "envoy", "emissary"})


def _hosted(doc: Document, event: Event, trigger: Token) -> bool:
    """Whether a meeting is told from its host's side: "Aliyev received Nasirzadeh", "hosted
    talks", "met a delegation from Tehran". It happens where the host is."""
    if not event.cameo.code.startswith("04") or event.cameo.code == _PHONE_CALL:
        return False  # a meeting or a visit, not a phone call
    if event.source is None or event.source.actor.sector != "GOV":
        return False
    if trigger.lemma.lower() in _HOSTING:
        return True
    return any(
        doc.tokens[c].dep == "dobj" and doc.tokens[c].lemma.lower() in _VISITORS
        for c in doc.children[trigger.i]
    )


def _scene(scenes: list[tuple[int, int, Place]], event: Event) -> Place | None:
    """The place the story named last before the event ("In Minsk, police ... They also
    arrested ..."), within a few sentences."""
    best: Place | None = None
    for start, sentence, place in scenes:
        if start >= event.trigger.start:
            if best is None and sentence - event.sentence <= _AHEAD:
                best = place  # a story that opens with the event names its scene right after
            break
        if event.sentence - sentence <= _NARRATIVE:
            best = place
    return replace(best, method="narrative") if best is not None else None


class EventPlaces:
    """Stage: gives every event the place its phrase names, and says how it was found."""

    name = "places"

    def __init__(
        self, lexicon: Lexicon, regions: Regions | None = None, towns: Towns | None = None
    ) -> None:
        self.lexicon = lexicon
        self.regions = regions if regions is not None else default_regions()
        self.towns = towns if towns is not None else default_towns()

    def where(self, doc: Document) -> _Where:
        """What the article says about places: names read, shared regions and towns placed."""
        where = _Where(doc, normalise(doc.article.text), self.regions)
        self._place_shared(doc, where)
        self._find_towns(doc, where)
        return where

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        where = self.where(doc)
        starts = where.token_at
        # the story's scene: every place the text names as a place, in text order
        scenes: list[tuple[int, int, Place]] = []
        for m in doc.mentions:
            if m.place and not (doc.dateline and m.start < doc.dateline.end):
                found = self._gazetteer(doc, where, doc.tokens[m.head])
                if found is not None:
                    scenes.append((m.start, m.sentence, found))
        for i, region in where.regions.items():
            token = doc.tokens[i]
            head = doc.tokens[token.head]
            if token.dep == "pobj" and head.lemma.lower() in _PLACE_PREPS and region.country:
                # "fighting in Darfur" sets a scene; "cooperation in the Eastern Mediterranean"
                # (no one country) only places its own event
                scenes.append((token.start, token.sentence, region))
        for i, town in where.towns.items():
            if town.country:
                scenes.append((doc.tokens[i].start, doc.tokens[i].sentence, town))
        own: list[Place | None] = []
        for event in doc.events:
            trigger = starts.get(event.trigger.start)
            travel = event.cameo.code in _TRAVEL_CODES
            place = self._place_of(doc, where, trigger, travel) if trigger is not None else None
            if place is None and trigger is not None and _hosted(doc, event, trigger):
                assert event.source is not None
                place = self._home_capital(event.source.actor.country)
            own.append(place)
            if place is not None:
                # where an event went is the scene too ("he came to Baku ... they exchanged views")
                scenes.append((event.trigger.start, event.sentence, place))
        scenes.sort(key=lambda s: s[0])
        placed: list[Event] = []
        for event, place in zip(doc.events, own, strict=True):
            if place is None and event.cameo.code != _PHONE_CALL:
                # (a phone call joins two places: the scene is neither)
                place = _scene(scenes, event)
            placed.append(replace(event, location=place) if place else event)
        return doc.evolve(events=tuple(placed))

    def _home_capital(self, iso3: str | None) -> Place | None:
        """The capital of a host's country: where it receives its visitors."""
        country = self.lexicon.dictionary.country(iso3) if iso3 else None
        if country is None or not country.capital:
            return None
        return Place(
            name=country.capital,
            country=country.iso3,
            lat=country.capital_lat,
            lon=country.capital_lon,
            feature="capital",
            method="host",
        )

    def _place_of(
        self, doc: Document, where: _Where, trigger: Token, travel: bool = False
    ) -> Place | None:
        """A place phrase attached to the trigger or to the verbs above it; for a visit, where
        it goes too ("an official visit to Azerbaijan", "came to Baku")."""
        preps = _PLACE_PREPS | {"to"} if travel else _PLACE_PREPS
        current = trigger
        for _ in range(_MAX_CLIMB):
            for c in doc.children[current.i]:
                prep = doc.tokens[c]
                if prep.dep not in ("prep", "dative") or prep.lemma.lower() not in preps:
                    continue
                for o in doc.children[prep.i]:
                    obj = doc.tokens[o]
                    if obj.dep != "pobj":
                        continue
                    place = self._gazetteer(doc, where, obj)
                    if place is not None:
                        return place
            if current.head == current.i or current.pos in ("VERB", "AUX"):
                break
            current = doc.tokens[current.head]
        return None

    def _gazetteer(self, doc: Document, where: _Where, token: Token) -> Place | None:
        """The country, capital or city at a token, or in its apposition ("the capital
        Muscat")."""
        # a name read by the mentions stage starts where it starts: "Papua New Guinea" is not
        # Guinea
        token = doc.tokens[where.name_first.get(token.i, token.i)]
        candidates = [token] + [
            doc.tokens[c] for c in doc.children[token.i] if doc.tokens[c].dep in ("appos",)
        ]
        # the head of a phrase like "Baghdad International Airport" is its last word
        candidates += [
            doc.tokens[c] for c in doc.children[token.i] if doc.tokens[c].dep == "compound"
        ]
        if token.lemma.lower() in _CITY_NOUNS:  # "in the city of Mosul"
            candidates += [
                doc.tokens[o]
                for c in doc.children[token.i]
                if doc.tokens[c].dep == "prep" and doc.tokens[c].lemma.lower() == "of"
                for o in doc.children[c]
                if doc.tokens[o].dep == "pobj"
            ]
        for candidate in candidates:
            # a city or country; a region ("tankers in the Strait of Hormuz", "shelling in
            # Donbas"); a town ("a bomb in Trujillo", "Toledo, Spain")
            place = (
                self._named_at(doc, where, candidate)
                or where.regions.get(candidate.i)
                or where.towns.get(candidate.i)
            )
            if place is not None:
                return place
        return None

    def _named_at(self, doc: Document, where: _Where, token: Token) -> Place | None:
        """The country, capital or city whose name starts at `token`, with the country a
        qualifier after it gives ("Paris, Texas", "London, Ontario")."""
        if doc.dateline and token.start < doc.dateline.end:
            return None
        for group, end in self._groups_at(where, token.start):
            place: Place | None
            if group[0].kind == "city":
                place = self._city(doc, where, token, group)
                if place is None:
                    continue
            else:
                entry = next((e for e in group if e.kind in ("capital", "country")), None)
                if entry is None or entry.actor.country is None:
                    continue
                named = _admin_unit(doc, token, end)
                if named:
                    # "Nigeria's Niger State", "Belgium's Luxembourg province", "Lebanon County":
                    # a division named like a country lies where its owner says, if anywhere
                    return _found(doc, token.start, end, _owner_before(doc, where, token), "region")
                other = self._other_reading(doc, token, end)
                if other is not None:
                    # "Atlanta, Georgia", "Georgia's secretary of state": the US state
                    return _found(doc, token.start, end, other, "region")
                country = self.lexicon.dictionary.country(entry.actor.country)
                if entry.kind == "capital" and country is not None:
                    place = _found(
                        doc,
                        token.start,
                        end,
                        country.iso3,
                        "capital",
                        country.capital_lat,
                        country.capital_lon,
                    )
                else:
                    place = _found(doc, token.start, end, entry.actor.country, "country")
            if place.feature != "country":
                place = self._qualified(doc, where, place, end)
                owner = _owner_before(doc, where, token)
                if owner is not None and owner != place.country:
                    # "Belgium's Luxembourg province", "the northern Lebanese city of Tripoli"
                    place = replace(place, country=owner, lat=None, lon=None)
            return place
        return None

    def _other_reading(self, doc: Document, token: Token, end: int) -> str | None:
        """The country of a name's other reading, where its cues say so ("Georgia" the US
        state)."""
        stop = token.i
        while stop < len(doc.tokens) and doc.tokens[stop].start < end:
            stop += 1
        sentence = doc.sentences[token.sentence]
        other = self.lexicon.ambiguities.other_reading(
            doc.tokens, token.i, stop, (sentence.first, sentence.stop), doc.article.text
        )
        return other.country if other is not None else None

    def _qualified(self, doc: Document, where: _Where, place: Place, end: int) -> Place:
        """ "Paris, Texas": a place followed by a comma and a state, province or country lies
        in that one's country."""
        qualifier = self._qualifier(doc, where, end)
        admin1 = where.admin1_after(end)
        if admin1 is not None and qualifier == place.country:
            return replace(place, admin1=admin1)
        if qualifier is None or qualifier == place.country:
            return place
        # "Paris, Texas" is no capital
        feature = "city" if place.feature == "capital" else place.feature
        return replace(place, country=qualifier, admin1=admin1, feature=feature, lat=None, lon=None)

    def _qualifier(self, doc: Document, where: _Where, end: int) -> str | None:
        """The country of a state, province or country named after a comma at `end`."""
        text = doc.article.text
        if not text.startswith(", ", end):
            return None
        after = end + 2
        region = where.region_at.get(after)
        if region is not None:
            return region.country
        for group, stop in self._groups_at(where, after):
            entry = next((e for e in group if e.kind == "country"), None)
            if entry is not None and entry.actor.country:
                at = where.token_at.get(after)
                other = self._other_reading(doc, at, stop) if at is not None else None
                return other or entry.actor.country
        return None

    def _groups_at(self, where: _Where, start: int) -> Iterator[tuple[tuple[Entry, ...], int]]:
        """The dictionary entries (grouped by phrase, longest first) whose phrase is written
        at `start`, each with where it ends."""
        for group in self.lexicon.proper.get(first_word(where.text[start : start + 40]), ()):
            end = start + len(group[0].phrase)
            if same_phrase(where.text[start:end], group[0]):
                yield group, end

    def _in_lexicon(self, where: _Where, token: Token) -> bool:
        """Whether the actor dictionaries or the city gazetteer have a name at a token."""
        return any(self._groups_at(where, token.start))

    def _context(self, doc: Document, where: _Where) -> frozenset[str]:
        """The countries the article names, with those of the cities it names that can lie
        in one country only ("evacuated from Cancún ... in Mérida": Mexico's)."""
        if where.context is None:
            found = set(where.named)
            for token in doc.tokens:
                if not token.text[:1].isupper():
                    continue
                for group, _ in self._groups_at(where, token.start):
                    if group[0].kind != "city":
                        continue
                    countries = {e.actor.country for e in group if e.actor.country}
                    if len(countries) == 1:
                        found |= countries
                    break
            where.context = frozenset(found)
        return where.context

    def _place_shared(self, doc: Document, where: _Where) -> None:
        """A region whose name divisions of several countries share lies in the one the text
        says: "Pakistan's Punjab", "Indian Punjab", "Amazonas, Brazil", or the one of them the
        article names; else in none."""
        for start, shared in where.shared.items():
            place = where.region_at[start]
            token = where.token_at.get(start)
            if token is None or place.span is None:
                continue
            said = (
                _owner_before(doc, where, token)
                or where.demonyms.get(token.i - 1)
                or self._qualifier(doc, where, place.span.end)
            )
            named = [c for c in shared if c in self._context(doc, where)]
            country = said if said in shared else named[0] if len(named) == 1 else None
            if country is not None:
                where.place_region(start, replace(place, country=country, lat=None, lon=None))

    def _find_towns(self, doc: Document, where: _Where) -> None:
        """The towns the text sets as places ("in Rosario", "the city of Split", "Laval,
        Quebec"), each in the country the text gives it, else the one of its countries the
        article names, else the far biggest's."""
        skip = doc.dateline.end if doc.dateline else 0
        for token in doc.tokens:
            if (
                token.start < skip
                or not token.text[:1].isupper()
                or token.i in where.name_first
                or token.i in where.regions
            ):
                continue
            found = self.towns.at(doc.article.text, token.start)
            if found is None or token.text in _CALENDAR or self._in_lexicon(where, token):
                continue
            end, towns = found
            qualifier = self._qualifier(doc, where, end)
            if qualifier is None and doc.article.text.startswith(("'s", "’s"), end):
                continue  # "in Conway's Game of Life": someone's, not a town's
            if (qualifier is None and not _set_as_place(doc, token, town=True)) or _in_longer_name(
                doc, token, end
            ):
                continue
            said = qualifier or _owner_before(doc, where, token)
            town = pick_town(
                [t for t in towns if t.iso3 == said] or towns,
                self._context(doc, where),
            )
            if town is None:
                continue
            place = _found(doc, token.start, end, town.iso3, "town", town.lat, town.lon)
            place = replace(place, admin1=where.admin1_after(end))
            for i in range(token.i, len(doc.tokens)):
                if doc.tokens[i].start >= end:
                    break
                where.towns[i] = place

    def _city(
        self, doc: Document, where: _Where, token: Token, group: tuple[Entry, ...]
    ) -> Place | None:
        """The city a name at a token means: the one the mentions stage read there, else the
        one resolved from the countries the article names; not a word in capitals ("GAO"), nor
        a name the parser took for a person that the mentions stage did not read as a place."""
        end = token.start + len(group[0].phrase)
        written = doc.article.text[token.start : end]
        if written.isupper() and len(written) > 1:
            return None
        read = where.cities.get(token.i)
        if read is not None:
            entry = resolve_city([e for e in group if e.actor.country == read.actor.country])
        elif (
            token.ent == "PERSON" and not _set_as_place(doc, token) and _a_person(doc, where, token)
        ):
            return None  # "Milan said", "Milan Kundera", but "riots in Kano", "Marseille, Lyon"
        else:
            entry = resolve_city(group, where.named) or resolve_city(
                group, self._context(doc, where)
            )
        if entry is None or entry.city is None:
            return None
        return _found(
            doc, token.start, end, entry.city.iso3, "city", entry.city.lat, entry.city.lon
        )


def named_places(doc: Document, lexicon: Lexicon, regions: Regions | None = None) -> list[Place]:
    """Every place the article names (countries, capitals, cities, regions) as the places
    stage reads a name, in text order, the longest name where two overlap: the geocoder's
    view of a text."""
    stage = EventPlaces(lexicon, regions)
    where = stage.where(doc)
    found: list[Place] = []
    for token in doc.tokens:
        if not token.text[:1].isupper():
            continue
        place = stage._named_at(doc, where, token)
        if place is not None:
            found.append(place)
    found.extend(where.region_at.values())
    found.extend(dict.fromkeys(where.towns.values()))
    found.sort(key=lambda p: (p.span.start, -p.span.end) if p.span else (0, 0))
    kept: list[Place] = []
    reach = -1
    for place in found:
        assert place.span is not None
        if place.span.start < reach:
            continue  # inside a longer name: "Salvador" in "El Salvador"
        kept.append(place)
        reach = place.span.end
    return kept


def _found(
    doc: Document,
    start: int,
    end: int,
    country: str | None,
    feature: str,
    lat: float | None = None,
    lon: float | None = None,
) -> Place:
    """The place named by the text from `start` to `end`, found in the trigger's phrase."""
    span = doc.span(start, end)
    return Place(
        name=span.text,
        country=country,
        lat=lat,
        lon=lon,
        feature=feature,
        method="trigger-phrase",
        span=span,
    )


_PLACE_WORDS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "from", "to", "for", "of"}
    | {"into", "around", "toward", "towards", "via", "through"}
)


_ADMIN_NOUNS = frozenset(
    {"state", "province", "region", "department", "oblast", "governorate", "county", "district"}
    | {"prefecture", "canton", "municipality"}
)
_COMPASS = frozenset(
    {"east", "west", "north", "south", "upper", "lower", "central"}
    | {"northern", "southern", "eastern", "western"}
)
_PLACE_NOUNS = _CITY_NOUNS | {"province", "region", "state", "island"}


def _admin_unit(doc: Document, token: Token, end: int) -> bool:
    """Whether a country's name is followed by a word for an administrative division."""
    i = token.i
    while i < len(doc.tokens) and doc.tokens[i].start < end:
        i += 1
    return i < len(doc.tokens) and doc.tokens[i].text.lower() in _ADMIN_NOUNS


def _owner_before(doc: Document, where: _Where, token: Token) -> str | None:
    """The country a name is said to lie in just before it: a possessive ("Nigeria's Niger
    State", "Iran's East Azerbaijan province") or a demonym with a place noun ("the Lebanese
    city of Tripoli")."""
    i = token.i
    while i > 0 and doc.tokens[i - 1].text.lower() in _COMPASS:
        i -= 1
    if i >= 2 and doc.tokens[i - 1].text in ("'s", "’s"):
        return where.owners.get(i - 2)
    if (
        i >= 3
        and doc.tokens[i - 1].text.lower() == "of"
        and doc.tokens[i - 2].lemma.lower() in _PLACE_NOUNS
    ):
        for j in range(i - 3, max(i - 6, -1), -1):
            if j in where.owners:
                return where.owners[j]
    return None


_SAYING = frozenset({"say", "tell", "add", "write", "recall", "explain", "ask", "reply"})
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)
"""Names of months and days are never towns ("in March")."""
_TOWN_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "into"}
    | {"through", "toward", "towards", "via"}
)
"""Prepositions before which a town's name is a place (not "to", "from", "for", "of" alone:
"a letter to Warren", "the son of Jackson")."""
_OF_PLACES = _CITY_NOUNS | frozenset(
    {
        "outskirts",
        "outskirt",
        "suburb",
        "suburbs",
        "centre",
        "center",
        "street",
        "village",
        "district",
    }
    | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {"resident", "mayor", "people", "province", "region", "state", "island", "area"}
)
_WAYS = frozenset(
    {"road", "motorway", "highway", "route", "flight", "train", "bus", "ferry", "trip"}
    | {"journey", "drive", "way", "go", "travel", "fly", "move", "return", "come"}
    | {"flee", "head", "march", "sail", "walk", "evacuate", "arrive", "relocate", "deport"}
)


def _a_person(doc: Document, where: _Where, token: Token) -> bool:
    """Whether a city's name the parser took for a person reads as one: part of a longer
    name ("Milan Kundera") or someone speaking ("Milan said")."""
    if token.i in where.in_person_names:
        return True
    head = doc.tokens[token.head]
    return token.dep == "nsubj" and head.lemma.lower() in _SAYING


def _set_as_place(doc: Document, token: Token, town: bool = False) -> bool:
    """Whether a name stands where a place does: after a preposition of place or motion, or
    joined to such a name ("in Tegucigalpa and San Pedro Sula"). For a town, whose name is
    often a person's or a word, only after a preposition of place ("in", "near"), after "of"
    with a place noun ("the outskirts of Split"), or after "to" or "from" with a way or a move
    ("the motorway to Dover")."""
    for _ in range(_MAX_CLIMB):
        head = _name_head(doc, token)
        if head.dep != "conj" or head.head == head.i:
            break
        token = _name_start(doc, doc.tokens[head.head])
    if token.i == 0:
        return False
    before = doc.tokens[token.i - 1]
    word = before.text.lower()
    if not town:
        return word in _PLACE_WORDS
    if word in _TOWN_PREPS:
        return True
    head = doc.tokens[before.head]
    if word == "of":
        return head.lemma.lower() in _OF_PLACES
    return word in ("to", "from") and head.lemma.lower() in _WAYS


def _name_head(doc: Document, token: Token) -> Token:
    """The last word of a name the parser joined with compounds ("San" -> "Sula")."""
    while token.dep == "compound" and token.head > token.i:
        token = doc.tokens[token.head]
    return token


def _name_start(doc: Document, token: Token) -> Token:
    """The first word of the name whose last word is `token`."""
    i = token.i
    while i > 0 and doc.tokens[i - 1].dep == "compound" and doc.tokens[i - 1].head == token.i:
        i -= 1
    return doc.tokens[i]


def _in_longer_name(doc: Document, token: Token, end: int) -> bool:
    """Whether a name is part of a longer one ("Rosario Murillo", "the Soviet Union", "Knights
    of Columbus", "Savannah Guthrie"): a capitalised word just before or after it, or a name
    the parser found around it that is not a place's."""
    before = doc.tokens[token.i - 1] if token.i > 0 else None
    if before is not None and before.sentence == token.sentence and before.text[:1].isupper():
        return True
    stop = token.i
    while stop < len(doc.tokens) and doc.tokens[stop].start < end:
        stop += 1
    after = doc.tokens[stop] if stop < len(doc.tokens) else None
    if after is not None and after.start == end + 1 and after.text[:1].isupper():
        return True
    return any(
        e.first <= token.i < e.stop
        and e.label not in ("GPE", "LOC")
        and (e.first < token.i or e.stop > stop)
        for e in doc.entities
    )


class _Where:
    """What the article says about places, read once per document: the cities the mentions
    stage read as places, by token, and the countries the article names."""

    def __init__(self, doc: Document, text: str, regions: Regions) -> None:
        self.text = text
        self.token_at: dict[int, Token] = {t.start: t for t in doc.tokens}
        """The token that starts at each character offset."""
        self.in_person_names: frozenset[int] = frozenset(
            i
            for ent in doc.entities
            if ent.label == "PERSON" and ent.stop - ent.first > 1
            for i in range(ent.first, ent.stop)
        )
        """Tokens of names of two words or more the parser took for a person's."""
        self.regions: dict[int, Place] = {}
        """The region named at each token of a region's name."""
        self.region_at: dict[int, Place] = {}
        """The region whose name starts at a character offset."""
        self.shared: dict[int, tuple[str, ...]] = {}
        """The countries that share the name of the region at a character offset."""
        self.towns: dict[int, Place] = {}
        """The town named at each token of a town's name (found by the stage)."""
        self.context: frozenset[str] | None = None
        """The countries named, with those of the cities named (worked out when needed)."""
        self.name_first: dict[int, int] = {
            i: m.first
            for m in doc.mentions
            if m.rule.startswith(("country:", "capital:", "city:"))
            for i in range(m.first, m.stop)
        }
        """The first token of the place name each token of one belongs to."""
        self.owners: dict[int, str] = {
            m.head: m.actor.country
            for m in doc.mentions
            if m.actor.country and m.rule.startswith(("country:", "adjective:"))
        }
        """Countries named (or their demonyms) at a token: "Nigeria's", "the Lebanese city"."""
        self.demonyms: dict[int, str] = {
            m.head: m.actor.country
            for m in doc.mentions
            if m.actor.country and m.rule.startswith("adjective:")
        }
        """Countries whose demonym is at a token: "Indian Punjab"."""
        skip = doc.dateline.end if doc.dateline else 0
        starts = [t.start for t in doc.tokens]
        self._starts = starts
        for match in regions.find(doc.article.text, (t.start for t in doc.tokens)):
            if match.start < skip:
                continue
            region = match.region
            place = _found(
                doc, match.start, match.end, region.iso3, region.feature, region.lat, region.lon
            )
            place = replace(place, admin1=region.admin1)
            if region.shared:
                self.shared[match.start] = region.shared
            self.place_region(match.start, place)
        self.cities: dict[int, Mention] = {
            i: m
            for m in doc.mentions
            if m.place and m.rule.startswith("city:")
            for i in range(m.first, m.stop)
        }
        self.named = frozenset(
            m.actor.country
            for m in doc.mentions
            if m.actor.country and not m.rule.startswith("implicit:") and "home-" not in m.rule
        ) | {p.country for p in self.region_at.values() if p.country}
        # (regions first: "Cordoba and Seville ... the Andalusia regional government")

    def admin1_after(self, end: int) -> str | None:
        """The state or province named after a comma at `end` ("Laval, Quebec")."""
        if not self.text.startswith(", ", end):
            return None
        region = self.region_at.get(end + 2)
        return region.admin1 if region is not None else None

    def place_region(self, start: int, place: Place) -> None:
        """Record the region whose name starts at `start`, on each token of its name."""
        assert place.span is not None
        self.region_at[start] = place
        first = bisect.bisect_left(self._starts, start)
        stop = bisect.bisect_left(self._starts, place.span.end)
        for i in range(first, stop):
            self.regions[i] = place
