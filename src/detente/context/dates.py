"""Event dates: the date expression that governs each event's trigger, resolved against the
publication date ("on Friday", "Jan. 21", "last year") or the story's time ("the following day"),
else the date the story last gave, else the publication date itself.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from detente.model import Document, Event, EventDate, Sentence, TextSpan, Token

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
# Full month names, or the usual abbreviations with an optional dot: "March", "Mar.", "Sept";
# never a longer word ("Marseille", "Marines", "Mayor").
_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z]))"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_CASELESS = frozenset({"weekday", "relative_day", "relative_span", "recent", "anaphoric"})
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNTS.update({str(n): n for n in range(1, 15)})

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(regex, re.IGNORECASE if kind in _CASELESS else 0))
    for kind, regex in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
        ("month_day", rf"\b{_MONTH} {_DAY}\b(?:,? {_YEAR}\b)?"),
        ("day_month", rf"\b{_DAY} {_MONTH}(?: {_YEAR}\b)?"),
        ("month_year", rf"\b{_MONTH},? {_YEAR}\b"),
        (
            "weekday",
            r"\b(?P<rel>last |this |next |on |late |early )?"
            r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        ),
        ("relative_day", r"\b(?P<word>yesterday|today|tonight|the day before yesterday)\b"),
        (
            "relative_span",
            r"\b(?P<rel>last|this|past|earlier this|later this|next)"
            r" (?P<unit>week|month|year|weekend)\b",
        ),
        ("recent", r"\b(?:in )?(?:recent|the past few|the last few) (?:days|weeks)\b"),
        # told from the story's own time, not the publication's: "the following day"
        (
            "anaphoric",
            r"\b(?:the (?P<after>following|next) day|the (?P<before>previous|preceding) day"
            r"|(?P<count>a|one|two|three|four|five|six|seven|\d{1,2}) (?P<unit>day|week)s?"
            r" (?P<way>later|earlier|after|before)(?! (?:the|a|an|his|her|its|their)\b))\b",
        ),
        (
            "month_alone",
            rf"\b(?P<prefix>(?i:in|since|during|until|by|early|late|mid-|last)) ?{_MONTH}(?! \d)",
        ),
        ("year", rf"\b(?i:in|since|during|until|by|of|from) {_YEAR}\b"),
    )
)
_MAX_CLIMB = 8


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence and what it resolves to."""

    span: TextSpan
    value: str
    precision: str
    method: str


def find_dates(text: str, sentence: Sentence, published: dt.date | None) -> list[DateMention]:
    """The date expressions of one sentence, resolved (those that need a publication date are
    left out when there is none)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if any(start < b and a < end for a, b in taken):
                continue
            resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            value, precision, method = resolved
            taken.append((start, end))
            found.append(
                DateMention(TextSpan(start, end, text[start:end]), value, precision, method)
            )
    return sorted(found, key=lambda d: d.span.start)


def _resolve(
    kind: str, match: re.Match[str], published: dt.date | None
) -> tuple[str, str, str] | None:
    groups = match.groupdict()
    month = _month(groups.get("month"))
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "iso":
        try:
            day = dt.date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
        except ValueError:
            return None
        return day.isoformat(), "day", "explicit"
    if kind in ("month_day", "day_month") and month:
        number = int(groups["day"])
        if year is None:
            if published is None:
                return None
            year = _year_for(published, month, number)
            method = "relative"
        else:
            method = "explicit"
        try:
            return dt.date(year, month, number).isoformat(), "day", method
        except ValueError:
            return None
    if kind == "month_year" and month and year:
        return f"{year:04d}-{month:02d}", "month", "explicit"
    if kind == "year" and year:
        return f"{year:04d}", "year", "explicit"
    if kind == "anaphoric":
        # resolved against the story's time by EventDates: the value is the offset in days
        if groups.get("after"):
            offset = 1
        elif groups.get("before"):
            offset = -1
        else:
            days = 7 if groups["unit"].lower() == "week" else 1
            offset = _COUNTS[groups["count"].lower()] * days
            offset *= 1 if groups["way"].lower() in ("later", "after") else -1
        return f"{offset:+d}", "day", "anaphoric"
    if published is None:
        return None
    if kind == "weekday":
        target = _WEEKDAYS[groups["weekday"].lower()]
        back = (published.weekday() - target) % 7
        rel = (groups.get("rel") or "").strip().lower()
        if rel == "next":
            day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        elif rel == "last":
            # "last Thursday" is the Thursday of the week before ("on Thursday" is this week's)
            monday = published - dt.timedelta(days=published.weekday())
            day = monday - dt.timedelta(days=7) + dt.timedelta(days=target)
        else:
            day = published - dt.timedelta(days=back)
        return day.isoformat(), "day", "relative"
    if kind == "relative_day":
        word = groups["word"].lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "the day before yesterday": -2}[word]
        return (published + dt.timedelta(days=offset)).isoformat(), "day", "relative"
    if kind == "relative_span":
        return _span(groups["rel"].lower(), groups["unit"].lower(), published)
    if kind == "recent":
        return published.isoformat(), "week", "relative"
    if kind == "month_alone" and month:
        last = (groups.get("prefix") or "").lower() == "last"
        # "in March": the latest March; "last March" said in March is a year before
        recent = month < published.month or (month == published.month and not last)
        year = published.year if recent else published.year - 1
        return f"{year:04d}-{month:02d}", "month", "relative"
    return None


def _span(rel: str, unit: str, published: dt.date) -> tuple[str, str, str]:
    step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return monday.isoformat(), "week", "relative"
    if unit == "month":
        month = published.month + step
        year = published.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return f"{year:04d}-{month:02d}", "month", "relative"
    return f"{published.year + step:04d}", "year", "relative"


def _month(text: str | None) -> int | None:
    if not text:
        return None
    return _MONTHS.get(text.rstrip(".").lower()) or _MONTHS.get(text.rstrip(".").lower()[:3])


def _year_for(published: dt.date, month: int, day: int) -> int:
    """A day and month without a year: the one closest before publication (a week ahead at
    most, for announced events)."""
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return published.year
    return published.year - 1 if candidate - published > dt.timedelta(days=7) else published.year


_NARRATIVE = 8
"""How many sentences a story's time carries to events with no date of their own."""
_SCENES = frozenset({"in", "at", "during"})
"""Prepositions of an occasion whose date sets the story's time ("in his Tuesday talk")."""


class EventDates:
    """Stage: gives every event its date and says how it was found."""

    name = "dates"

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        published = doc.article.published
        starts = [t.start for t in doc.tokens]
        by_sentence: dict[int, list[Event]] = {}
        for event in doc.events:
            by_sentence.setdefault(event.sentence, []).append(event)
        dated: list[Event] = []
        # the story's time: the date of the latest act told with one, coded or not ("On Sunday
        # ... stabbed people. ... The officers shot him dead": Sunday too)
        now: tuple[int, EventDate] | None = None
        last = max(by_sentence)
        for sentence in doc.sentences[: last + 1]:
            events = sorted(by_sentence.get(sentence.index, ()), key=lambda e: e.trigger.start)
            dates = find_dates(doc.article.text, sentence, published)
            before = now  # the story's time as the sentence begins
            told = _sentence_date(doc, starts, sentence, dates)
            if told is not None and told.method == "anaphoric":
                told = _after(before[1], int(told.value or 0), told.span) if before else None
            if told is not None:
                now = (sentence.index, told)
            for event in events:
                date = _governing(doc, starts, event.trigger.start, dates)
                if date is not None and date.method == "anaphoric":
                    # "the following day": a day after the story's time (unknown without one)
                    date = _after(before[1], int(date.value or 0), date.span) if before else None
                if date is not None and date.precision == "day" and _verbal(doc, starts, event):
                    # the story's time moves with what is told as happening, not with a
                    # flashback named in a noun phrase ("his phone conversation ... on Jan. 21")
                    now = (event.sentence, date)
                elif date is None:
                    # "Russia admitted on Thursday that its troops had attacked": not Thursday's
                    # act, so the story's time as it stood before the sentence, if any
                    story = before if _told_as_earlier(doc, starts, event) else now
                    if story is not None and event.sentence - story[0] <= _NARRATIVE:
                        date = EventDate(
                            story[1].value, story[1].precision, "narrative", story[1].span
                        )
                if date is None:
                    date = _publication(published)
                dated.append(replace(event, date=date))
        order = {e.event_id: n for n, e in enumerate(doc.events)}
        dated.sort(key=lambda e: order[e.event_id])
        return doc.evolve(events=tuple(dated))


def _sentence_date(
    doc: Document, starts: list[int], sentence: Sentence, dates: list[DateMention]
) -> EventDate | None:
    """The day a sentence tells its main act on, coded as an event or not ("On Sunday, the
    president announced a bill"; "died in Aden on Tuesday"): it sets the story's time. The
    date's phrase is adverbial, its verb the sentence's own or joined to it ("groups ... gathered
    on Saturday", parsed as an adverbial clause), and not a past perfect (told as earlier)."""
    for date in dates:
        if date.precision != "day":
            continue
        token = _token_at(starts, date.span.start)
        if token is None:
            continue
        verb = doc.tokens[doc.tokens[token].head]
        noun, prep = False, ""
        for _ in range(_MAX_CLIMB):
            # an adverbial phrase: "on Saturday", "In his Tuesday talk", not "his Jan. 2 remarks"
            # nor "pointing to the December 31 attack"
            if verb.pos in ("VERB", "AUX") or verb.dep not in ("prep", "pobj", "compound"):
                break
            noun = noun or (verb.pos == "NOUN" and verb.end > date.span.end)
            prep = verb.text.lower() if verb.dep == "prep" else prep
            verb = doc.tokens[verb.head]
        if noun and prep not in _SCENES:
            continue
        while verb.dep in ("conj", "advcl") and verb.head != verb.i:
            if _before_telling(doc, verb):
                break
            verb = doc.tokens[verb.head]
        if verb.head == verb.i and verb.pos in ("VERB", "AUX") and not _before_telling(doc, verb):
            return EventDate(date.value, date.precision, date.method, date.span)
    return None


def _told_as_earlier(doc: Document, starts: list[int], event: Event) -> bool:
    i = _token_at(starts, event.trigger.start)
    if i is None:
        return False
    verb = doc.clause_verb(doc.tokens[i], _MAX_CLIMB)
    return verb.dep == "ccomp" and _before_telling(doc, verb)


def _verbal(doc: Document, starts: list[int], event: Event) -> bool:
    """Whether the event is told as happening: a verb, or a noun a clause is about ("started
    talks", "talks began"), not one named in passing ("referring to his phone call")."""
    i = _token_at(starts, event.trigger.start)
    if i is None:
        return False
    token = doc.tokens[i]
    if token.pos in ("VERB", "AUX"):
        return True
    head = doc.tokens[token.head]
    return token.dep in ("dobj", "nsubj", "nsubjpass", "attr") and head.pos in ("VERB", "AUX")


def _after(now: EventDate, days: int, span: TextSpan | None) -> EventDate | None:
    if now.value is None:
        return None
    try:
        day = dt.date.fromisoformat(now.value) + dt.timedelta(days=days)
    except ValueError:
        return None
    return EventDate(day.isoformat(), "day", "anaphoric", span)


def _publication(published: dt.date | None) -> EventDate:
    if published is None:
        return EventDate(None, None, "none")
    return EventDate(published.isoformat(), "day", "publication")


def _governing(
    doc: Document, starts: list[int], offset: int, dates: list[DateMention]
) -> EventDate | None:
    """The date expression whose phrase attaches to the trigger at `offset` or to its clause."""
    if not dates:
        return None
    trigger = _token_at(starts, offset)
    if trigger is None:
        return None
    chain = _ancestors(doc, trigger)
    best: tuple[int, DateMention] | None = None
    for date in dates:
        token = _token_at(starts, date.span.start)
        if token is None:
            continue
        # climb from the date to the trigger's chain; a verb on the way means the date belongs
        # to another clause ("during the negotiations, which began in 2023")
        current, steps = token, 0
        while steps < _MAX_CLIMB and current != doc.tokens[current].head:
            current = doc.tokens[current].head
            steps += 1
            if current in chain:
                rank = chain.index(current) * 10 + steps
                if best is None or rank < best[0]:
                    best = (rank, date)
                break
            # a participle describing the event noun still dates it ("a call held on Jan. 21")
            if doc.tokens[current].pos in ("VERB", "AUX") and doc.tokens[current].dep != "acl":
                break
    if best is None:
        return None
    date = best[1]
    return EventDate(date.value, date.precision, date.method, date.span)


def _ancestors(doc: Document, token: int) -> list[int]:
    """The trigger and the heads above it up to its clause's verb; for a reported clause, the
    reporting verb too ("On Monday, Fars reported Iran issued warrants": Monday)."""
    chain = [token]
    current = token
    for _ in range(_MAX_CLIMB):
        head = doc.tokens[current].head
        if head == current:
            break
        if doc.tokens[current].dep == "ccomp" and _before_telling(doc, doc.tokens[current]):
            break  # "acknowledged on Saturday that it had shot down the jet"
        chain.append(head)
        if doc.tokens[head].pos in ("VERB", "AUX"):
            verb = doc.tokens[head]
            if verb.dep == "ccomp" and verb.head != verb.i and not _before_telling(doc, verb):
                chain.append(verb.head)
            break
        current = head
    first = doc.tokens[chain[-1]]
    for _ in range(_MAX_CLIMB):
        # "In 2007 the US labeled him a terrorist and levied sanctions": the first of
        # coordinated verbs dates them all
        if first.dep != "conj" or first.head == first.i or first.pos not in ("VERB", "AUX"):
            break
        first = doc.tokens[first.head]
        chain.append(first.i)
    if doc.tokens[token].pos in ("VERB", "AUX") and len(chain) == 1:
        verb = doc.tokens[token]
        if verb.dep == "ccomp" and verb.head != verb.i and not _before_telling(doc, verb):
            chain.append(verb.head)
    return chain


def _before_telling(doc: Document, verb: Token) -> bool:
    """ "acknowledged on Saturday that it had shot down the jet": a past perfect in what was said
    happened before the telling, not on its day."""
    return verb.tag == "VBN" and any(
        doc.tokens[c].dep == "aux"
        and doc.tokens[c].lemma.lower() == "have"
        and doc.tokens[c].tag == "VBD"
        for c in doc.children[verb.i]
    )


def _token_at(starts: list[int], offset: int) -> int | None:
    """The token that starts at `offset`, or the first one after it."""
    i = bisect.bisect_left(starts, offset)
    return i if i < len(starts) else None
