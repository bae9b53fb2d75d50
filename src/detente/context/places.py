"""Event places: a country or capital named in the trigger's own phrase ("met in Baku",
"negotiations in the Omani capital Muscat"), else none. The dateline is never a place.

The baseline gazetteer is the country table (countries and capitals with coordinates).
"""

from __future__ import annotations

from dataclasses import replace

from detente.actors.lexicon import Lexicon, first_word, normalise, same_phrase
from detente.model import Document, Event, Place, Token

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
_MAX_CLIMB = 3


class EventPlaces:
    """Stage: gives every event the place its phrase names, and says how it was found."""

    name = "places"

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        starts = {t.start: t for t in doc.tokens}
        text = normalise(doc.article.text)
        placed: list[Event] = []
        for event in doc.events:
            trigger = starts.get(event.trigger.start)
            place = self._place_of(doc, text, trigger) if trigger is not None else None
            placed.append(replace(event, location=place) if place else event)
        return doc.evolve(events=tuple(placed))

    def _place_of(self, doc: Document, text: str, trigger: Token) -> Place | None:
        """A place phrase attached to the trigger or to the verbs above it."""
        current = trigger
        for _ in range(_MAX_CLIMB):
            for c in doc.children[current.i]:
                prep = doc.tokens[c]
                if prep.dep != "prep" or prep.lemma.lower() not in _PLACE_PREPS:
                    continue
                for o in doc.children[prep.i]:
                    obj = doc.tokens[o]
                    if obj.dep != "pobj":
                        continue
                    place = self._gazetteer(doc, text, obj)
                    if place is not None:
                        return place
            if current.head == current.i or current.pos in ("VERB", "AUX"):
                break
            current = doc.tokens[current.head]
        return None

    def _gazetteer(self, doc: Document, text: str, token: Token) -> Place | None:
        """The country or capital at a token, or in its apposition ("the capital Muscat")."""
        candidates = [token] + [
            doc.tokens[c] for c in doc.children[token.i] if doc.tokens[c].dep in ("appos",)
        ]
        # the head of a phrase like "Baghdad International Airport" is its last word
        candidates += [
            doc.tokens[c] for c in doc.children[token.i] if doc.tokens[c].dep == "compound"
        ]
        for candidate in candidates:
            if doc.dateline and candidate.start < doc.dateline.end:
                continue
            for group in self.lexicon.proper.get(first_word(candidate.text), ()):
                end = candidate.start + len(group[0].phrase)
                if not same_phrase(text[candidate.start : end], group[0]):
                    continue
                entry = next((e for e in group if e.kind in ("capital", "country")), None)
                if entry is None or entry.actor.country is None:
                    continue
                country = self.lexicon.dictionary.country(entry.actor.country)
                if entry.kind == "capital" and country is not None:
                    return Place(
                        name=doc.article.text[candidate.start : end],
                        country=country.iso3,
                        lat=country.capital_lat,
                        lon=country.capital_lon,
                        feature="capital",
                        method="trigger-phrase",
                        span=doc.span(candidate.start, end),
                    )
                return Place(
                    name=doc.article.text[candidate.start : end],
                    country=entry.actor.country,
                    feature="country",
                    method="trigger-phrase",
                    span=doc.span(candidate.start, end),
                )
        return None
