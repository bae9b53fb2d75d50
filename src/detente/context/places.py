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

    def __init__(self, lexicon: Lexicon, regions: Regions | None = None) -> None:
        self.lexicon = lexicon
        self.regions = regions if regions is not None else default_regions()

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        where = _Where(doc, normalise(doc.article.text), self.regions)
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
        own: list[Place | None] = []
        for event in doc.events:
            trigger = starts.get(event.trigger.start)
            travel = event.cameo.code in _TRAVEL_CODES
            place = self._place_of(doc, where, trigger, travel) if trigger is not None else None
            own.append(place)
            if place is not None:
                # where an event went is the scene too ("he came to Baku ... they exchanged views")
                scenes.append((event.trigger.start, event.sentence, place))
        scenes.sort(key=lambda s: s[0])
        placed: list[Event] = []
        for event, place in zip(doc.events, own, strict=True):
            if place is None:
                place = _scene(scenes, event)
            placed.append(replace(event, location=place) if place else event)
        return doc.evolve(events=tuple(placed))

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
            place = self._named_at(doc, where, candidate)
            if place is not None:
                return place
        for candidate in candidates:
            region = where.regions.get(candidate.i)
            if region is not None:
                return region  # "tankers in the Strait of Hormuz", "shelling in Donbas"
        return None

    def _named_at(self, doc: Document, where: _Where, token: Token) -> Place | None:
        """The country, capital or city whose name starts at `token`, with the country a
        qualifier after it gives ("Paris, Texas", "London, Ontario")."""
        if doc.dateline and token.start < doc.dateline.end:
            return None
        text = where.text
        for group in self.lexicon.proper.get(first_word(token.text), ()):
            end = token.start + len(group[0].phrase)
            if not same_phrase(text[token.start : end], group[0]):
                continue
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
        text = doc.article.text
        if not text.startswith(", ", end):
            return place
        after = end + 2
        qualifier: str | None = None
        region = where.region_at.get(after)
        if region is not None:
            qualifier = region.country
        else:
            for group in self.lexicon.proper.get(first_word(text[after : after + 40]), ()):
                stop = after + len(group[0].phrase)
                if not same_phrase(where.text[after:stop], group[0]):
                    continue
                entry = next((e for e in group if e.kind == "country"), None)
                if entry is not None and entry.actor.country:
                    at = where.token_at.get(after)
                    other = self._other_reading(doc, at, stop) if at is not None else None
                    qualifier = other or entry.actor.country
                    break
        if qualifier is None or qualifier == place.country:
            return place
        return replace(place, country=qualifier, lat=None, lon=None)

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
            token.ent == "PERSON"
            and not _after_place_word(doc, token)
            and _a_person(doc, where, token)
        ):
            return None  # "Milan said", "Milan Kundera", but "riots in Kano", "Marseille, Lyon"
        else:
            entry = resolve_city(group, where.named)
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
    where = _Where(doc, normalise(doc.article.text), stage.regions)
    found: list[Place] = []
    for token in doc.tokens:
        if not token.text[:1].isupper():
            continue
        place = stage._named_at(doc, where, token)
        if place is not None:
            found.append(place)
    found.extend(where.region_at.values())
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


def _a_person(doc: Document, where: _Where, token: Token) -> bool:
    """Whether a city's name the parser took for a person reads as one: part of a longer
    name ("Milan Kundera") or someone speaking ("Milan said")."""
    if token.i in where.in_person_names:
        return True
    head = doc.tokens[token.head]
    return token.dep == "nsubj" and head.lemma.lower() in _SAYING


def _after_place_word(doc: Document, token: Token) -> bool:
    """Whether a name stands where a place does: after a preposition of place or motion."""
    return token.i > 0 and doc.tokens[token.i - 1].text.lower() in _PLACE_WORDS


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
        skip = doc.dateline.end if doc.dateline else 0
        starts = [t.start for t in doc.tokens]
        for match in regions.find(doc.article.text, (t.start for t in doc.tokens)):
            if match.start < skip:
                continue
            region = match.region
            place = _found(
                doc, match.start, match.end, region.iso3, region.feature, region.lat, region.lon
            )
            self.region_at[match.start] = place
            first = bisect.bisect_left(starts, match.start)
            stop = bisect.bisect_left(starts, match.end)
            for i in range(first, stop):
                self.regions[i] = place
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
