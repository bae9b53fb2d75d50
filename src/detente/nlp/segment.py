"""Cutting an article into the chunks the parser reads one at a time.

News text puts paragraphs, headlines and datelines on lines of their own; a sentence never
runs across them. Hard-wrapped text does run across line ends, so a line is joined to the next
when it has no closing punctuation, is long enough to be running text, and the next line goes on
in lower case. Chunks are (start, end) offsets into the article text: nothing is normalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
_CLOSING = tuple(".!?:;\"”’')]»")
_RUNNING_TEXT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Chunk:
    """A stretch of the article the parser reads on its own."""

    start: int
    end: int


def segment(text: str) -> list[Chunk]:
    """The article's chunks, in order; blank lines and surrounding spaces are left out."""
    lines: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            lines.append((start, end))
    chunks: list[Chunk] = []
    for start, end in lines:
        if chunks and _continues(text, chunks[-1], start):
            chunks[-1] = Chunk(chunks[-1].start, end)
        else:
            chunks.append(Chunk(start, end))
    return chunks


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(text: str, previous: Chunk, start: int) -> bool:
    """Whether the line at `start` carries on the sentence of the chunk before it."""
    if text.count("\n", previous.end, start) > 1:
        return False  # a blank line ends a paragraph
    last_line = text[text.rfind("\n", previous.start, previous.end) + 1 : previous.end]
    if last_line.endswith(_CLOSING) or len(last_line.split()) < _RUNNING_TEXT_WORDS:
        return False
    first = text[start]
    return first.islower() or first.isdigit()
