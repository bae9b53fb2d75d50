"""The pipeline: parse, then Document -> Document stages in order. The only orchestration.

    dateline -> mentions -> coreference -> coding -> dates -> repeats -> places

Each stage is a small callable with a `name`; `Pipeline.stages` can be replaced or extended
(a learned coder, a better geocoder) without touching the others.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from detente.actors.ambiguity import default_ambiguities
from detente.actors.coref import Coreference
from detente.actors.dictionary import default_dictionary, load_dictionary
from detente.actors.lexicon import Lexicon
from detente.actors.mentions import MentionFinder
from detente.coding.coder import PatternCoder
from detente.coding.ontology import Ontology, default_ontology
from detente.coding.patterns import PatternBook, default_patterns
from detente.coding.repeats import Repeats
from detente.context.dateline import Dateline
from detente.context.dates import EventDates
from detente.context.places import EventPlaces
from detente.context.quotes import Quotations
from detente.model import Article, Document, Event, Modality
from detente.nlp.spacy_parser import DEFAULT_MODEL, SpacyParser


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


class Parser(Protocol):
    def parse(self, articles: Iterable[Article]) -> Iterator[Document]: ...


@dataclass(frozen=True)
class Settings:
    """What a run was configured with; recorded with every stored run."""

    model: str = DEFAULT_MODEL
    workers: int = 1
    batch_size: int = 64
    actors: tuple[str, ...] = ()
    """Extra actor dictionary files (YAML), applied over the shipped ones."""

    def as_dict(self) -> dict[str, object]:
        return {
            "model": self.model,
            "workers": self.workers,
            "batch_size": self.batch_size,
            "actors": list(self.actors),
        }


@dataclass
class Pipeline:
    """A parser and the stages that follow it."""

    parser: Parser
    stages: list[Stage] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    @classmethod
    def default(cls, settings: Settings | None = None) -> Pipeline:
        """The standard pipeline with the shipped dictionaries, patterns and code table."""
        settings = settings or Settings()
        dictionary = (
            load_dictionary(extra=[Path(p) for p in settings.actors])
            if settings.actors
            else default_dictionary()
        )
        lexicon = Lexicon.build(dictionary, default_ambiguities())
        ontology: Ontology = default_ontology()
        book: PatternBook = default_patterns()
        parser = SpacyParser(
            model=settings.model, batch_size=settings.batch_size, workers=settings.workers
        )
        stages: list[Stage] = [
            Dateline(),
            MentionFinder(lexicon),
            Coreference(dictionary.sector_terms),
            PatternCoder(book, ontology),
            EventDates(),
            Repeats(),
            EventPlaces(lexicon),
            Quotations(),
        ]
        return cls(parser=parser, stages=stages, settings=settings)

    def run(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Coded documents for the articles, in order."""
        for doc in self.parser.parse(articles):
            yield self.apply(doc)

    def apply(self, doc: Document) -> Document:
        """Runs the stages after parsing on one document."""
        for stage in self.stages:
            doc = stage(doc)
        return doc

    @property
    def coder_version(self) -> str:
        """Changes whenever what codes an article changes (detente's version, its code and data
        files, the model, the user's actor files): stored articles coded by another version are
        coded again."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            ours = version("detente")
        except PackageNotFoundError:
            ours = "unknown"
        digest = hashlib.sha256(_shipped_fingerprint().encode())
        for path in self.settings.actors:
            digest.update(Path(path).read_bytes())
        return f"detente-{ours}+{self.settings.model}+{digest.hexdigest()[:12]}"


@functools.cache
def _shipped_fingerprint() -> str:
    """A hash of the code and data files that decide how an article is coded."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.suffix not in (".py", ".tsv", ".yaml") or relative.startswith(_NOT_CODING):
            continue
        digest.update(relative.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_NOT_CODING = ("cli/", "store/", "ingest/", "data/examples/")


def asserted(events: Iterable[Event]) -> list[Event]:
    """The events a text asserts happened (not negated, not hypothetical)."""
    return [e for e in events if e.modality is Modality.ASSERTED]


def code(
    text: str,
    *,
    published: dt.date | str | None = None,
    article_id: str = "text",
    title: str | None = None,
    pipeline: Pipeline | None = None,
    all_modalities: bool = False,
) -> list[Event]:
    """The events of one text. `published` anchors relative dates ("on Friday")."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    pipeline = pipeline or default_pipeline()
    doc = next(pipeline.run([Article(id=article_id, text=text, published=published, title=title)]))
    return list(doc.events) if all_modalities else asserted(doc.events)


@functools.cache
def default_pipeline() -> Pipeline:
    """The standard pipeline, built once per process (loading spaCy takes a second)."""
    return Pipeline.default()


def code_many(
    articles: Sequence[Article], *, pipeline: Pipeline | None = None
) -> Iterator[Document]:
    """Coded documents for many articles, parsed in batches."""
    return (pipeline or default_pipeline()).run(articles)
