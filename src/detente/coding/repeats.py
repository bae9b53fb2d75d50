"""Repeated mentions: a noun that names again an event told earlier in the story.

"Aliyev met Nasirzadeh ... Aliyev's meeting with Nasirzadeh comes as ..." is one meeting. A
nominal event whose family and pair of actors were already coded in an earlier sentence is left
out, unless its own date says it is another one ("Pezeshkian's visit to Azerbaijan last year").
Runs after the dates stage, so that the dates can tell.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from detente.model import Document, Event

_BORROWED = frozenset({"publication", "narrative"})
"""Dates an event did not give itself: they cannot tell two tellings apart."""
_UNDATED = _BORROWED | {"none"}


class Repeats:
    """Stage: drops nominal events that repeat one told in an earlier sentence."""

    name = "repeats"

    def __call__(self, doc: Document) -> Document:
        if len(doc.events) < 2:
            return doc
        starts = [t.start for t in doc.tokens]
        events = _dated_by_a_later_telling(
            doc, starts, sorted(doc.events, key=lambda e: e.trigger.start)
        )
        told: dict[tuple[str, frozenset[str | None]], Event] = {}
        kept: list[Event] = []
        for event in events:
            story = (event.cameo.root, _pair(event))
            if event.provenance.rule.startswith("say"):
                kept.append(event)  # what was said about an event is not a telling of it
                continue
            first = told.setdefault(story, event)
            again = first is not event and first.sentence < event.sentence
            same_day = event.date.method in _BORROWED or event.date.value == first.date.value
            if again and same_day and _nominal(doc, starts, event):
                continue
            kept.append(event)
        kept.sort(key=lambda e: (e.trigger.start, e.event_id))
        return doc.evolve(events=tuple(kept))


_SOON = 2
"""How many sentences on a second telling may date the first."""


def _dated_by_a_later_telling(doc: Document, starts: list[int], events: list[Event]) -> list[Event]:
    """ "during a recent phone call with his counterpart ... his phone conversation with
    Pezeshkian held on Jan. 21": an event with no date of its own takes the date a later
    telling of it (a noun, soon after, same code and pair) gives."""
    out = list(events)
    for n, first in enumerate(out):
        if first.date.method not in _BORROWED:
            continue
        story = (first.cameo.code, _pair(first))  # the same code: a call is not the meeting
        for later in out[n + 1 :]:
            if later.sentence - first.sentence > _SOON:
                break
            if (
                later.sentence > first.sentence
                and (later.cameo.code, _pair(later)) == story
                and later.date.method not in _UNDATED
                and _nominal(doc, starts, later)
            ):
                out[n] = replace(first, date=later.date)
                break
    return out


def _pair(event: Event) -> frozenset[str | None]:
    return frozenset(
        (
            event.source.actor.key if event.source else None,
            event.target.actor.key if event.target else None,
        )
    )


def _nominal(doc: Document, starts: list[int], event: Event) -> bool:
    i = bisect.bisect_left(starts, event.trigger.start)
    return i < len(doc.tokens) and doc.tokens[i].pos not in ("VERB", "AUX")
