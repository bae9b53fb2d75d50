"""The input readers: every format, exact text, ids, dates, and failures that let a batch go on."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path
from typing import TextIO

import pytest

from detente.errors import InputError
from detente.ingest import InputWarning, parse_published, read_inputs
from detente.model import Article

Item = Article | InputError | InputWarning

WIKINEWS = Path(__file__).parents[2] / "../shared/corpora/wikinews/wikinews_2020.csv"

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Talks resume in Geneva | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2020-03-04T10:00:00Z">
<link rel="canonical" href="https://news.example.org/2020/03/talks">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Talks resume in Geneva</h1>
<p>Iran and the United States resumed talks in Geneva on Tuesday, officials said.</p>
<p>The delegations met for three hours. “We are hopeful,” one diplomat said.</p>
</article>
<footer>Copyright Example News, all rights reserved</footer>
</body></html>
"""

UNDATED_PAGE = """<html><head><title>Deal signed</title></head><body>
<p>Iraq and Turkey signed a water deal on 5 May 2019 after negotiations that lasted weeks.</p>
</body></html>
"""


def read(
    *inputs: Path | str, published: dt.date | None = None, stdin: TextIO | None = None
) -> list[Item]:
    return list(read_inputs([str(i) for i in inputs], published=published, stdin=stdin))


def articles(items: list[Item]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def only_article(items: list[Item]) -> Article:
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def only_error(items: list[Item]) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items[0]
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


# --- plain text ---------------------------------------------------------------------------


def test_text_file_is_kept_exactly(tmp_path: Path) -> None:
    text = "\ufeff  Tehran, Monday\r\n“Iran’s envoy met the press,” it said.\r\n\n\t\r\n  "
    path = write(tmp_path / "tehran-0412.txt", text)
    article = only_article(read(path))
    assert article.text == text
    assert article.id == "tehran-0412"
    assert article.origin == str(path)
    assert article.published is None
    assert article.title is None


def test_text_file_id_keeps_inner_dots(tmp_path: Path) -> None:
    path = write(tmp_path / "story.v2.TXT", "Iran met Iraq.")
    assert only_article(read(path)).id == "story.v2"


def test_published_option_dates_undated_articles(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Iran met Iraq.")
    assert only_article(read(path, published=dt.date(2020, 5, 1))).published == dt.date(2020, 5, 1)
    stamp = dt.datetime(2020, 5, 1, 23, 30)
    assert only_article(read(path, published=stamp)).published == dt.date(2020, 5, 1)


# --- HTML ---------------------------------------------------------------------------------


def test_html_file_gives_main_text_title_and_date(tmp_path: Path) -> None:
    path = write(tmp_path / "geneva.html", PAGE)
    article = only_article(read(path, published=dt.date(1999, 1, 1)))
    assert article.id == "geneva"
    assert article.origin == str(path)
    assert "Iran and the United States resumed talks in Geneva on Tuesday" in article.text
    assert "“We are hopeful,” one diplomat said." in article.text
    assert "Copyright" not in article.text
    assert "World" not in article.text
    assert article.title is not None
    assert article.title.startswith("Talks resume in Geneva")
    assert article.published == dt.date(2020, 3, 4)
    assert article.url == "https://news.example.org/2020/03/talks"
    assert article.source == "Example News"


def test_html_without_a_declared_date_falls_back(tmp_path: Path) -> None:
    # The date in the text is an event's, not the publication's.
    path = write(tmp_path / "deal.htm", UNDATED_PAGE)
    article = only_article(read(path))
    assert article.text.startswith("Iraq and Turkey signed a water deal")
    assert article.published is None
    assert only_article(read(path, published=dt.date(2019, 5, 9))).published == dt.date(2019, 5, 9)


# --- JSON and JSONL -----------------------------------------------------------------------


def test_jsonl_records(tmp_path: Path) -> None:
    text = "  BAGHDAD —\r\nIraq’s cabinet “met” today.\n"
    path = write(
        tmp_path / "feed.jsonl",
        jsonl(
            {"id": " afp-1 ", "text": text, "published": "2020-02-03", "title": " Cabinet "},
            {"text": "Iran met Iraq.", "url": "https://x.example/2", "source": "AFP", "n": 7},
        )
        + "\n"
        + jsonl({"text": "Turkey met Syria.", "published": "2020-02-05T23:30:00-05:00"}),
    )
    first, second, third = (only_article([item]) for item in read(path))
    assert (first.id, first.text, first.published, first.title) == (
        "afp-1",
        text,
        dt.date(2020, 2, 3),
        "Cabinet",
    )
    assert first.origin == f"{path}#1"
    assert (second.id, second.url, second.source, second.published) == (
        "feed-002",
        "https://x.example/2",
        "AFP",
        None,
    )
    # Blank lines are skipped but counted: the origin and the id name the line.
    assert (third.id, third.origin) == ("feed-004", f"{path}#4")
    assert third.published == dt.date(2020, 2, 5)


def test_record_date_beats_published_option(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl({"text": "A.", "published": "2020-02-03"}, {"text": "B.", "published": ""}),
    )
    dated, undated = articles(read(path, published=dt.date(2021, 1, 1)))
    assert dated.published == dt.date(2020, 2, 3)
    assert undated.published == dt.date(2021, 1, 1)


def test_json_single_record_is_named_by_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "one.json", json.dumps({"text": "Iran met Iraq.", "published": None}))
    article = only_article(read(path))
    assert (article.id, article.origin, article.text) == ("one", str(path), "Iran met Iraq.")


def test_json_list_of_records(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.json",
        json.dumps([{"text": "A.", "id": 42}, {"text": "B.\r\n", "published": "2020-07-01"}]),
    )
    first, second = articles(read(path))
    assert (first.id, first.origin) == ("42", f"{path}#1")
    assert (second.id, second.origin, second.text) == ("batch-002", f"{path}#2", "B.\r\n")
    assert second.published == dt.date(2020, 7, 1)


def test_record_html_is_extracted_and_record_fields_win(tmp_path: Path) -> None:
    path = write(tmp_path / "pages.jsonl", jsonl({"html": PAGE, "title": "Our title"}))
    article = only_article(read(path))
    assert article.text.startswith("Talks resume in Geneva")
    assert "Copyright" not in article.text
    assert article.title == "Our title"
    assert article.published == dt.date(2020, 3, 4)
    assert article.id == "pages-001"


def test_stdin_jsonl(tmp_path: Path) -> None:
    after = write(tmp_path / "after.txt", "Iran met Iraq.")
    stream = io.StringIO(jsonl({"text": "A."}, {"id": "b", "text": "B."}))
    items = read("-", after, stdin=stream, published=dt.date(2020, 1, 2))
    first, second, third = articles(items)
    assert (first.id, first.origin, first.published) == ("stdin-001", "-#1", dt.date(2020, 1, 2))
    assert (second.id, second.origin) == ("b", "-#2")
    assert third.origin == str(after)


def test_default_stdin_is_read_as_utf8_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    good = jsonl({"text": "Café “A”."}).encode()
    data = good + b'{"text": "caf\xe9"}\n' + good
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))
    first, error, last = read("-")
    assert isinstance(first, Article)
    assert first.text == "Café “A”."
    assert (first.id, last.origin) == ("stdin-001", "-#3")
    assert isinstance(error, InputError)
    assert error.origin == "-#2"
    assert error.problem == f"not valid UTF-8: byte 0xe9 at offset {len(good) + 13}"


def test_text_stdin_that_is_not_utf8_stops_with_an_error() -> None:
    data = b'{"text": "caf\xe9"}\n'
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    items = read("-", stdin=stream)
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    assert items[0].origin == "-"
    assert items[0].problem == "not valid UTF-8; the rest of standard input is not read"
    assert isinstance(items[0].__cause__, UnicodeDecodeError)


# --- CSV ----------------------------------------------------------------------------------


def test_csv_with_date_column(tmp_path: Path) -> None:
    text = 'He said, "Iran met Iraq."\r\nThen they left.  '
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["url", "Date", "title", "text"])
    writer.writerow(["https://x.example/1", "2020-01-01", "First", text])
    writer.writerow(["", "", "", "Second."])
    path = write(tmp_path / "news.csv", "\ufeff" + buffer.getvalue())
    first, second = articles(read(path, published=dt.date(2020, 6, 6)))
    assert (first.id, first.origin, first.text) == ("news-001", f"{path}#1", text)
    assert (first.published, first.title, first.url) == (dt.date(2020, 1, 1), "First", first.url)
    assert first.url == "https://x.example/1"
    assert (second.id, second.published, second.title, second.url) == (
        "news-002",
        dt.date(2020, 6, 6),
        None,
        None,
    )


def test_csv_with_a_long_quoted_text(tmp_path: Path) -> None:
    text = ('He said, "Iran met Iraq."\n' * 10_000).rstrip()  # past the csv module's 128 KB
    path = write(tmp_path / "long.csv", 'text\n"' + text.replace('"', '""') + '"\n')
    assert only_article(read(path)).text == text


def test_csv_published_column_wins_over_date(tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", "id,published,date,text\nx,2020-02-02,2019-01-01,A.\n")
    article = only_article(read(path))
    assert (article.id, article.published) == ("x", dt.date(2020, 2, 2))


def test_csv_with_only_a_header_warns(tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", "url,text\n")
    assert read(path) == [InputWarning(str(path), "no records")]


@pytest.mark.skipif(not WIKINEWS.exists(), reason="the shared wikinews corpus is absent")
def test_real_wikinews_csv() -> None:
    items = read(WIKINEWS)
    found = articles(items)
    assert len(found) == len(items) == 124
    assert [a.id for a in found[:2]] == ["wikinews_2020-001", "wikinews_2020-002"]
    assert found[-1].id == "wikinews_2020-124"
    with WIKINEWS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [a.published for a in found] == [dt.date.fromisoformat(r["date"]) for r in rows]
    assert [a.text for a in found] == [r["text"] for r in rows]
    # The corpus is of 2020, but for two Wikinews test pages saved in 2021.
    late = [a.url for a in found if a.published and a.published.year != 2020]
    assert len(late) == 2
    assert all(url and "TEST_PAGE" in url for url in late)
    assert found[0].title == "Samoan government ends state of emergency over measles outbreak"


# --- directories --------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "B.")
    write(root / "a" / "z.txt", "AZ.")
    write(root / "a" / "deep" / "x.jsonl", jsonl({"text": "X1."}, {"text": "X2."}))
    write(root / "a-c.json", json.dumps({"text": "AC."}))
    write(root / "notes.md", "# not an input")
    write(root / "image.png", b"\x89PNG\x00\x00")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "HEAD.txt", "hidden")
    items = read(root)
    # Sorted by path component, as `sorted(paths)` does: a folder's files stay together.
    assert [a.id for a in articles(items)] == ["x-001", "x-002", "z", "a-c", "b"]
    assert len(items) == 5


def test_directory_linked_into_itself_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "c" / "a.txt", "A.")
    (tmp_path / "c" / "loop").symlink_to(tmp_path / "c", target_is_directory=True)
    assert [a.id for a in articles(read(tmp_path / "c"))] == ["a"]


def test_directory_with_nothing_readable_yields_nothing(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "readme.md", "nothing here")
    (tmp_path / "empty" / "sub").mkdir()
    assert read(tmp_path / "empty") == []


# --- failures: each names the input, and the next input is still read --------------------


def assert_fails_then_goes_on(tmp_path: Path, bad: Path | str, origin: str, problem: str) -> None:
    good = write(tmp_path / "zz-good.txt", "Iran met Iraq.")
    items = read(bad, good)
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(errors) == 1, items
    assert errors[0].origin == origin
    assert problem in errors[0].problem
    assert origin in str(errors[0])
    assert isinstance(items[-1], Article)
    assert items[-1].origin == str(good)


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert_fails_then_goes_on(tmp_path, missing, str(missing), "no such file or directory")


def test_missing_path_with_unknown_extension(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xyz"
    assert_fails_then_goes_on(tmp_path, missing, str(missing), "no such file or directory")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", "secret")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: make the file unreadable by hand
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == locked:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert_fails_then_goes_on(tmp_path, locked, str(locked), "permission denied")


UNSUPPORTED = "unsupported format '.xyz'; expected .txt, .html, .json, .jsonl or .csv"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("data.xyz", "Iran met Iraq.", UNSUPPORTED),
        ("README", "Iran met Iraq.", "unsupported format (no file extension)"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("wide.txt", "Iran met Iraq.".encode("utf-16"), "encoded as UTF-16"),
        ("latin.txt", "Café".encode("latin-1"), "not valid UTF-8: byte 0xe9 at offset 3"),
        ("empty.txt", "", "empty file"),
        ("blank.txt", " \r\n\t\n", "text is only whitespace"),
        ("bom.txt", "\ufeff\n", "text is only whitespace"),
        ("blank.html", "<html><head><title>T</title></head><body></body></html>", "no text"),
        ("empty.html", "", "empty file"),
        ("broken.json", '{"text": "A.",}', "not valid JSON"),
        ("number.json", "42", "not a number"),
        ("binary.jsonl", b"\x00\x01\x02\n", "binary file"),
        ("meta.csv", "url,date,title\nhttps://x.example,2020-01-01,T\n", "no 'text' or 'html'"),
    ],
)
def test_unreadable_file(tmp_path: Path, name: str, content: str | bytes, problem: str) -> None:
    path = write(tmp_path / name, content)
    assert_fails_then_goes_on(tmp_path, path, str(path), problem)


def test_invalid_utf8_error_keeps_its_cause(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", "Café".encode("latin-1"))
    error = only_error(read(path))
    assert isinstance(error.__cause__, UnicodeDecodeError)


def test_bad_jsonl_line_and_bad_records_do_not_stop_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "mixed.jsonl",
        jsonl({"text": "First."})
        + '{"text": "broken\n'
        + jsonl(
            ["not", "an", "object"],
            {"title": "no text"},
            {"text": " \n "},
            {"html": "<html><body></body></html>"},
            {"text": 7},
            {"text": "Last."},
        ),
    )
    items = read(path)
    problems = [(i.origin, i.problem) for i in items if isinstance(i, InputError)]
    assert [origin for origin, _ in problems] == [f"{path}#{n}" for n in range(2, 8)]
    assert "not valid JSON" in problems[0][1]
    assert problems[1][1] == "record is a list, not an object"
    assert problems[2][1] == "record has no 'text' or 'html' field"
    assert problems[3][1] == "empty 'text'"
    assert problems[4][1] == "no text could be extracted from 'html'"
    assert problems[5][1] == "'text' is a number, not a string"
    assert [(a.id, a.text) for a in articles(items)] == [
        ("mixed-001", "First."),
        ("mixed-008", "Last."),
    ]


def test_invalid_utf8_in_a_jsonl_line(tmp_path: Path) -> None:
    good = b'{"text": "A."}\n'
    path = write(tmp_path / "x.jsonl", good + b'{"text": "caf\xe9"}\n' + good)
    items = read(path)
    assert len(articles(items)) == 2
    error = items[1]
    assert isinstance(error, InputError)
    assert error.origin == f"{path}#2"
    assert error.problem == f"not valid UTF-8: byte 0xe9 at offset {len(good) + 13}"


def test_record_with_an_unusable_id(tmp_path: Path) -> None:
    path = write(tmp_path / "ids.json", json.dumps([{"id": ["x"], "text": "A."}, {"text": "B."}]))
    error, article = read(path)
    assert isinstance(error, InputError)
    assert (error.origin, error.problem) == (f"{path}#1", "'id' is a list, not a string")
    assert isinstance(article, Article)
    assert article.id == "ids-002"


# --- warnings -----------------------------------------------------------------------------


def test_malformed_record_date_warns_and_falls_back(tmp_path: Path) -> None:
    path = write(
        tmp_path / "dates.jsonl",
        jsonl({"text": "A."}, {"text": "B."}, {"text": "C.", "published": "121108"}),
    )
    items = read(path, published=dt.date(2012, 11, 8))
    assert len(items) == 4
    warning, article = items[2], items[3]
    assert warning == InputWarning(f"{path}#3", "published '121108' is not an ISO date; ignored")
    assert str(warning) == f"warning: {path}#3: published '121108' is not an ISO date; ignored"
    assert isinstance(article, Article)
    assert article.published == dt.date(2012, 11, 8)
    assert article.id == "dates-003"
    _, article = read(path)[2:]
    assert isinstance(article, Article)
    assert article.published is None


def test_malformed_csv_date_names_the_column(tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", "date,text\n12/11/08,A.\n")
    warning, article = read(path)
    assert warning == InputWarning(f"{path}#1", "date '12/11/08' is not an ISO date; ignored")
    assert isinstance(article, Article)


def test_wrongly_typed_metadata_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "t.jsonl", jsonl({"text": "A.", "title": ["x"]}))
    warning, article = read(path)
    assert warning == InputWarning(f"{path}#1", "'title' is a list, not a string; ignored")
    assert isinstance(article, Article)
    assert article.title is None


# --- parse_published ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-31", dt.date(2020, 1, 31)),
        (" 2020-01-31 ", dt.date(2020, 1, 31)),
        ("2020-01-31T23:30:00Z", dt.date(2020, 1, 31)),
        ("2020-01-31T23:30:00-05:00", dt.date(2020, 1, 31)),
        ("2020-01-31 08:15", dt.date(2020, 1, 31)),
        (dt.datetime(2020, 1, 31, 8, 15), dt.date(2020, 1, 31)),
        (dt.date(2020, 1, 31), dt.date(2020, 1, 31)),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["121108", "31/01/2020", "2020-02-30", "2020-01", 20200131])
def test_parse_published_rejects_malformed(value: object) -> None:
    with pytest.raises(ValueError):
        parse_published(value)
