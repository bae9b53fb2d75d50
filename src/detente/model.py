"""The typed objects that cross stage boundaries.

Character offsets (`start`, `end`) always index `Article.text` exactly as it was read: they are
the shared coordinates that let any output be shown highlighted in its source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of an article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news story as read from an input."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""
    """Where the article was read from: a path, `path#N` for record N of a file, `-#N` for stdin."""

    @property
    def content_hash(self) -> str:
        """A fingerprint of everything that can change how the article codes."""
        digest = hashlib.sha256()
        for part in (self.id, self.text, str(self.published or ""), self.title or ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the parse, in article coordinates."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    """Index of the syntactic head; a sentence root is its own head."""
    ent: str
    """The named-entity label the parser gave (PERSON, GPE, ORG, NORP...), or ''."""
    sentence: int
    whitespace: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span in the article and its tokens `first` to `stop - 1`."""

    index: int
    start: int
    end: int
    text: str
    first: int
    stop: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity the parser found: tokens `first` to `stop - 1`."""

    first: int
    stop: int
    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a country (ISO3) or an international organisation, a sector, maybe a person."""

    name: str
    country: str | None = None
    igo: str | None = None
    sector: str = "UNK"
    person: str | None = None
    role: str | None = None

    @property
    def key(self) -> str | None:
        """The country code, or `IGO:NAME`, or None when neither is known."""
        if self.country:
            return self.country
        if self.igo:
            return f"IGO:{self.igo}"
        return None

    @property
    def code(self) -> str | None:
        """The actor code analysts filter on: `IRNGOV`, `IGO:UN:GOV`."""
        if self.country:
            return f"{self.country}{self.sector}"
        if self.igo:
            return f"IGO:{self.igo}:{self.sector}"
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a sentence that names or refers to an actor, and why we read it so."""

    start: int
    end: int
    text: str
    first: int
    stop: int
    head: int
    """The token that stands for the mention in the dependency parse."""
    sentence: int
    actor: Actor
    rule: str
    """Which rule or dictionary entry resolved it, e.g. `country:name:Iran`, `coref:pronoun`."""
    confidence: float = 1.0
    place: bool = False
    """A country or city named as where something happens ("met in Baku"), not as who acts."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One code of the CAMEO ontology with its scales."""

    code: str
    name: str
    description: str
    goldstein: float
    quad_class: int
    plover_type: str
    plover_mode: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]


class Modality(StrEnum):
    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as precisely as the text says, and how we know."""

    value: str | None
    """ISO date, possibly partial: `2026-02-06`, `2026-02`, `2026`; None when unknown."""
    precision: str | None
    """`day`, `week`, `month` or `year`."""
    method: str
    """`explicit` (a date in the text), `relative` (resolved against publication),
    `anaphoric` ("the following day": counted from the story's time), `narrative` (no date of
    its own: the date of the story's latest dated event a few sentences before),
    `publication` (the publication date, for lack of any other) or `none`."""
    span: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, and how we know."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    feature: str | None = None
    method: str = ""
    span: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which coder and which of its rules produced an event."""

    coder: str
    rule: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Words an article quotes directly, and who said them."""

    quote_id: str
    span: TextSpan
    """The quoted words, without the quotation marks."""
    speaker: Mention | None
    """Who said them (for "the statement said", its author); None when the text does not say."""
    verb: str | None
    """The reporting word, lemmatised ("say", "add", "quote", "according to"); None for words
    quoted in passing ("Pezeshkian, who 'holds great affection for Azerbaijan'")."""
    rule: str
    """How the speaker was found."""


@dataclass(frozen=True, slots=True)
class Event:
    """Source does `cameo` to target, as reported in one sentence of one article."""

    article_id: str
    event_id: str
    cameo: CameoCode
    source: Mention | None
    target: Mention | None
    evidence: TextSpan
    trigger: TextSpan
    sentence: int
    date: EventDate
    location: Place | None
    modality: Modality
    confidence: float
    provenance: Provenance
    quote: str | None = None
    """The id of the quotation the event is told in, if any."""


@dataclass(frozen=True, slots=True)
class Document:
    """The carrier: an article and what each stage has added to it."""

    article: Article
    tokens: tuple[Token, ...] = ()
    children: tuple[tuple[int, ...], ...] = ()
    """Dependents of each token, in order."""
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    dateline: TextSpan | None = None
    mentions: tuple[Mention, ...] = ()
    home: Actor | None = None
    """The country the story is mostly about: whose police arrest when no one is named."""
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def evolve(self, **changes: object) -> Document:
        """A copy with some fields replaced."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def span(self, start: int, end: int) -> TextSpan:
        return TextSpan(start, end, self.article.text[start:end])

    def clause_verb(self, token: Token, climb: int = 6) -> Token:
        """The verb whose clause `token` stands in (itself for a verb), at most `climb` heads
        up."""
        current = token
        for _ in range(climb):
            if current.pos in ("VERB", "AUX") or current.head == current.i:
                break
            current = self.tokens[current.head]
        return current

    def token_span(self, first: int, stop: int) -> TextSpan:
        """The text of tokens `first` to `stop - 1`."""
        return self.span(self.tokens[first].start, self.tokens[stop - 1].end)

    def mention(
        self,
        first: int,
        stop: int,
        head: int,
        actor: Actor,
        rule: str,
        confidence: float = 1.0,
        *,
        place: bool = False,
    ) -> Mention:
        """A mention of `actor` on tokens `first` to `stop - 1`, headed by `head`."""
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        return Mention(
            start=start,
            end=end,
            text=self.article.text[start:end],
            first=first,
            stop=stop,
            head=head,
            sentence=self.tokens[first].sentence,
            actor=actor,
            rule=rule,
            confidence=confidence,
            place=place,
        )
