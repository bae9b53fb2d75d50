"""The evaluator's matching rules, on gold and predictions written here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.evaluate import GoldArticle, evaluate, load_gold, matches
from detente.ingest import InputWarning

TEXT = "Iran and the US held talks in Muscat. Israel struck Gaza. The UN urged calm."


def gold(*events: dict[str, Any]) -> GoldArticle:
    return GoldArticle("a", TEXT, None, tuple(events))


def actor(key: str | None) -> dict | None:
    if key is None:
        return None
    if key.startswith("IGO:") and key != "IGO:*":
        return {"country": None, "igo": key[4:], "sector": "GOV"}
    return {"country": key, "sector": "GOV"}


def ev(anchor: str, source: str | None, code: str, target: str | None, **more: Any) -> dict:
    return {
        "anchor": anchor,
        "source": actor(source),
        "code": code,
        "target": actor(target),
        **more,
    }


def pred(start: int, end: int, source: str | None, code: str, target: str | None) -> dict:
    return {
        "article_id": "a",
        "code": code,
        "source": actor(source),
        "target": actor(target),
        "evidence": {"start": start, "end": end},
    }


S1 = (0, TEXT.index(" Israel"))
S2 = (TEXT.index("Israel"), TEXT.index(" The UN"))
S3 = (TEXT.index("The UN"), len(TEXT))


def test_root_alternatives_and_direction() -> None:
    g = ev("held talks", "IRN", "046", "USA", alt_codes=["043"])
    spans = [(TEXT.index("held talks"), TEXT.index("held talks") + 10)]
    assert matches(g, pred(*S1, "IRN", "040", "USA"), spans)  # same root 04
    assert not matches(g, pred(*S1, "IRN", "111", "USA"), spans)
    assert matches(g, pred(*S1, "IRN", "111", "USA"), spans, dyad_only=True)
    assert not matches(g, pred(*S1, "USA", "040", "IRN"), spans)  # not symmetric
    assert matches({**g, "symmetric": True}, pred(*S1, "USA", "040", "IRN"), spans)
    assert not matches(g, pred(*S2, "IRN", "040", "USA"), spans)  # another sentence


def test_null_target_alternatives_and_any_organisation() -> None:
    spans = [S3]
    assert matches(ev("", "ISR", "190", None), pred(*S2, "ISR", "195", "PSE"), [(0, len(TEXT))])
    assert matches(ev("", "CHN|HKG", "111", None), pred(*S3, "HKG", "112", None), spans)
    igo = ev("", "IGO:*", "020", None)
    assert matches(igo, pred(*S3, "IGO:UN", "020", None), spans)
    assert not matches(igo, pred(*S3, "FRA", "020", None), spans)


def test_counts_like_the_referee() -> None:
    golds = [
        gold(
            ev("held talks", "IRN", "046", "USA", symmetric=True),
            ev("struck Gaza", "ISR", "190", "PSE"),
            ev("urged calm", "IGO:UN", "020", None, required=False),
        )
    ]
    predicted = {
        "a": [
            pred(*S1, "USA", "046", "IRN"),  # symmetric: right
            pred(*S2, "ISR", "111", "PSE"),  # wrong root: spurious, and the strike missed
            pred(*S3, "IGO:UN", "020", None),  # optional: neither way
        ]
    }
    result = evaluate(golds, predicted)
    s = result.summary()
    assert (s["true_positive"], s["false_positive"], s["false_negative"]) == (1, 1, 1)
    assert s["optional_matched"] == 1 and s["predicted"] == 3
    assert s["precision"] == 0.5 and s["recall"] == 0.5
    assert result.roots["19"].missed == 1 and result.roots["11"].spurious == 1
    # paired by who-to-whom, the strike was coded 11
    assert result.confusion[("19", "11")] == 1
    assert [m.event["code"] for m in result.missed] == ["190"]
    assert result.missed[0].sentence == "struck Gaza"  # no document: the anchor itself


def test_bad_gold_records_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(TEXT, encoding="utf-8")
    good = {"id": "a", "published": "2026-02-06", "events": [ev("held talks", "IRN", "046", "USA")]}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"id": "b", "events": []}),  # no text
        json.dumps({"id": "c", "published": "yesterday", "events": []}),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (texts / "c.txt").write_text(TEXT, encoding="utf-8")
    items = list(load_gold([path], texts))
    assert [(i.id, i.published) for i in items if isinstance(i, GoldArticle)] == [
        ("a", dt.date(2026, 2, 6)),
        ("c", None),  # coded undated, as the referee scores it all the same
    ]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(errors) == 2
    assert "gold.jsonl:2" in errors[0] and "not JSON" in errors[0]
    assert "gold.jsonl:3" in errors[1] and "no text for 'b'" in errors[1]
    warnings = [str(i) for i in items if isinstance(i, InputWarning)]
    assert len(warnings) == 1 and "gold.jsonl:4" in warnings[0] and "ISO date" in warnings[0]
