"""The pattern book: which words trigger which CAMEO code, and where their actors stand.

Patterns live in `data/patterns.yaml` (see the comments there for the format); this module
reads and validates them into typed objects and indexes them by trigger lemma.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from detente.actors.dictionary import SECTORS
from detente.coding.ontology import Ontology, default_ontology
from detente.datafiles import data_path, line_of, read_yaml
from detente.errors import DataFileError

_REQUIREMENTS = ("prep:", "no:", "mod:", "dep:")
"""Requirements with an argument: a preposition, a dependency or a modifier."""
_PLAIN_REQUIREMENTS = frozenset(
    {"object", "complement", "target", "named", "actor-object", "actor-subject"}
)
SLOTS = frozenset(
    {
        "object",
        "dative",
        "between",
        "clause",
        "with",
        "across",
        "to",
        "against",
        "on",
        "at",
        "for",
        "into",
        "from",
        "over",
        "toward",
        "towards",
        "upon",
        "in",
        "of",
        "about",
        "by",
        "near",
        "along",
        "place",
        "outside",
        "around",
        "off",
    }
)
_POS = {"verb": "VERB", "noun": "NOUN", "adj": "ADJ"}


@dataclass(frozen=True, slots=True)
class Specialisation:
    """A more specific code when one of `words` occurs in the trigger's phrase."""

    words: frozenset[str]
    code: str
    where: str = "modifier"
    """`modifier` (words modifying the trigger: "phone call"), `phrase` (anywhere in the
    trigger's complement: "threats of military action"), `object` (its direct object) or
    `source` (the source actor's sector, e.g. CVL)."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger word (or particle verb) for one code, with the slots of its actors."""

    id: str
    lemma: str
    particle: str | None
    pos: str
    code: str
    targets: tuple[str, ...]
    symmetric: bool
    confidence: float
    requires: frozenset[str]
    """Constraints: `object` (needs a direct object), `prep:X` (needs preposition X),
    `no:DEP` (no child with that dependency), `complement` (needs a to-infinitive), `target`
    (no event unless a slot gives a target)."""
    objects: frozenset[str]
    """For light-verb patterns ("express concern"): the object lemmas that make the event."""
    not_objects: frozenset[str]
    """Words that unmake it, as its object or complement ("strike a tone", "plead guilty") or
    its modifier ("a campaign rally")."""
    not_sources: frozenset[str]
    """Source sectors that unmake it: a president who holds a rally campaigns."""
    specialise: tuple[Specialisation, ...]
    complement: Mapping[str, str]
    """For intents, threats, appeals: the code of an embedded event's family -> this code."""
    embeds: bool
    """Events in this trigger's complement are not asserted ("offered to mediate")."""
    implicit_source: str | None
    """In the passive without an agent, the home country's actor of this sector is the source."""
    default_target: str | None
    """With no target in the sentence, the home country's actor of this sector is the target."""
    possessor_is_target: bool
    """For nouns: "Navalny's arrest" names the target, not the source."""
    report: bool
    """A reporting verb ("said"): coded by the tone of what was said, unless that reports an
    event of its own."""
    where: str
    negated: str | None = None
    """The code of its refusal: "would not consider requests" rejects them (a negated event
    is otherwise no event)."""
    inverse: bool = False
    """The grammatical subject undergoes the event and the target slot names who does it:
    "the rebels received weapons from Iran" is Iran arming the rebels."""


@dataclass(frozen=True)
class PatternBook:
    """All patterns, indexed by (lemma, part of speech)."""

    patterns: tuple[Pattern, ...]
    light_verbs: frozenset[str]
    frame_preps: frozenset[str]
    aspect_verbs: frozenset[str]
    role_verbs: frozenset[str]
    future_codes: Mapping[str, str]
    happen_verbs: frozenset[str] = frozenset()
    """Verbs an event noun is the subject of when it simply happens ("protests erupted")."""
    gather_verbs: frozenset[str] = frozenset()
    """Verbs of coming together for an event ("gathered for a rally"): who gathers holds it."""
    command_verbs: frozenset[str] = frozenset()
    """Verbs by which an authority has its own services act ("instructed the police to
    investigate"): the act is the authority's."""
    tone: tuple[tuple[str, frozenset[str]], ...] = ()
    """For reporting verbs: what was said, by the words of the clause -> its code, in order."""
    index: Mapping[tuple[str, str], tuple[Pattern, ...]] = field(default_factory=dict)

    def candidates(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.index.get((lemma, pos), ())


def load_patterns(path: Path | None = None, *, ontology: Ontology | None = None) -> PatternBook:
    """Read and validate a pattern file (the shipped one by default)."""
    path = path or data_path("patterns.yaml")
    ontology = ontology or default_ontology()
    raw = read_yaml(path)
    where = str(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("patterns"), list):
        raise DataFileError(where, None, "expected a mapping with a 'patterns' list")
    patterns: list[Pattern] = []
    seen: set[str] = set()
    for entry in raw["patterns"]:
        line = line_of(entry)
        if not isinstance(entry, dict):
            raise DataFileError(where, line, "each pattern must be a mapping")
        for pattern in _patterns_of(entry, where, line, ontology):
            patterns.append(pattern)
        pid = str(entry.get("id"))
        if pid in seen:
            raise DataFileError(where, line, f"duplicate pattern id '{pid}'")
        seen.add(pid)
    index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    for pattern in patterns:
        index[(pattern.lemma, pattern.pos)].append(pattern)
    # Most constrained first, so "call on" is tried before "call".
    ordered = {k: tuple(sorted(v, key=_specificity)) for k, v in index.items()}

    def words(key: str) -> frozenset[str]:
        value = raw.get(key, [])
        if not isinstance(value, list):
            raise DataFileError(where, line_of(raw), f"'{key}' must be a list")
        return frozenset(str(v).lower() for v in value)

    future = raw.get("future", {})
    if not isinstance(future, dict):
        raise DataFileError(where, line_of(raw), "'future' must be a mapping")
    future_codes = {str(k): str(v) for k, v in future.items() if k != "__line__"}
    for code in future_codes.values():
        _check_code(code, ontology, where, line_of(future))
    return PatternBook(
        patterns=tuple(patterns),
        light_verbs=words("light_verbs"),
        frame_preps=words("frame_preps"),
        aspect_verbs=words("aspect_verbs"),
        role_verbs=words("role_verbs"),
        happen_verbs=words("happen_verbs"),
        command_verbs=words("command_verbs"),
        gather_verbs=words("gather_verbs"),
        future_codes=future_codes,
        tone=_tone(raw.get("tone", {}), ontology, where),
        index=ordered,
    )


@functools.cache
def default_patterns() -> PatternBook:
    return load_patterns()


def _specificity(pattern: Pattern) -> tuple[int, int, int]:
    return (
        0 if pattern.particle else 1,
        0 if pattern.objects else 1,
        -len(pattern.requires),
    )


def _patterns_of(
    entry: dict[str, Any], where: str, line: int | None, ontology: Ontology
) -> list[Pattern]:
    def fail(problem: str) -> DataFileError:
        return DataFileError(where, line, f"pattern '{entry.get('id', '?')}': {problem}")

    known = {
        "id",
        "verbs",
        "nouns",
        "adjs",
        "code",
        "targets",
        "symmetric",
        "confidence",
        "requires",
        "objects",
        "specialise",
        "complement",
        "embeds",
        "implicit_source",
        "default_target",
        "possessor",
        "report",
        "not_objects",
        "not_sources",
        "negated",
        "inverse",
        "note",
        "__line__",
    }
    unknown = set(entry) - known
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    pid = entry.get("id")
    if not isinstance(pid, str) or not pid:
        raise fail("needs an 'id'")
    code = str(entry.get("code", ""))
    _check_code(code, ontology, where, line)
    for listed in ("targets", "requires", "objects", "not_objects", "not_sources", "specialise"):
        if not isinstance(entry.get(listed, []), list):
            raise fail(f"'{listed}' must be a list")
    targets = tuple(str(t) for t in entry.get("targets", []))
    bad = [t for t in targets if t not in SLOTS]
    if bad:
        raise fail(f"unknown target slot(s) {', '.join(bad)}; use {', '.join(sorted(SLOTS))}")
    requires = frozenset(str(r) for r in entry.get("requires", []))
    for r in requires:
        if r not in _PLAIN_REQUIREMENTS and not r.startswith(_REQUIREMENTS):
            raise fail(f"unknown requirement '{r}'")
    negated = str(entry["negated"]) if "negated" in entry else None
    if negated is not None:
        _check_code(negated, ontology, where, line)
    not_sources = frozenset(str(o) for o in entry.get("not_sources", []))
    if not not_sources <= SECTORS:
        raise fail(f"unknown sector(s) {', '.join(sorted(not_sources - SECTORS))}")
    specialise = []
    for spec in entry.get("specialise", []):
        if not isinstance(spec, dict) or "code" not in spec or "words" not in spec:
            raise fail("each 'specialise' item needs 'words' and 'code'")
        extra = set(spec) - {"words", "code", "where", "__line__"}
        if extra:
            raise fail(f"unknown specialise field(s) {', '.join(sorted(extra))}")
        _check_code(str(spec["code"]), ontology, where, line_of(spec) or line)
        scope = str(spec.get("where", "modifier"))
        if scope not in ("modifier", "phrase", "object", "source", "people"):
            raise fail(
                f"specialise 'where' must be modifier, phrase, object, source or people: '{scope}'"
            )
        if scope == "source":
            words = frozenset(str(w) for w in spec["words"])
            if not words <= SECTORS:
                raise fail(f"unknown sector(s) {', '.join(sorted(words - SECTORS))}")
        else:
            words = frozenset(str(w).lower() for w in spec["words"])
        specialise.append(Specialisation(words, str(spec["code"]), scope))
    complement = entry.get("complement", {})
    if not isinstance(complement, dict):
        raise fail("'complement' must map code families to codes")
    complement = {str(k): str(v) for k, v in complement.items() if k != "__line__"}
    for c in complement.values():
        _check_code(c, ontology, where, line)
    try:
        confidence = float(entry.get("confidence", 0.8))
    except (TypeError, ValueError):
        raise fail(f"confidence must be a number, not {entry.get('confidence')!r}") from None
    if not 0 < confidence <= 1:
        raise fail("confidence must be in (0, 1]")
    symmetric = bool(entry.get("symmetric", code[:2] == "04" or code == "057"))
    implicit = entry.get("implicit_source")
    if implicit is not None and implicit not in SECTORS:
        raise fail(f"implicit_source must be a sector, not '{implicit}'")
    possessor = entry.get("possessor", "source")
    if possessor not in ("source", "target"):
        raise fail(f"possessor must be source or target, not '{possessor}'")
    default_target = entry.get("default_target")
    if default_target is not None and default_target not in SECTORS:
        raise fail(f"default_target must be a sector, not '{default_target}'")
    base = Pattern(
        id=pid,
        lemma="",
        particle=None,
        pos="",
        code=code,
        targets=targets,
        symmetric=symmetric,
        confidence=confidence,
        requires=requires,
        objects=frozenset(str(o).lower() for o in entry.get("objects", [])),
        not_objects=frozenset(str(o).lower() for o in entry.get("not_objects", [])),
        not_sources=not_sources,
        specialise=tuple(specialise),
        complement=complement,
        embeds=bool(entry.get("embeds", bool(complement))),
        implicit_source=implicit,
        default_target=default_target,
        possessor_is_target=possessor == "target",
        report=bool(entry.get("report", False)),
        negated=negated,
        inverse=bool(entry.get("inverse", False)),
        where=f"{Path(where).name}:{line}",
    )
    found: list[Pattern] = []
    for key, pos in (("verbs", "verb"), ("nouns", "noun"), ("adjs", "adj")):
        words = entry.get(key, [])
        if not isinstance(words, list):
            raise fail(f"'{key}' must be a list")
        for word in words:
            lemma, _, particle = str(word).lower().partition(" ")
            found.append(replace(base, lemma=lemma, particle=particle or None, pos=_POS[pos]))
    if not found:
        raise fail("needs at least one of verbs, nouns, adjs")
    return found


def _tone(raw: object, ontology: Ontology, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not isinstance(raw, dict):
        raise DataFileError(where, None, "'tone' must map codes to word lists")
    found = []
    for code, words in raw.items():
        if code == "__line__":
            continue
        _check_code(str(code), ontology, where, line_of(raw))
        if not isinstance(words, list):
            raise DataFileError(where, line_of(raw), f"tone '{code}' must be a list of words")
        found.append((str(code), frozenset(str(w).lower() for w in words)))
    return tuple(found)


def _check_code(code: str, ontology: Ontology, where: str, line: int | None) -> None:
    if code not in ontology:
        raise DataFileError(where, line, f"unknown CAMEO code '{code}'")
