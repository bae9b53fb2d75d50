"""Towns (`data/towns.tsv`): the cities the city gazetteer leaves out, because they are small or
because their names are also words or people's names ("Split", "Rosario", "Toledo"). The
places stage reads a town only where the text sets it as a place (see `places`); a town is
never an actor's home.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable
from pathlib import Path

from detente.actors.dictionary import City, load_cities
from detente.actors.lexicon import CITY_MARGIN
from detente.datafiles import data_path

_WORD = re.compile(r"\w+")


class Towns:
    """The towns by spelling, looked up by the first word of a name as written."""

    def __init__(self, towns: Iterable[City]) -> None:
        by_phrase: dict[str, list[City]] = {}
        for town in towns:
            for phrase in dict.fromkeys((town.name, *town.aliases)):
                by_phrase.setdefault(phrase, []).append(town)
        self.by_first: dict[str, list[tuple[str, tuple[City, ...]]]] = {}
        """(spelling, towns) by the spelling's first word, longest spelling first."""
        for phrase in sorted(by_phrase, key=len, reverse=True):
            word = _WORD.match(phrase)
            first = word.group(0) if word else phrase
            self.by_first.setdefault(first, []).append((phrase, tuple(by_phrase[phrase])))

    def at(self, text: str, start: int) -> tuple[int, tuple[City, ...]] | None:
        """The longest town name written at `start` in `text`, as (end, towns sharing it)."""
        word = _WORD.match(text, start)
        if word is None:
            return None
        for phrase, towns in self.by_first.get(word.group(0), ()):
            end = start + len(phrase)
            if text.startswith(phrase, start) and not (end < len(text) and text[end].isalnum()):
                return end, towns
        return None


def pick_town(towns: Iterable[City], named: Container[str] = ()) -> City | None:
    """Of the towns a name may mean, the one meant: the biggest in the one country of them the
    article names (`named`), else the biggest if `CITY_MARGIN` times the next country's."""
    biggest: dict[str, City] = {}
    for town in towns:
        if town.iso3 not in biggest or town.population > biggest[town.iso3].population:
            biggest[town.iso3] = town
    ranked = sorted(biggest.values(), key=lambda t: -t.population)
    if len(ranked) == 1:
        return ranked[0]
    chosen = [t for t in ranked if t.iso3 in named]
    if len(chosen) == 1:
        return chosen[0]
    if len(chosen) > 1 or not ranked:
        return None
    return ranked[0] if ranked[0].population >= CITY_MARGIN * ranked[1].population else None


def load_towns(path: Path | None = None) -> Towns:
    return Towns(load_cities(path or data_path("towns.tsv")))


@functools.cache
def default_towns() -> Towns:
    return load_towns()
