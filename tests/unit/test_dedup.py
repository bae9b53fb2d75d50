"""Deduplication: reports of one event from many articles become one event record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from detente.model import Article, Document
from detente.pipeline import Pipeline
from detente.store import Store
from detente.store._dedup import Mention, cluster, span

Parse = Callable[..., Document]


def mention(
    article: str,
    date: str | None = "2026-02-09",
    *,
    code: str = "195",
    target: str | None = "UKR",
    place: tuple[str | None, str | None, str | None] = (None, None, None),
    evidence: str = "Russian forces shelled Kharkiv.",
) -> Mention:
    country, name, feature = place
    return Mention(
        article, "e1", code[:2], code, "RUS", target, date, country, name, feature, evidence
    )


def records(mentions: list[Mention], window: int = 1) -> list[list[str]]:
    return sorted(sorted(m.article_id for m in c.members) for c in cluster(mentions, window))


def test_a_date_covers_its_day_month_or_year() -> None:
    assert span("2026-02-09") == (dt.date(2026, 2, 9).toordinal(),) * 2
    assert span("2026-02") == (dt.date(2026, 2, 1).toordinal(), dt.date(2026, 2, 28).toordinal())
    assert span("2026") == (dt.date(2026, 1, 1).toordinal(), dt.date(2026, 12, 31).toordinal())
    assert span(None) is None and span("someday") is None


def test_reports_of_one_event_from_three_articles_are_one_record() -> None:
    found = records([mention("a"), mention("b", "2026-02-10"), mention("c", "2026-02-08")])
    assert found == [["a", "b", "c"]]


def test_dates_further_apart_than_the_window_are_two_events() -> None:
    # one day either side of the event's: reports may span two days, not three
    assert records([mention("a"), mention("b", "2026-02-11")]) == [["a", "b"]]
    assert records([mention("a"), mention("b", "2026-02-12")]) == [["a"], ["b"]]
    assert records([mention("a"), mention("b", "2026-02-13")], window=2) == [["a", "b"]]


def test_daily_events_do_not_chain_into_one() -> None:
    days = [mention(str(n), f"2026-02-{n:02d}") for n in range(1, 8)]
    assert len(records(days)) >= 3


def test_another_family_dyad_or_place_is_another_event() -> None:
    assert len(records([mention("a"), mention("b", code="111")])) == 2
    assert len(records([mention("a"), mention("b", target="POL")])) == 2
    kharkiv, odesa = ("UKR", "Kharkiv", "city"), ("UKR", "Odesa", "city")
    assert len(records([mention("a", place=kharkiv), mention("b", place=odesa)])) == 2
    # an unknown place can be any place, but once a report names one, others must agree
    assert len(records([mention("a", place=kharkiv), mention("b")])) == 1
    unplaced_first = [mention("a"), mention("b", place=kharkiv), mention("c", place=odesa)]
    assert records(unplaced_first) == [["a", "b"], ["c"]]


def test_an_articles_own_reports_stay_apart() -> None:
    # the repeats stage decides within an article; two left apart there are two events
    assert len(records([mention("a"), mention("a")])) == 2


def test_other_codes_of_one_family_need_like_evidence() -> None:
    same = mention("b", code="190", evidence="Russian forces shelled Kharkiv overnight.")
    other = mention("c", code="190", evidence="Troops fought near the border with Poland.")
    assert records([mention("a"), same, other]) == [["a", "b"], ["c"]]


def test_a_month_date_meets_a_day_in_it() -> None:
    assert records([mention("a", "2026-02"), mention("b", "2026-02-20")]) == [["a", "b"]]


# -- in the store -------------------------------------------------------------------------------

REPORTS = {
    "reuters": "Russian troops shelled Ukrainian positions near Kharkiv on Monday.",
    "ap": "Russia's army shelled Ukrainian troops near Kharkiv on Monday night, the Ukrainian "
    "military said.",
    "bbc": "Russian forces shelled Kharkiv on Monday.",
    "odesa": "Russian troops shelled Ukrainian positions near Odesa on Monday.",
}


@pytest.fixture(scope="module")
def documents(pipeline: Pipeline) -> dict[str, Document]:
    articles = [
        Article(name, text, dt.date(2026, 2, 10), source=name) for name, text in REPORTS.items()
    ]
    return {doc.article.id: doc for doc in pipeline.run(articles)}


def test_three_articles_reporting_one_event_make_one_record(
    documents: dict[str, Document],
) -> None:
    with Store.open(":memory:") as store:
        run = store.begin_run(command="test", settings={})
        for doc in documents.values():
            store.save(doc, run_id=run, coder_version="test")
        found = store.records(code="19").df()
    assert sorted(found["n_articles"]) == [1, 3]
    kharkiv = found[found["n_articles"] == 3].iloc[0]
    assert (kharkiv["n_mentions"], kharkiv["n_sources"]) == (3, 3)
    assert kharkiv["source_key"] == "RUS" and kharkiv["target_key"] == "UKR"
    odesa = found[found["n_articles"] == 1].iloc[0]
    assert odesa["location_name"] == "Odesa"  # the same day, but another place: another event


def test_records_follow_an_article_that_changes(documents: dict[str, Document]) -> None:
    with Store.open(":memory:") as store:
        run = store.begin_run(command="test", settings={})
        for doc in documents.values():
            store.save(doc, run_id=run, coder_version="test")
        assert store.stats().records == 2
        # BBC's story is re-coded with no events: the record keeps the other two reports
        store.save(Document(documents["bbc"].article), run_id=run, coder_version="test2")
        found = store.records(code="19").df()
        assert sorted(found["n_articles"]) == [1, 2]
        # and a full re-clustering agrees with the incremental one
        assert store.dedup() == 2
        assert sorted(store.records(code="19").df()["n_articles"]) == [1, 2]


def test_a_record_is_dated_by_its_most_precise_report(documents: dict[str, Document]) -> None:
    from detente.model import EventDate

    with Store.open(":memory:") as store:
        run = store.begin_run(command="test", settings={})
        docs = list(documents.values())
        # the first report says only "this year"
        year = docs[0].events[0]
        vague = Document(
            docs[0].article,
            events=(
                year.__class__(
                    **{
                        **{f: getattr(year, f) for f in year.__dataclass_fields__},
                        "date": EventDate("2026", "year", "relative"),
                    }
                ),
            ),
        )
        store.save_many([vague, *docs[1:]], run_id=run, coder_version="test")
        found = store.records(code="19", start=dt.date(2026, 2, 9), end=dt.date(2026, 2, 9)).df()
    assert sorted(found["n_articles"]) == [1, 3]
    assert set(found["date"]) == {"2026-02-09"}


def test_organisations_with_three_letters_are_not_countries() -> None:
    from detente.store._query import actor_key

    assert actor_key("irn") == "IRN"
    assert actor_key("WHO") == "IGO:WHO"
    assert actor_key("IGO:imf") == "IGO:IMF"
    assert actor_key("nato") == "IGO:NATO"


def test_a_record_takes_its_place_from_a_report_that_has_one(
    documents: dict[str, Document],
) -> None:
    from dataclasses import replace

    with Store.open(":memory:") as store:
        run = store.begin_run(command="test", settings={})
        docs = [
            Document(d.article, events=tuple(replace(e, location=None) for e in d.events))
            if d.article.id in ("reuters", "ap")
            else d
            for d in documents.values()
        ]
        store.save_many(docs, run_id=run, coder_version="test")
        found = store.records(code="19").df()
    kharkiv = found[found["n_articles"] == 3].iloc[0]
    assert kharkiv["location_name"] == "Kharkiv"
