"""Named places that are neither countries nor cities (`data/regions.tsv`): seas, straits,
rivers, provinces, disputed territories, multi-country regions. Matched as written, on word
boundaries, with or without "the" before them; a region is a place, never an actor.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.datafiles import data_path, read_tsv, split_list
from detente.errors import DataFileError

FEATURES = frozenset(
    {"ocean", "sea", "gulf", "bay", "strait", "canal", "river", "lake", "mountains", "desert"}
    | {"peninsula", "island", "islands", "province", "state", "region", "territory"}
)


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    iso3: str | None
    feature: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class RegionMatch:
    start: int
    end: int
    region: Region


class Regions:
    """The region gazetteer: every spelling, longest first, in one expression."""

    def __init__(self, regions: dict[str, Region]) -> None:
        self.by_phrase = regions
        phrases = sorted(regions, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])")
            if phrases
            else None
        )

    def find(self, text: str) -> Iterator[RegionMatch]:
        """The regions named in `text`, left to right, not overlapping."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            yield RegionMatch(match.start(), match.end(), self.by_phrase[match.group(0)])


def load_regions(path: Path | None = None) -> Regions:
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
        iso3 = row["iso3"] or None
        if iso3 is not None and not re.fullmatch(r"[A-Z]{3}", iso3):
            raise DataFileError(str(path), line, f"iso3 must be 3 capital letters, not {iso3!r}")
        region = Region(row["name"], iso3, feature, lat, lon)
        for phrase in [row["name"], *split_list(row["aliases"])]:
            if phrase in found:
                raise DataFileError(str(path), line, f"{phrase!r} is listed twice")
            found[phrase] = region
    return Regions(found)


@functools.cache
def default_regions() -> Regions:
    return load_regions()
