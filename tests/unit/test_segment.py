"""Cutting an article into the chunks the parser reads: lines, paragraphs, hard wraps."""

from __future__ import annotations

from detente.nlp.segment import Chunk, segment


def texts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in segment(text)]


def test_each_line_is_a_chunk() -> None:
    text = "Iran and Iraq signed a deal.\nThe Kremlin criticised the Pentagon."
    assert segment(text) == [Chunk(0, 28), Chunk(29, 65)]


def test_a_dateline_on_its_own_line_is_its_own_chunk() -> None:
    text = "ISTANBUL\nTurkish police detained 20 people on Friday in the city centre."
    assert texts(text) == [
        "ISTANBUL",
        "Turkish police detained 20 people on Friday in the city centre.",
    ]


def test_hard_wrapped_running_text_is_joined() -> None:
    # The first line has eight words (the fewest that count as running text) and no closing
    # punctuation; the next line goes on in lower case.
    text = "Iran and the US resumed talks in Muscat\nlate on Friday, officials said."
    assert segment(text) == [Chunk(0, len(text))]


def test_hard_wrapped_paragraph_of_three_lines_is_one_chunk() -> None:
    text = (
        "Iran and the United States resumed indirect talks in\n"
        "the Omani capital on Friday after a pause of several\n"
        "weeks, officials from both sides said.\n"
        "The Kremlin welcomed the talks."
    )
    chunks = texts(text)
    assert chunks == [text[: text.index("\nThe Kremlin")], "The Kremlin welcomed the talks."]


def test_a_wrapped_line_going_on_with_a_number_is_joined() -> None:
    text = "Iran and the United States resumed talks in Muscat after\n2 weeks of delays."
    assert texts(text) == [text]


def test_a_short_line_is_not_joined_to_the_next() -> None:
    # Seven words, one fewer than the joined example above: a headline, not running text.
    text = "Iran, the US resume talks in Muscat\nofficials said on Friday."
    assert texts(text) == ["Iran, the US resume talks in Muscat", "officials said on Friday."]


def test_a_line_with_closing_punctuation_is_not_joined() -> None:
    text = "Iran and the United States resumed talks in Muscat today.\nofficials said."
    assert texts(text) == [
        "Iran and the United States resumed talks in Muscat today.",
        "officials said.",
    ]


def test_a_line_followed_by_a_capitalised_line_is_not_joined() -> None:
    text = "Iran and the United States resumed talks in Muscat on\nFriday after a pause."
    assert texts(text) == [
        "Iran and the United States resumed talks in Muscat on",
        "Friday after a pause.",
    ]


def test_a_blank_line_splits_even_running_text() -> None:
    text = "Iran and the United States resumed talks in Muscat on\n\nfriday after a pause."
    assert texts(text) == [
        "Iran and the United States resumed talks in Muscat on",
        "friday after a pause.",
    ]


def test_a_line_of_spaces_counts_as_blank() -> None:
    text = "Iran and the United States resumed talks in Muscat on\n   \nfriday after a pause."
    assert len(segment(text)) == 2


def test_offsets_slice_the_original_text_with_crlf_and_leading_spaces() -> None:
    text = "  ISTANBUL\r\n\r\n   Turkish police detained 20 people.\r\nThe Kremlin said.  \r\n"
    chunks = segment(text)
    assert chunks == [Chunk(2, 10), Chunk(17, 51), Chunk(53, 70)]
    assert [text[c.start : c.end] for c in chunks] == [
        "ISTANBUL",
        "Turkish police detained 20 people.",
        "The Kremlin said.",
    ]


def test_crlf_hard_wrap_is_joined_and_keeps_the_line_break_inside() -> None:
    text = "Iran and the United States resumed talks in Muscat on\r\nfriday after a pause.\r\n"
    chunks = segment(text)
    assert len(chunks) == 1
    assert text[chunks[0].start : chunks[0].end] == text.rstrip()


def test_empty_and_blank_texts_give_no_chunks() -> None:
    assert segment("") == []
    assert segment("   \n\n \r\n\t") == []
