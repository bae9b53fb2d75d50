"""Evaluation against hand-coded gold: the referee's numbers, and where they come from.

Gold files are JSON lines, one article each (`../shared/eval` format): `id`, `published` and
`events`, each event with an `anchor` (a stretch of the article's text, or "" for the whole
text), `source`, `target`, `code`, `alt_codes`, `symmetric`, `required`, optional `date` and
`location`. The article's text is `TEXTS/<id>.txt`, read as the referee reads it.

Matching follows the guidelines' referee rule for rule, so the totals agree with
`score.py`: a prediction matches a gold event when its evidence overlaps an occurrence of the
anchor, its source and target countries (or organisations) agree (either way round for a
symmetric event; any target where the gold target is null; "A|B" alternatives; IGO:* for any
organisation), and its CAMEO root is the gold code's or an alternative's (not checked with
`dyad_only`). Required gold events are matched first, each to the first unused prediction;
optional gold events that are predicted count neither way.

On top of the referee's totals: precision and recall per CAMEO root, a confusion table of roots
(gold events paired with predictions by who-to-whom alone), and every missed and spurious
event with its sentence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.ingest import InputWarning
from detente.model import Article, Document, Modality
from detente.pipeline import Pipeline
from detente.serialize import event_record

NONE = "-"
"""The confusion table's row or column for "no event"."""


@dataclass(frozen=True)
class GoldArticle:
    """One gold record and the text its anchors point into."""

    id: str
    text: str
    published: dt.date | None
    events: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Miss:
    """A required gold event no prediction matched."""

    article_id: str
    event: dict[str, Any]
    sentence: str


@dataclass(frozen=True)
class Extra:
    """A prediction that matched no gold event."""

    article_id: str
    record: dict[str, Any]
    sentence: str


@dataclass
class RootCounts:
    """Per CAMEO root: gold events found and missed, predictions right and spurious."""

    found: int = 0
    missed: int = 0
    right: int = 0
    spurious: int = 0

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.found + self.missed)

    @property
    def precision(self) -> float | None:
        return _ratio(self.right, self.right + self.spurious)


@dataclass
class Evaluation:
    """What a run of the coder scores against gold."""

    articles: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    optional_matched: int = 0
    full_code: int = 0
    sector: int = 0
    dated: int = 0
    date_ok: int = 0
    located: int = 0
    location_ok: int = 0
    dyad_only: bool = False
    roots: dict[str, RootCounts] = field(default_factory=lambda: defaultdict(RootCounts))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    missed: list[Miss] = field(default_factory=list)
    spurious: list[Extra] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _ratio(self.true_positive, self.true_positive + self.false_positive) or 0.0

    @property
    def recall(self) -> float:
        return _ratio(self.true_positive, self.true_positive + self.false_negative) or 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        """The referee's summary, key for key and rounded as `score.py` rounds."""
        tp = self.true_positive
        return {
            "articles": self.articles,
            "gold_required": tp + self.false_negative,
            "predicted": tp + self.false_positive + self.optional_matched,
            "true_positive": tp,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "optional_matched": self.optional_matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "full_code_agreement": _rounded(self.full_code, tp),
            "sector_agreement": _rounded(self.sector, tp),
            "date_accuracy": _rounded(self.date_ok, self.dated),
            "location_accuracy": _rounded(self.location_ok, self.located),
        }

    def as_dict(self) -> dict[str, Any]:
        """Everything, JSON-ready."""
        return {
            **self.summary(),
            "dyad_only": self.dyad_only,
            "by_root": {
                root: {
                    "found": c.found,
                    "missed": c.missed,
                    "recall": _round(c.recall),
                    "right": c.right,
                    "spurious": c.spurious,
                    "precision": _round(c.precision),
                }
                for root, c in sorted(self.roots.items())
            },
            "confusion": [
                {"gold": gold, "predicted": predicted, "count": n}
                for (gold, predicted), n in sorted(self.confusion.items())
            ],
            "missed": [
                {
                    "article_id": m.article_id,
                    "source": actor_key(m.event.get("source")),
                    "code": m.event.get("code"),
                    "target": actor_key(m.event.get("target")),
                    "anchor": m.event.get("anchor"),
                    "sentence": m.sentence,
                }
                for m in self.missed
            ],
            "spurious": [
                {
                    "article_id": e.article_id,
                    "source": actor_key(e.record.get("source")),
                    "code": e.record.get("code"),
                    "target": actor_key(e.record.get("target")),
                    "rule": (e.record.get("provenance") or {}).get("rule"),
                    "sentence": e.sentence,
                }
                for e in self.spurious
            ],
        }


# -- reading gold -------------------------------------------------------------------------------
def load_gold(
    paths: Sequence[Path], texts: Path
) -> Iterator[GoldArticle | InputError | InputWarning]:
    """Gold articles with their texts; a record that cannot be read is yielded as an error
    (and the rest still read); a date that cannot be read, as a warning before its article
    (coded with no publication date, as the referee scores it all the same)."""
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror}")
            continue
        except UnicodeDecodeError:
            yield InputError(str(path), "not UTF-8 text")
            continue
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield from _gold_record(f"{path}:{number}", line, texts)


def _gold_record(
    origin: str, line: str, texts: Path
) -> Iterator[GoldArticle | InputError | InputWarning]:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"not JSON ({exc.msg})")
        return
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        yield InputError(origin, "a gold record needs an 'id'")
        return
    events = raw.get("events")
    if not isinstance(events, list) or not all(
        isinstance(e, dict) and isinstance(e.get("anchor", ""), str) and "code" in e for e in events
    ):
        yield InputError(origin, "'events' must be a list of events, each with a 'code'")
        return
    path = texts / f"{raw['id']}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        yield InputError(origin, f"no text for '{raw['id']}': {path}: {exc.strerror}")
        return
    except UnicodeDecodeError:
        yield InputError(origin, f"{path}: not UTF-8 text")
        return
    published: dt.date | None = None
    if raw.get("published"):
        try:
            published = dt.date.fromisoformat(str(raw["published"]))
        except ValueError:
            yield InputWarning(
                origin, f"'published' is not an ISO date: {raw['published']!r}; coded undated"
            )
    yield GoldArticle(raw["id"], text, published, tuple(events))


# -- coding -------------------------------------------------------------------------------------
def code_gold(
    golds: Sequence[GoldArticle], pipeline: Pipeline, *, all_modalities: bool = False
) -> dict[str, Document]:
    """The gold articles coded by the pipeline, by article id."""
    articles = (Article(id=g.id, text=g.text, published=g.published, origin=g.id) for g in golds)
    docs = {doc.article.id: doc for doc in pipeline.run(articles)}
    if all_modalities:
        return docs
    return {
        k: d.evolve(events=tuple(e for e in d.events if e.modality is Modality.ASSERTED))
        for k, d in docs.items()
    }


# -- matching (the referee's rules) -------------------------------------------------------------
def actor_key(actor: Mapping[str, Any] | None) -> str | None:
    """An actor as the referee compares it: ISO3, or IGO:NAME."""
    if not actor:
        return None
    country = actor.get("country")
    if country:
        return str(country).upper()
    igo = actor.get("igo")
    return "IGO:" + str(igo).upper() if igo else None


def _root(code: object) -> str:
    return str(code or "")[:2]


def anchor_spans(text: str, anchor: str) -> list[tuple[int, int]]:
    """Every occurrence of the anchor (the whole text for an empty one)."""
    if not anchor:
        return [(0, len(text))]
    spans, i = [], text.find(anchor)
    while i >= 0:
        spans.append((i, i + len(anchor)))
        i = text.find(anchor, i + 1)
    return spans


def _same(gold_key: str | None, pred_key: str | None) -> bool:
    if gold_key is None or pred_key is None:
        return gold_key == pred_key
    return any(
        option == pred_key or (option == "IGO:*" and pred_key.startswith("IGO:"))
        for option in gold_key.split("|")
    )


def matches(
    gold: Mapping[str, Any],
    record: Mapping[str, Any],
    spans: Sequence[tuple[int, int]],
    *,
    dyad_only: bool = False,
) -> bool:
    """Whether a predicted event record matches a gold event."""
    evidence = record.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    if start is None or end is None or not any(start < b and a < end for a, b in spans):
        return False
    if not dyad_only and _root(record.get("code")) not in {
        _root(c) for c in [gold["code"], *gold.get("alt_codes", [])]
    }:
        return False
    gs, gt = actor_key(gold.get("source")), actor_key(gold.get("target"))
    ps, pt = actor_key(record.get("source")), actor_key(record.get("target"))
    if _same(gs, ps) and (gt is None or _same(gt, pt)):
        return True
    return bool(gold.get("symmetric")) and gt is not None and _same(gs, pt) and _same(gt, ps)


def _pair(
    gold: GoldArticle, records: Sequence[dict[str, Any]], *, dyad_only: bool
) -> tuple[list[tuple[dict[str, Any], int | None]], set[int]]:
    """Each gold event (required first) with the prediction it takes, and the used ones."""
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], int | None]] = []
    for event in sorted(gold.events, key=lambda e: not e.get("required", True)):
        spans = anchor_spans(gold.text, event.get("anchor", ""))
        hit = next(
            (
                i
                for i, r in enumerate(records)
                if i not in used and matches(event, r, spans, dyad_only=dyad_only)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        pairs.append((event, hit))
    return pairs, used


def evaluate(
    golds: Sequence[GoldArticle],
    predicted: Mapping[str, Sequence[dict[str, Any]]],
    *,
    dyad_only: bool = False,
    sentences: Mapping[str, Document] | None = None,
) -> Evaluation:
    """Scores predicted event records (the events JSONL schema) against gold."""
    result = Evaluation(articles=len(golds), dyad_only=dyad_only)
    for gold in golds:
        records = list(predicted.get(gold.id, ()))
        doc = (sentences or {}).get(gold.id)
        pairs, used = _pair(gold, records, dyad_only=dyad_only)
        for event, hit in pairs:
            required = event.get("required", True)
            if hit is None:
                if required:
                    result.false_negative += 1
                    result.roots[_root(event["code"])].missed += 1
                    where = anchor_spans(gold.text, event.get("anchor", ""))[:1]
                    result.missed.append(Miss(gold.id, event, _sentence(gold, doc, where)))
                continue
            if not required:
                result.optional_matched += 1
                continue
            record = records[hit]
            _count_match(result, event, record)
        for i, record in enumerate(records):
            if i not in used:
                result.false_positive += 1
                result.roots[_root(record.get("code"))].spurious += 1
                evidence = record.get("evidence") or {}
                where = [(evidence.get("start", 0), evidence.get("end", 0))]
                result.spurious.append(Extra(gold.id, record, _sentence(gold, doc, where)))
        _confuse(result, gold, records)
    return result


def _count_match(result: Evaluation, event: dict[str, Any], record: dict[str, Any]) -> None:
    result.true_positive += 1
    result.roots[_root(event["code"])].found += 1
    result.roots[_root(record.get("code"))].right += 1
    result.full_code += str(record.get("code")) in [event["code"], *event.get("alt_codes", [])]
    result.sector += all(
        (event.get(k) or {}).get("sector") in (None, (record.get(k) or {}).get("sector"))
        for k in ("source", "target")
    )
    if event.get("date"):
        result.dated += 1
        result.date_ok += str(record.get("date") or "").startswith(event["date"])
    location = event.get("location") or {}
    if location.get("country"):
        result.located += 1
        result.location_ok += (record.get("location") or {}).get("country") == location["country"]


def _confuse(result: Evaluation, gold: GoldArticle, records: Sequence[dict[str, Any]]) -> None:
    """Gold roots against predicted roots, pairing by who-to-whom alone (required events)."""
    pairs, used = _pair(gold, records, dyad_only=True)
    for event, hit in pairs:
        if event.get("required", True):
            predicted = NONE if hit is None else _root(records[hit].get("code"))
            result.confusion[(_root(event["code"]), predicted)] += 1
    for i, record in enumerate(records):
        if i not in used:
            result.confusion[(NONE, _root(record.get("code")))] += 1


def _sentence(gold: GoldArticle, doc: Document | None, where: Sequence[tuple[int, int]]) -> str:
    """The sentence (by our segmentation) around the first of `where`; the anchor alone when
    it cannot be placed."""
    if not where:
        return ""
    start, end = where[0]
    if doc is not None:
        for sentence in doc.sentences:
            if sentence.start <= start < sentence.end:
                return sentence.text
    return gold.text[start:end]


def records_of(docs: Mapping[str, Document]) -> dict[str, list[dict[str, Any]]]:
    """The event records of coded documents, by article id."""
    return {k: [event_record(e) for e in d.events] for k, d in docs.items()}


def read_records(lines: Iterable[str], origin: str) -> dict[str, list[dict[str, Any]]]:
    """Predictions from an events JSONL, by article id."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{origin}:{number}", f"not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{origin}:{number}", "an event record must be an object")
        found[str(record.get("article_id"))].append(record)
    return found


# -- report -------------------------------------------------------------------------------------
def report(result: Evaluation, names: Mapping[str, str] | None = None) -> str:
    """The evaluation as text for a person."""
    s = result.summary()
    lines = [
        f"{s['articles']} articles, {s['gold_required']} required gold events, "
        f"{s['predicted']} predicted"
        + (" (who-to-whom only: codes not compared)" * result.dyad_only),
        f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"(true positives {s['true_positive']}, false positives {s['false_positive']}, "
        f"false negatives {s['false_negative']}, optional matched {s['optional_matched']})",
        "of the events matched: "
        + ", ".join(
            f"{label} {_show(s[key])}"
            for label, key in (
                ("full-code agreement", "full_code_agreement"),
                ("sector agreement", "sector_agreement"),
                ("date accuracy", "date_accuracy"),
                ("location accuracy", "location_accuracy"),
            )
        ),
        "",
        "by CAMEO root (recall over gold events of the root, precision over predictions of it)",
        f"{'root':<5} {'name':<34} {'found':>5} {'missed':>6} {'recall':>6}  "
        f"{'right':>5} {'spurious':>8} {'precision':>9}",
    ]
    for root, c in sorted(result.roots.items()):
        name = (names or {}).get(root, "")
        lines.append(
            f"{root:<5} {name[:34]:<34} {c.found:>5} {c.missed:>6} {_show(c.recall):>6}  "
            f"{c.right:>5} {c.spurious:>8} {_show(c.precision):>9}"
        )
    lines += ["", *_confusion_table(result.confusion)]
    lines += ["", f"missed ({len(result.missed)})"]
    for m in result.missed:
        e = m.event
        lines.append(
            f"  {m.article_id}  {actor_key(e.get('source'))} {e.get('code')} "
            f"{actor_key(e.get('target'))}  «{e.get('anchor', '')}»"
        )
        lines.append(f"      {_flat(m.sentence)}")
    lines += ["", f"spurious ({len(result.spurious)})"]
    for x in result.spurious:
        r = x.record
        rule = (r.get("provenance") or {}).get("rule")
        lines.append(
            f"  {x.article_id}  {actor_key(r.get('source'))} {r.get('code')} "
            f"{actor_key(r.get('target'))}  [{(r.get('trigger') or {}).get('text')}] {rule}"
        )
        lines.append(f"      {_flat(x.sentence)}")
    return "\n".join(lines) + "\n"


def _confusion_table(confusion: Counter[tuple[str, str]]) -> list[str]:
    roots = [*sorted({r for pair in confusion for r in pair} - {NONE}), NONE]
    width = 4
    out = [
        "confusion of roots (rows: gold, columns: predicted; paired by who-to-whom; "
        f"'{NONE}': none)",
        "gold" + "".join(f"{r:>{width}}" for r in roots),
    ]
    for gold in roots:
        cells = [confusion.get((gold, p), 0) for p in roots]
        if any(cells):
            out.append(f"{gold:<4}" + "".join(f"{c or '.':>{width}}" for c in cells))
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _rounded(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _show(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
