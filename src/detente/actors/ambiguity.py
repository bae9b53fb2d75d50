"""Names that are also something else: "Georgia" the US state, "Michael Jordan" the player.

A dictionary phrase is read as its country or capital unless
- it lies inside a longer person's name the parser found ("Michael Jordan"), or a name follows
  it ("Paris Hilton", "Jordan Bardella", "Washington Post"): a name is never a country, while a
  lone name ("Azerbaijan" mislabelled as a person) still is;
- one of its other reading's cues is next to it or in the sentence (`data/ambiguous.yaml`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from detente.datafiles import data_path, line_of, read_yaml
from detente.errors import DataFileError
from detente.model import Entity, Token

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """A phrase's other reading and the words that signal it."""

    phrase: str
    other: str
    country: str | None
    """The country of the other reading, if any ("Georgia" the US state: USA)."""
    before: frozenset[str]
    after: frozenset[str]
    context: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class Ambiguities:
    by_phrase: Mapping[str, Ambiguity] = field(default_factory=dict)

    def other_reading(
        self, tokens: Sequence[Token], first: int, stop: int, sentence: tuple[int, int], text: str
    ) -> Ambiguity | None:
        """The other reading of tokens `first`..`stop - 1` if its cues are present."""
        phrase = " ".join(t.text for t in tokens[first:stop]).lower()
        entry = self.by_phrase.get(phrase)
        if entry is None:
            return None
        begin, end = sentence
        if first > begin and tokens[first - 1].text.lower() in entry.before:
            return entry
        if (
            first - 1 > begin
            and tokens[first - 1].text == ","
            and (tokens[first - 2].text.lower() in entry.before)
        ):
            return entry
        after = stop
        if after < end and tokens[after].text in _POSSESSIVE:
            after += 1
        if after < end and (
            tokens[after].lemma.lower() in entry.after or tokens[after].text.lower() in entry.after
        ):
            return entry
        # a cue elsewhere in the story does not unseat a name that acts ("Seattle officials
        # said Washington would respond")
        if any(tokens[i].dep in ("nsubj", "nsubjpass") for i in range(first, stop)):
            return None
        # the story's words tell what it is about: "RSF" in a story about a journalist
        if any(cue in text.lower() for cue in entry.context):
            return entry
        return None


def inside_a_name(
    entities: Sequence[Entity],
    tokens: Sequence[Token],
    first: int,
    stop: int,
    *,
    allowed: str = "",
    titles: frozenset[str] = frozenset(),
) -> bool:
    """Whether tokens `first`..`stop - 1` are part of a longer person's name (one with words
    other than those of `allowed` and of `titles`: "President Trump" is Trump)."""
    return _inside(entities, tokens, first, stop, ("PERSON",), allowed, titles)


def inside_a_title(
    entities: Sequence[Entity], tokens: Sequence[Token], first: int, stop: int
) -> bool:
    """Whether the words are part of the name of a thing: a dam, a company, an event."""
    labels = ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT")
    return _inside(entities, tokens, first, stop, labels, "", frozenset())


def _inside(
    entities: Sequence[Entity],
    tokens: Sequence[Token],
    first: int,
    stop: int,
    labels: tuple[str, ...],
    allowed: str,
    titles: frozenset[str],
) -> bool:
    words = set(allowed.lower().split()) | titles
    for ent in entities:
        if ent.label not in labels or ent.first > first or ent.stop < stop:
            continue
        others = [
            t
            for t in tokens[ent.first : ent.stop]
            if not first <= t.i < stop
            and t.tag in ("NNP", "NNPS")
            and t.text[:1].isupper()
            and t.text.lower() not in words
        ]
        if others:
            return True
    return False


def name_follows(tokens: Sequence[Token], stop: int, end: int, starts_entry: bool) -> bool:
    """Whether a proper name that is not a place, date or dictionary word comes right after
    (`starts_entry`: the next token begins a dictionary phrase or sector term)."""
    if stop >= end or starts_entry:
        return False
    nxt, last = tokens[stop], tokens[stop - 1]
    return (
        nxt.tag in ("NNP", "NNPS")
        and nxt.text[:1].isupper()
        and nxt.ent not in _NOT_NAMES
        and last.whitespace == " "
    )


_NOT_NAMES = frozenset({"DATE", "TIME", "GPE", "LOC", "NORP", "CARDINAL", "ORDINAL"})


def load_ambiguities(path: Path | None = None) -> Ambiguities:
    """Read and validate an ambiguity file (the shipped one by default)."""
    path = path or data_path("ambiguous.yaml")
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise DataFileError(str(path), None, "expected a list of entries")
    found: dict[str, Ambiguity] = {}
    for entry in raw:
        line = line_of(entry)
        if not isinstance(entry, dict) or not isinstance(entry.get("phrase"), str):
            raise DataFileError(str(path), line, "each entry needs a 'phrase'")
        unknown = set(entry) - {
            "phrase",
            "other",
            "country",
            "before",
            "after",
            "context",
            "__line__",
        }
        if unknown:
            raise DataFileError(str(path), line, f"unknown field(s) {', '.join(sorted(unknown))}")
        lists = {}
        for key in ("before", "after", "context"):
            value = entry.get(key, [])
            if not isinstance(value, list):
                raise DataFileError(str(path), line, f"'{key}' must be a list")
            lists[key] = [str(v).lower() for v in value]
        phrase = entry["phrase"]
        found[phrase.lower()] = Ambiguity(
            phrase=phrase,
            other=str(entry.get("other", "")),
            country=str(entry["country"]) if entry.get("country") else None,
            before=frozenset(lists["before"]),
            after=frozenset(lists["after"]),
            context=tuple(lists["context"]),
            where=f"{path.name}:{line}",
        )
    return Ambiguities(found)


@functools.cache
def default_ambiguities() -> Ambiguities:
    return load_ambiguities()
