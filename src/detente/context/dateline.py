"""Datelines: the place a story was filed from ("ISTANBUL", "BAKU, Feb 6 (Reuters) -").

The dateline is recorded on the document; it is never an event's place, and nothing in it is an
actor.
"""

from __future__ import annotations

import re

from detente.model import Document

# A city in capitals, maybe a region or date after a comma, maybe an agency, then a dash;
# or the city alone on its line.
# (An acronym such as "U.S." or "NATO" followed by a dash is a sentence, not a dateline: the
# place has no dots, and a dash must be followed by a capitalised word.)
_DATELINE = re.compile(
    r"""\A\s*
    (?P<place>[A-Z][A-Z'’\-]{2,}(?:\ [A-Z][A-Z'’\-]+){0,3})
    (?:
        (?:,[^\n()—–:]{1,40})?\s*(?:\([A-Za-z .&]{1,30}\))?\s*(?:[—–-]{1,2}|:)\s+(?=[A-Z"“‘'])
      | [ \t]*\r?\n
    )""",
    re.VERBOSE,
)


class Dateline:
    """Stage: finds the dateline at the head of the article."""

    name = "dateline"

    def __call__(self, doc: Document) -> Document:
        found = find_dateline(doc.article.text)
        if found is None:
            return doc
        return doc.evolve(dateline=doc.span(*found))


def find_dateline(text: str) -> tuple[int, int] | None:
    """Where the dateline at the head of `text` starts and ends (through its dash), if any.
    The parser blanks it out, so that "MINSK, Belarus (AP) — Russia criticised..." parses as
    the sentence it is."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    end = match.end()
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return match.start("place"), end
