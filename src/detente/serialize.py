"""The events JSONL schema: one function turns an Event into the record every output shares.

The README documents each field; `../shared/eval/score.py` reads this format.
"""

from __future__ import annotations

from typing import Any

from detente.model import Event, Mention, Place, Quote, TextSpan


def event_record(event: Event) -> dict[str, Any]:
    """The JSON-ready record of one event."""
    cameo = event.cameo
    return {
        "article_id": event.article_id,
        "event_id": event.event_id,
        "code": cameo.code,
        "root_code": cameo.root,
        "code_name": cameo.name,
        "goldstein": cameo.goldstein,
        "quad_class": cameo.quad_class,
        "plover_type": cameo.plover_type,
        "plover_mode": cameo.plover_mode,
        "source": actor_record(event.source),
        "target": actor_record(event.target),
        "evidence": span_record(event.evidence),
        "trigger": span_record(event.trigger),
        "date": event.date.value,
        "date_precision": event.date.precision,
        "date_method": event.date.method,
        "location": place_record(event.location),
        "modality": event.modality.value,
        "confidence": round(event.confidence, 3),
        "provenance": {"coder": event.provenance.coder, "rule": event.provenance.rule},
        "quote": event.quote,
    }


def quote_record(article_id: str, quote: Quote) -> dict[str, Any]:
    """The JSON-ready record of one quotation."""
    return {
        "article_id": article_id,
        "quote_id": quote.quote_id,
        "span": span_record(quote.span),
        "speaker": actor_record(quote.speaker),
        "verb": quote.verb,
        "rule": quote.rule,
    }


def actor_record(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    actor = mention.actor
    return {
        "name": actor.name,
        "country": actor.country,
        "igo": actor.igo,
        "sector": actor.sector,
        "code": actor.code,
        "person": actor.person,
        "role": actor.role,
        "text": mention.text,
        "span": {"start": mention.start, "end": mention.end},
        "rule": mention.rule,
    }


def span_record(span: TextSpan) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def place_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "method": place.method,
    }
