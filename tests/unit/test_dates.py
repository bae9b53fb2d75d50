"""Date expressions found in a sentence and resolved against publication; event dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from detente.context.dates import find_dates
from detente.model import Document, Sentence

Parse = Callable[..., Document]

FRIDAY = dt.date(2026, 2, 6)
MONDAY = dt.date(2026, 2, 9)


def sentence_of(text: str, start: int = 0) -> Sentence:
    """The sentence of `text` from `start` to the end (token indices are not used here)."""
    return Sentence(index=0, start=start, end=len(text), text=text[start:], first=0, stop=0)


def dates(text: str, published: dt.date | None) -> list[tuple[str, str, str, str]]:
    """(span text, value, precision, method) of each date in `text` read as one sentence."""
    return [
        (d.span.text, d.value, d.precision, d.method)
        for d in find_dates(text, sentence_of(text), published)
    ]


def test_the_calendar_is_what_the_tests_assume() -> None:
    assert FRIDAY.strftime("%A") == "Friday"
    assert MONDAY.strftime("%A") == "Monday"


def test_a_weekday_published_on_that_day_is_the_day_itself() -> None:
    assert dates("They met on Friday.", FRIDAY) == [("on Friday", "2026-02-06", "day", "relative")]


def test_a_weekday_published_later_is_the_one_before() -> None:
    assert dates("They met on Friday.", MONDAY) == [("on Friday", "2026-02-06", "day", "relative")]


def test_last_and_next_weekday_on_the_day_itself_move_a_week() -> None:
    assert dates("They met last Friday.", FRIDAY)[0][1] == "2026-01-30"
    assert dates("They meet next Friday.", FRIDAY)[0][1] == "2026-02-13"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("They met on Jan. 21 in Baku.", "Jan. 21"),
        ("They met on 21 January in Baku.", "21 January"),
        ("They met on January 21 in Baku.", "January 21"),
    ],
)
def test_a_month_and_day_take_the_year_of_publication(text: str, span: str) -> None:
    assert dates(text, FRIDAY) == [(span, "2026-01-21", "day", "relative")]


def test_a_full_date_is_explicit() -> None:
    assert dates("They met on January 21, 2020, in Baku.", FRIDAY) == [
        ("January 21, 2020", "2020-01-21", "day", "explicit")
    ]


def test_an_iso_date_is_explicit() -> None:
    assert dates("They met on 2020-01-05.", FRIDAY) == [
        ("2020-01-05", "2020-01-05", "day", "explicit")
    ]


def test_an_impossible_iso_date_is_left_out() -> None:
    assert dates("They met on 2020-02-30.", FRIDAY) == []


def test_a_month_day_more_than_a_week_ahead_is_last_year() -> None:
    assert dates("They met on Dec. 30.", FRIDAY)[0][1] == "2025-12-30"
    assert dates("They met on Feb. 20.", FRIDAY)[0][1] == "2025-02-20"


def test_a_month_day_a_few_days_ahead_is_an_announced_date_this_year() -> None:
    assert dates("They will meet on Feb. 10.", FRIDAY)[0][1] == "2026-02-10"


def test_last_year_has_year_precision() -> None:
    assert dates("Trade grew last year.", FRIDAY) == [("last year", "2025", "year", "relative")]


def test_yesterday() -> None:
    assert dates("They met yesterday.", FRIDAY) == [("yesterday", "2026-02-05", "day", "relative")]


def test_last_week_is_the_monday_of_the_week_before() -> None:
    assert dates("They met last week.", FRIDAY) == [("last week", "2026-01-26", "week", "relative")]
    assert dt.date(2026, 1, 26).weekday() == 0


def test_last_month_and_earlier_this_month() -> None:
    assert dates("They met last month.", FRIDAY) == [("last month", "2026-01", "month", "relative")]
    assert dates("They met earlier this month.", FRIDAY) == [
        ("earlier this month", "2026-02", "month", "relative")
    ]


def test_last_month_in_january_is_december_of_the_year_before() -> None:
    assert dates("They met last month.", dt.date(2026, 1, 15))[0][1] == "2025-12"


def test_in_a_year_is_explicit() -> None:
    assert dates("The deal was signed in 2015.", FRIDAY) == [
        ("in 2015", "2015", "year", "explicit")
    ]


def test_in_a_month_is_this_year_when_before_publication_else_last_year() -> None:
    assert dates("They met in May.", dt.date(2026, 6, 10)) == [
        ("in May", "2026-05", "month", "relative")
    ]
    assert dates("They met in May.", FRIDAY) == [("in May", "2025-05", "month", "relative")]


@pytest.mark.parametrize(
    "text",
    [
        "They met on Friday.",
        "They met yesterday.",
        "They met last week.",
        "Trade grew last year.",
        "They met in May.",
        "They met on Jan. 21.",
    ],
)
def test_without_a_publication_date_relative_expressions_are_left_out(text: str) -> None:
    assert dates(text, None) == []


def test_without_a_publication_date_explicit_dates_stay() -> None:
    assert dates("They met on January 21, 2020, and in 2015.", None) == [
        ("January 21, 2020", "2020-01-21", "day", "explicit"),
        ("in 2015", "2015", "year", "explicit"),
    ]


def test_spans_are_in_article_coordinates() -> None:
    text = "Talks stalled. They met on Jan. 21 in Baku."
    (found,) = find_dates(text, sentence_of(text, start=15), FRIDAY)
    assert (found.value, found.precision, found.method) == ("2026-01-21", "day", "relative")
    span = found.span
    assert (span.start, span.end) == (27, 34)
    assert text[span.start : span.end] == span.text == "Jan. 21"


def test_dates_come_in_text_order_and_do_not_overlap() -> None:
    found = dates("On Friday, officials recalled the talks of January 21, 2020.", FRIDAY)
    assert [f[0] for f in found] == ["On Friday", "January 21, 2020"]


# -- the EventDates stage, through the pipeline ---------------------------------------------


def test_an_event_takes_the_date_of_its_own_clause(parse: Parse) -> None:
    doc = parse("Iran and the US started talks in Muscat on Jan. 21.")
    (event,) = doc.events
    assert event.trigger.text == "talks"
    assert (event.date.value, event.date.precision, event.date.method) == (
        "2026-01-21",
        "day",
        "relative",
    )
    assert event.date.span is not None
    assert event.date.span.text == "Jan. 21"


def test_an_event_with_a_full_date_is_explicit(parse: Parse) -> None:
    doc = parse("Iranian officials met Azerbaijani President Ilham Aliyev on January 21, 2020.")
    (event,) = doc.events
    assert (event.date.value, event.date.method) == ("2020-01-21", "explicit")


def test_an_event_without_a_date_takes_the_publication_date_and_says_so(parse: Parse) -> None:
    doc = parse("The Kremlin criticised the US.")
    (event,) = doc.events
    assert (event.date.value, event.date.precision) == ("2026-02-06", "day")
    assert event.date.method == "publication"
    assert event.date.span is None


def test_an_event_without_a_date_takes_the_story_time_and_says_so(parse: Parse) -> None:
    doc = parse(
        "Iran and the US started talks in Muscat on Jan. 21. The Kremlin criticised the US."
    )
    dated = {e.trigger.text: e.date for e in doc.events}
    assert dated["talks"].value == "2026-01-21"
    assert (dated["criticised"].value, dated["criticised"].method) == ("2026-01-21", "narrative")
    assert dated["criticised"].span is not None
    assert dated["criticised"].span.text == "Jan. 21"


def test_the_story_time_does_not_carry_far(parse: Parse) -> None:
    filler = " ".join(f"The weather was mild on day {n}." for n in range(9))
    doc = parse(
        f"Iran and the US started talks in Muscat on Jan. 21. {filler} Russia criticised the US."
    )
    dated = {e.trigger.text: e.date for e in doc.events}
    assert dated["criticised"].method == "publication"


def test_the_following_day_counts_from_the_story_time(parse: Parse) -> None:
    doc = parse(
        "Iran and the US started talks in Muscat on Jan. 21. The following day, Russia "
        "criticised the US and China praised Iran."
    )
    dated = {e.trigger.text: e.date for e in doc.events}
    assert (dated["criticised"].value, dated["criticised"].method) == ("2026-01-22", "anaphoric")
    assert dated["praised"].value == "2026-01-22"  # from the sentence's start, not each other


def test_days_later_and_earlier() -> None:
    text = "Two days later, talks resumed; a week earlier they had stalled."
    assert [(d[0], d[1], d[3]) for d in dates(text, FRIDAY)] == [
        ("Two days later", "+2", "anaphoric"),
        ("a week earlier", "-7", "anaphoric"),
    ]


def test_the_day_before_an_event_is_not_anaphoric() -> None:
    assert dates("The court ruled two days before the rally.", FRIDAY) == []


def test_without_a_story_time_the_following_day_is_unknown(parse: Parse) -> None:
    doc = parse("The following day, Russia criticised the US.")
    (event,) = doc.events
    assert event.date.method == "publication"


def test_an_event_without_any_date_has_none(parse: Parse) -> None:
    doc = parse("The Kremlin criticised the Pentagon on Friday.", published=None)
    (event,) = doc.events
    assert (event.date.value, event.date.precision, event.date.method) == (None, None, "none")


def test_last_weekday_is_that_day_of_the_week_before() -> None:
    # published on a Friday, "last Thursday" is eight days before, "on Thursday" yesterday
    assert dates("They met last Thursday.", FRIDAY)[0][1] == "2026-01-29"
    assert dates("They met on Thursday.", FRIDAY)[0][1] == "2026-02-05"
    # published on a Monday, "last Friday" is three days before
    assert dates("They met last Friday.", MONDAY)[0][1] == "2026-02-06"


def test_last_month_name_is_the_latest_such_month() -> None:
    assert dates("Last April, the ministry designated the group.", FRIDAY)[0][1:3] == (
        "2025-04",
        "month",
    )
    assert dates("They met last February.", FRIDAY)[0][1] == "2025-02"
    assert dates("They met in February.", FRIDAY)[0][1] == "2026-02"


def test_coordinated_verbs_share_the_date_of_the_first(parse: Parse) -> None:
    doc = parse(
        "In 2019, the United States designated the Houthis as terrorists and imposed "
        "sanctions on Iran."
    )
    assert {e.cameo.root: e.date.value for e in doc.events}.get("16") == "2019"


def test_a_past_perfect_in_what_was_said_is_not_the_day_it_was_said(parse: Parse) -> None:
    doc = parse(
        "On Thursday, Russia admitted that its troops had attacked the Ukrainian village of Hroza."
    )
    attack = [e for e in doc.events if e.cameo.root == "19"]
    assert attack and attack[0].date.value != "2026-02-05"


def test_a_flashback_named_in_passing_does_not_move_the_story_time(parse: Parse) -> None:
    doc = parse(
        "Aliyev met Nasirzadeh in Baku on Friday. Referring to his phone call with Pezeshkian "
        "held on Jan. 21, Aliyev praised Iran. Nasirzadeh also criticised Israel."
    )
    dated = {e.trigger.text: e.date.value for e in doc.events}
    assert dated["criticised"] == "2026-02-06"


def test_a_date_told_with_an_act_not_coded_sets_the_story_time(parse: Parse) -> None:
    # snow falling is no event, but it says when the story happens
    doc = parse(
        "On Thursday, heavy snow fell across Minsk. Later the police arrested opposition activists."
    )
    (event,) = doc.events
    assert (event.date.value, event.date.method) == ("2026-02-05", "narrative")


def test_a_date_in_a_scene_phrase_sets_the_story_time(parse: Parse) -> None:
    doc = parse(
        "In his Tuesday talk at a think tank, the prime minister spoke about energy. He also "
        "criticised Turkey."
    )
    dated = {e.trigger.text: e.date.value for e in doc.events}
    assert dated["criticised"] == "2026-02-03"


def test_a_date_naming_another_event_does_not_set_the_story_time(parse: Parse) -> None:
    doc = parse(
        "The government called its actions defensive, pointing to the December 31 attack on "
        "its embassy. Later Russia criticised the United States."
    )
    dated = {e.trigger.text: e.date.method for e in doc.events}
    assert dated["criticised"] == "publication"
