"""Quotations: the words an article quotes directly, who said them, and the events told in them.

A quotation is the text between quotation marks (straight or curly), over one sentence or
several, of four words or more (shorter quoted words are names, titles or scare quotes:
"martyred", "null and void"). Its speaker is found, in order, from:

- a reporting verb outside the marks in the sentence where the quote ends or begins: its
  subject ('..., Aliyev said', 'said Aliyev', 'Aliyev said: "..."', 'Aliyev was quoted as
  saying'); a document as subject ('the statement said') speaks for its author, named with it
  ('a statement by Azerbaijan's presidency') or with the same document earlier in the story;
- "according to X";
- the subject of the clause the quoted words complete ('Pezeshkian, who "holds great
  affection for Azerbaijan"').

Pronouns ("he said") resolve through the coreference stage's mentions. An event whose trigger
lies inside a quotation is linked to it (`Event.quote`).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from detente.model import Document, Mention, Quote, Sentence, TextSpan, Token
from detente.words import DOCUMENTS, REPORTING_VERBS

_MIN_WORDS = 4
_MAX_CLIMB = 6


class Quotations:
    """Stage: finds the article's quotations and their speakers; links events to them."""

    name = "quotes"

    def __call__(self, doc: Document) -> Document:
        spans = find_quote_spans(
            doc.article.text, skip_until=doc.dateline.end if doc.dateline else 0
        )
        if not spans:
            return doc
        reader = _Reader(doc)
        quotes = tuple(reader.quote(n, start, end) for n, (start, end) in enumerate(spans, 1))
        events = tuple(
            replace(e, quote=q.quote_id) if (q := _holding(quotes, e.trigger.start)) else e
            for e in doc.events
        )
        return doc.evolve(quotes=quotes, events=events)


def find_quote_spans(text: str, skip_until: int = 0) -> list[tuple[int, int]]:
    """The (start, end) of the words inside each pair of quotation marks, four words or more."""
    found: list[tuple[int, int]] = []
    i = skip_until
    while i < len(text):
        mark = text[i]
        if mark not in ("“", '"'):
            i += 1
            continue
        close = "”" if mark == "“" else '"'
        j = text.find(close, i + 1)
        if j == -1:
            break
        start, end = i + 1, j
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(text[start:end].split()) >= _MIN_WORDS:
            found.append((start, end))
        i = j + 1
    return found


def _holding(quotes: tuple[Quote, ...], offset: int) -> Quote | None:
    return next((q for q in quotes if q.span.start <= offset < q.span.end), None)


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self.at: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            for i in range(m.first, m.stop):
                self.at.setdefault(i, []).append(m)

    def quote(self, number: int, start: int, end: int) -> Quote:
        span = TextSpan(start, end, self.doc.article.text[start:end])
        speaker, verb, rule = self._speaker(start, end)
        return Quote(f"q{number}", span, speaker, verb, rule)

    # -- who said it ---------------------------------------------------------------------------
    def _speaker(self, start: int, end: int) -> tuple[Mention | None, str | None, str]:
        inside = self._token_range(start, end)
        # the sentence before too, when the splitter cut 'Hook said, "This is ...'
        sentences = self._sentences_of(end - 1, start, max(start - 3, 0))
        for sentence in sentences:
            outside = [
                t
                for t in self.tokens[sentence.first : sentence.stop]
                if not (inside[0] <= t.i < inside[1])
            ]
            # the reporting verb nearest the quote: after its end first, then before its start
            after = [t for t in outside if t.i >= inside[1]]
            before = [t for t in reversed(outside) if t.i < inside[0]]
            for token in after + before:
                if token.lemma.lower() == "accord" or token.text.lower() == "according":
                    who = self._according(token)
                    if who is not None:
                        return who, "according to", "according-to"
                if token.pos not in ("VERB", "AUX") or token.lemma.lower() not in REPORTING_VERBS:
                    continue
                who = self._subject_of(token, inside)
                if who is not None:
                    return who, token.lemma.lower(), "reporting-verb"
        subject = self._clause_subject(inside)
        if subject is not None:
            return subject, None, "clause-subject"
        return None, None, "none"

    def _according(self, token: Token) -> Mention | None:
        for c in self.doc.children[token.i]:
            prep = self.tokens[c]
            if prep.lemma.lower() == "to":
                for o in self.doc.children[prep.i]:
                    found = self._actor_at(o)
                    if found is not None:
                        return found
        return None

    def _subject_of(self, verb: Token, inside: tuple[int, int]) -> Mention | None:
        for _ in range(_MAX_CLIMB):
            for c in self.doc.children[verb.i]:
                kid = self.tokens[c]
                if kid.dep in ("nsubj", "nsubjpass") and not inside[0] <= c < inside[1]:
                    if kid.lemma.lower() in DOCUMENTS:
                        return self._author(kid)
                    return self._actor_at(c)
            # "Aliyev was quoted as saying": the subject of "quoted"; "..., adding": the
            # subject of the verb the participle hangs from
            if (
                verb.dep in ("advcl", "xcomp", "conj", "pcomp", "pobj", "prep")
                and verb.head != verb.i
            ):
                verb = self.tokens[verb.head]
                continue
            return None
        return None

    def _author(self, document: Token) -> Mention | None:
        """Who speaks through a statement: the one named with it ("a statement by
        Azerbaijan's presidency", "the ministry's statement"), else with the same kind of
        document earlier in the story."""
        own = self._named_with(document)
        if own is not None:
            return own
        lemma = document.lemma.lower()
        for earlier in reversed(self.tokens[: document.i]):
            if earlier.lemma.lower() == lemma:
                found = self._named_with(earlier)
                if found is not None:
                    return found
        return None

    def _named_with(self, document: Token) -> Mention | None:
        for c in self.doc.children[document.i]:
            kid = self.tokens[c]
            if kid.dep == "poss":
                found = self._actor_at(c)
                if found is not None:
                    return found
            if kid.dep in ("prep", "agent") and kid.lemma.lower() in ("by", "from", "of"):
                for o in self.doc.children[c]:
                    found = self._actor_at(o)
                    if found is not None:
                        return found
        return None

    def _clause_subject(self, inside: tuple[int, int]) -> Mention | None:
        """ "Pezeshkian, who 'holds great affection for Azerbaijan'": the subject, outside the
        marks, of the clause the quoted words complete."""
        first, stop = inside
        if first >= stop:
            return None
        verb = self.doc.clause_verb(self.tokens[first], _MAX_CLIMB)
        if not first <= verb.i < stop:
            return None
        for c in self.doc.children[verb.i]:
            kid = self.tokens[c]
            if kid.dep in ("nsubj", "nsubjpass") and not first <= c < stop:
                if kid.text.lower() in ("who", "which", "that") and verb.dep == "relcl":
                    return self._actor_at(verb.head)
                return self._actor_at(c)
        return None

    def _actor_at(self, i: int) -> Mention | None:
        """The actor named by the phrase headed at token `i` (its own mention, or one within
        it: "Iranian Defense Minister Aziz Nasirzadeh")."""
        found = [m for m in self.at.get(i, ()) if m.actor.key is not None]
        if not found:
            found = [
                m
                for c in self.doc.children[i]
                if self.tokens[c].dep in ("compound", "amod", "poss", "appos")
                for m in self.at.get(c, ())
                if m.actor.key is not None
            ]
        return found[0] if found else None

    # -- where -----------------------------------------------------------------------------------
    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        first = bisect.bisect_left(self.starts, start)
        stop = bisect.bisect_left(self.starts, end)
        return first, stop

    def _sentences_of(self, *offsets: int) -> list[Sentence]:
        found: list[Sentence] = []
        for offset in offsets:
            for sentence in self.doc.sentences:
                if sentence.start <= offset < sentence.end + 1 and sentence not in found:
                    found.append(sentence)
        return found
