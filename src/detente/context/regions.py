"""Named places that are neither countries nor cities (`data/regions.tsv`): seas, straits,
rivers, provinces, disputed territories, multi-country regions. Matched as written, on word
boundaries, with or without "the" before them; a region is a place, never an actor.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.datafiles import data_path, read_tsv, split_list
from detente.errors import DataFileError

FEATURES = frozenset(
    {"ocean", "sea", "gulf", "bay", "strait", "canal", "river", "lake", "mountains", "desert"}
    | {"peninsula", "island", "islands", "province", "state", "region", "territory"}
)
DIVISIONS = frozenset(
    {"state", "province", "region", "department", "oblast", "governorate", "county", "division"}
)


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    iso3: str | None
    feature: str
    lat: float | None
    lon: float | None
    admin1: str | None = None
    """For a first-level division (a state, a province), its name."""
    shared: tuple[str, ...] = ()
    """For a name divided among countries ("Punjab"; Brazil's and Venezuela's "Amazonas"),
    those countries: the text says which one is meant, if any ("Pakistan's Punjab")."""


@dataclass(frozen=True, slots=True)
class RegionMatch:
    start: int
    end: int
    region: Region


class Regions:
    """The region gazetteer: every spelling, longest first, in one expression."""

    def __init__(self, regions: dict[str, Region]) -> None:
        self.by_phrase = regions
        self.by_first: dict[str, list[str]] = {}
        """Spellings by their first word, longest first."""
        for phrase in sorted(regions, key=len, reverse=True):
            self.by_first.setdefault(_first(phrase), []).append(phrase)

    def find(self, text: str, starts: Iterable[int] | None = None) -> Iterator[RegionMatch]:
        """The regions named in `text`, left to right, not overlapping; `starts` are the
        offsets where a name may begin (word starts), by default every word's."""
        if starts is None:
            starts = (m.start() for m in re.finditer(r"[\w-]+", text))
        reach = -1
        for start in starts:
            if start < reach:
                continue
            word = re.match(r"[\w-]+", text[start : start + 40])
            if word is None:
                continue
            for phrase in self.by_first.get(word.group(0), ()):
                end = start + len(phrase)
                if text.startswith(phrase, start) and not _inside_word(text, start, end):
                    yield RegionMatch(start, end, self.by_phrase[phrase])
                    reach = end
                    break


def _first(phrase: str) -> str:
    match = re.match(r"[\w-]+", phrase)
    return match.group(0) if match else phrase


def _inside_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or before == "-" or after.isalnum() or after == "-"


def load_regions(path: Path | None = None, provinces: Path | None = None) -> Regions:
    """The regions of `regions.tsv` and the first-level divisions of `provinces.tsv` (a
    spelling both list is the region's; one that divisions of several countries share is a
    shared region)."""
    path = path or data_path("regions.tsv")
    found: dict[str, Region] = {}
    required = ("name", "feature", "lat", "lon")
    for line, row in read_tsv(path, required=required):
        feature = row["feature"]
        if feature not in FEATURES:
            raise DataFileError(str(path), line, f"unknown feature {feature!r}")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            raise DataFileError(str(path), line, "lat and lon must be numbers") from None
        codes = split_list(row["iso3"])
        if not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes):
            raise DataFileError(
                str(path), line, f"iso3 must be 3 capital letters, not {row['iso3']!r}"
            )
        iso3 = codes[0] if len(codes) == 1 else None
        admin1 = row["name"] if feature in ("state", "province") and iso3 else None
        region = Region(
            row["name"], iso3, feature, lat, lon, admin1, tuple(codes) if len(codes) > 1 else ()
        )
        for phrase in [row["name"], *split_list(row["aliases"])]:
            if phrase in found:
                raise DataFileError(str(path), line, f"{phrase!r} is listed twice")
            found[phrase] = region
    provinces = provinces or data_path("provinces.tsv")
    divisions: dict[str, list[Region]] = {}
    for line, row in read_tsv(provinces, required=("name", "iso3", "kind")):
        kind = row["kind"]
        if kind not in DIVISIONS:
            raise DataFileError(str(provinces), line, f"unknown kind {kind!r}")
        if not re.fullmatch(r"[A-Z]{3}", row["iso3"]):
            raise DataFileError(str(provinces), line, "iso3 must be 3 capital letters")
        division = Region(row["name"], row["iso3"], kind, None, None, row["name"])
        for phrase in [row["name"], *split_list(row.get("aliases", ""))]:
            divisions.setdefault(phrase, []).append(division)
    for phrase, named in divisions.items():
        if phrase in found:
            continue  # regions.tsv's reading comes first
        countries = tuple(dict.fromkeys(d.iso3 for d in named if d.iso3))
        if len(countries) == 1:
            found[phrase] = named[0]
        else:  # divisions of several countries share the name: the text must say which
            found[phrase] = Region(phrase, None, named[0].feature, None, None, None, countries)
    return Regions(found)


@functools.cache
def default_regions() -> Regions:
    return load_regions()
