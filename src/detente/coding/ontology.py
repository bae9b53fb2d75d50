"""The CAMEO ontology: every event code with its name, Goldstein weight, quad class and PLOVER type.

The table is data (`detente/data/cameo.tsv`); this module reads it, checks it row by row and
answers look-ups. Codes stay strings throughout because their leading zeros are significant
("010" is not "10").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NoReturn

from detente.datafiles import data_path, read_tsv
from detente.errors import DataFileError
from detente.model import CameoCode

PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "OTHER",
    }
)
"""The sixteen PLOVER event types, plus OTHER for CAMEO codes PLOVER does not code."""

PLOVER_MODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "AGREE": frozenset(),
        "CONSULT": frozenset({"phone", "visit", "third-party", "multilateral"}),
        "SUPPORT": frozenset(),
        "CONCEDE": frozenset(),
        "COOPERATE": frozenset(),
        "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
        "RETREAT": frozenset(
            {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}
        ),
        "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
        "ACCUSE": frozenset(),
        "REJECT": frozenset({"assist", "change", "yield", "meet"}),
        "THREATEN": frozenset(
            {
                "relations",
                "restrict",
                "political",
                "ban",
                "expel",
                "arrest",
                "territory",
                "violence",
            }
        ),
        "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
        "SANCTION": frozenset({"sever", "withdraw", "cancel", "expel", "convict"}),
        "MOBILIZE": frozenset({"troops", "police", "weapons"}),
        "COERCE": frozenset(
            {
                "seize",
                "destroy",
                "restrict",
                "ban",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
            }
        ),
        "ASSAULT": frozenset(
            {
                "abduct",
                "beat",
                "sexual",
                "torture",
                "execute",
                "assassinate",
                "primitive",
                "firearms",
                "explosive",
                "suicide",
                "heavy-weapons",
                "aerial",
                "cbrn",
            }
        ),
        "OTHER": frozenset(),
    }
)
"""The PLOVER modes each type may carry: PLOVER's own vocabulary, trimmed to what CAMEO can say."""

_REQUIRED = ("code", "name", "description", "goldstein", "quad_class", "plover_type")
_CODE = re.compile(r"[0-9]{2,4}")
_QUAD_CLASSES = frozenset({"1", "2", "3", "4"})


def quad_class_of_root(root: int) -> int:
    """The quad class CAMEO root `root` (1..20) belongs to, by the GDELT convention.

    1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20).
    """
    if not 1 <= root <= 20:
        raise ValueError(f"CAMEO roots run from 01 to 20, not {root:02d}")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _parent_code(code: str) -> str | None:
    """The code one level up (0211 -> 021 -> 02), or None for a root."""
    return code[:-1] if len(code) > 2 else None


class Ontology:
    """A set of CAMEO codes in table order, looked up by code. Immutable once built.

    Building one checks only the structure (codes unique, each parent before its children);
    `load_ontology` checks everything else and says which line of the file is wrong.
    """

    __slots__ = ("_by_code",)

    _by_code: Mapping[str, CameoCode]

    def __init__(self, codes: Iterable[CameoCode]) -> None:
        by_code: dict[str, CameoCode] = {}
        for entry in codes:
            if entry.code in by_code:
                raise ValueError(f"CAMEO code {entry.code} appears twice")
            parent = _parent_code(entry.code)
            if parent is not None and parent not in by_code:
                raise ValueError(f"CAMEO code {entry.code} comes before its parent {parent}")
            by_code[entry.code] = entry
        # A read-only view, set once past our own guard, keeps the ontology safe to share
        # (default_ontology hands the same object to every caller).
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"Ontology is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"Ontology is immutable: cannot delete {name!r}")

    def get(self, code: str) -> CameoCode:
        """The entry for `code`; `KeyError` if the ontology has no such code."""
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[CameoCode]:
        """Every entry, in table order."""
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __repr__(self) -> str:
        return f"<Ontology of {len(self)} CAMEO codes>"

    def roots(self) -> list[CameoCode]:
        """The 2-digit root entries, in table order."""
        return [entry for entry in self if len(entry.code) == 2]

    def parent(self, code: str) -> CameoCode | None:
        """The entry one level up (0211 -> 021, 021 -> 02), or None for a root."""
        parent = _parent_code(self.get(code).code)
        return None if parent is None else self._by_code[parent]

    def family(self, code: str) -> CameoCode:
        """The root entry of `code`'s family (0211 -> 02)."""
        return self._by_code[self.get(code).root]


def load_ontology(path: Path | None = None) -> Ontology:
    """Read and validate a CAMEO table; by default the one detente ships.

    Raises `DataFileError` naming the file and line of the first problem found.
    """
    source = path if path is not None else data_path("cameo.tsv")
    seen: dict[str, int] = {}
    entries: list[CameoCode] = []
    for line, row in read_tsv(source, required=_REQUIRED):
        entry = _parse_row(row, seen, str(source), line)
        seen[entry.code] = line
        entries.append(entry)
    if not entries:
        raise DataFileError(str(source), None, "no CAMEO codes after the header line")
    return Ontology(entries)


@functools.cache
def default_ontology() -> Ontology:
    """The shipped CAMEO table, read and validated once per process."""
    return load_ontology()


def _parse_row(row: Mapping[str, str], seen: Mapping[str, int], path: str, line: int) -> CameoCode:
    """One validated entry; `seen` maps the codes of earlier rows to their lines."""

    def fail(problem: str) -> NoReturn:
        raise DataFileError(path, line, problem)

    code = row["code"]
    if not _CODE.fullmatch(code):
        fail(f"code {code!r} is not 2 to 4 digits")
    root = int(code[:2])
    if not 1 <= root <= 20:
        fail(f"code {code}: root {code[:2]} is not one of 01..20")
    if code in seen:
        fail(f"code {code} is already defined on line {seen[code]}")
    parent = _parent_code(code)
    if parent is not None and parent not in seen:
        fail(f"code {code}: its parent {parent} is not defined on an earlier line")

    try:
        goldstein = float(row["goldstein"])
    except ValueError:
        fail(f"code {code}: goldstein {row['goldstein']!r} is not a number")
    # Written as a positive range test so that NaN fails it too.
    if not -10.0 <= goldstein <= 10.0:
        fail(f"code {code}: goldstein {row['goldstein']} is outside -10..10")

    quad_text = row["quad_class"]
    if quad_text not in _QUAD_CLASSES:
        fail(f"code {code}: quad_class {quad_text!r} is not 1, 2, 3 or 4")
    quad_class = int(quad_text)
    expected = quad_class_of_root(root)
    if quad_class != expected:
        fail(
            f"code {code}: quad_class {quad_class} disagrees with root {code[:2]}, "
            f"which is quad class {expected}"
        )

    plover_type = row["plover_type"]
    if plover_type not in PLOVER_TYPES:
        fail(
            f"code {code}: plover_type {plover_type!r} is not one of "
            f"{', '.join(sorted(PLOVER_TYPES))}"
        )
    # A table without the optional plover_mode column is still readable: no code has a mode.
    plover_mode = row.get("plover_mode", "") or None
    if plover_mode is not None and plover_mode not in PLOVER_MODES[plover_type]:
        allowed = ", ".join(sorted(PLOVER_MODES[plover_type])) or "none"
        fail(
            f"code {code}: plover_mode {plover_mode!r} is not a mode of {plover_type} "
            f"(allowed: {allowed})"
        )

    return CameoCode(
        code=code,
        name=row["name"],
        description=row["description"],
        goldstein=goldstein,
        quad_class=quad_class,
        plover_type=plover_type,
        plover_mode=plover_mode,
    )
