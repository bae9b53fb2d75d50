"""Character offsets are the shared coordinates: every span the pipeline reports slices the
article's text exactly, on a real corpus and on awkward text (CRLF, tabs, a BOM, curly quotes).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import InputWarning, read_inputs
from detente.model import Article, Document, TextSpan
from detente.pipeline import Pipeline


def read_articles(*inputs: Path) -> list[Article]:
    """The articles of `inputs`, read as the CLI reads them; any reading problem fails."""
    articles = []
    for item in read_inputs([str(path) for path in inputs]):
        assert not isinstance(item, InputError | InputWarning), str(item)
        articles.append(item)
    return articles


def offset_problems(doc: Document) -> list[str]:
    """Every span of `doc` that does not slice its article's text exactly, described."""
    text = doc.article.text
    problems: list[str] = []

    def check(what: str, start: int, end: int, expected: str, *, empty: bool = False) -> None:
        if not (0 <= start <= end <= len(text)) or (start == end and not empty):
            problems.append(f"{doc.article.id}: {what} has offsets {start}-{end}")
        elif text[start:end] != expected:
            problems.append(
                f"{doc.article.id}: {what} {start}-{end} is {expected!r} "
                f"but the text there is {text[start:end]!r}"
            )

    def check_span(what: str, span: TextSpan | None) -> None:
        if span is not None:
            check(what, span.start, span.end, span.text)

    for token in doc.tokens:
        check(f"token {token.i}", token.start, token.end, token.text)
        if token.whitespace:
            check(
                f"whitespace after token {token.i}",
                token.end,
                token.end + len(token.whitespace),
                token.whitespace,
            )
    for earlier, later in zip(doc.tokens, doc.tokens[1:], strict=False):
        if later.start < earlier.end:
            problems.append(f"{doc.article.id}: tokens {earlier.i} and {later.i} overlap")
    for sentence in doc.sentences:
        check(f"sentence {sentence.index}", sentence.start, sentence.end, sentence.text)
        tokens = doc.tokens[sentence.first : sentence.stop]
        if not tokens or tokens[0].start < sentence.start or tokens[-1].end > sentence.end:
            problems.append(
                f"{doc.article.id}: sentence {sentence.index} does not hold its tokens "
                f"{sentence.first}-{sentence.stop}"
            )
        elif any(token.sentence != sentence.index for token in tokens):
            problems.append(f"{doc.article.id}: a token of sentence {sentence.index} is not in it")
    for entity in doc.entities:
        check(f"entity {entity.label}", entity.start, entity.end, entity.text)
    check_span("dateline", doc.dateline)
    for mention in doc.mentions:
        check(f"mention ({mention.rule})", mention.start, mention.end, mention.text)
    for event in doc.events:
        what = f"event {event.event_id} ({event.cameo.code}, {event.provenance.rule})"
        check_span(f"{what} evidence", event.evidence)
        check_span(f"{what} trigger", event.trigger)
        evidence, trigger = event.evidence, event.trigger
        if not evidence.start <= trigger.start < trigger.end <= evidence.end:
            problems.append(
                f"{doc.article.id}: {what} trigger {trigger.start}-{trigger.end} "
                f"is not inside its evidence {evidence.start}-{evidence.end}"
            )
        for role, actor in (("source", event.source), ("target", event.target)):
            if actor is not None:
                check(f"{what} {role}", actor.start, actor.end, actor.text)
        check_span(f"{what} date", event.date.span)
        if event.location is not None:
            check_span(f"{what} location", event.location.span)
    return problems


def assert_offsets_exact(docs: Iterable[Document]) -> None:
    problems = [problem for doc in docs for problem in offset_problems(doc)]
    assert not problems, f"{len(problems)} bad offsets:\n" + "\n".join(problems[:20])


@pytest.mark.slow
def test_wikinews_offsets_slice_the_text(pipeline: Pipeline, wikinews_csv: Path) -> None:
    """The slow one (about a minute): 124 real articles through the library."""
    articles = read_articles(wikinews_csv)
    docs = list(pipeline.run(articles))

    assert [doc.article for doc in docs] == articles
    assert sum(len(doc.events) for doc in docs) > 0
    assert all(doc.tokens and doc.sentences for doc in docs)
    assert_offsets_exact(docs)


def test_dev_texts_offsets_slice_the_text(pipeline: Pipeline, dev_texts: list[Path]) -> None:
    articles = read_articles(*dev_texts)
    docs = list(pipeline.run(articles))

    assert [doc.article.id for doc in docs] == [path.stem for path in dev_texts]
    assert sum(len(doc.events) for doc in docs) > 0
    assert_offsets_exact(docs)


AWKWARD = (
    "\ufeffTEHRAN, Feb. 6 (Wire)\t\u2014 Iran and the United States held talks in Muscat "
    "on Friday.\r\n"
    "\r\n"
    "\t\u201cWe are hopeful,\u201d Iran\u2019s foreign minister said\u00a0after the "
    "meeting.\r\n"
    "China\t criticised  Japan on Monday \u2026 and Russia\u2019s forces shelled Kharkiv "
    "in Ukraine.\r\n"
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(AWKWARD, id="crlf-tabs-bom-quotes"),
        pytest.param(AWKWARD.replace("\r\n", "\r"), id="bare-cr"),
        pytest.param(AWKWARD.replace("\r\n", "\n") + "\n\n\n", id="trailing-lines"),
        pytest.param(AWKWARD.replace("Iran", "Iran\u0301 \U0001f1ee\U0001f1f7"), id="astral"),
    ],
)
def test_awkward_text_offsets_slice_the_text(pipeline: Pipeline, tmp_path: Path, text: str) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(text.encode("utf-8"))
    (article,) = read_articles(path)
    assert article.text == text, "a text file is read byte for byte, its BOM kept"

    (doc,) = pipeline.run([article])

    assert doc.events, "the talks, the criticism and the shelling are coded"
    assert_offsets_exact([doc])
