"""Web pages: the main text, title and date as trafilatura extracts them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from detente.errors import InputError
from detente.ingest._common import BOM, InputWarning, Item, file_id, is_blank, read_text
from detente.ingest._dates import parse_published
from detente.model import Article


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in a web page."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


def extract_page(html: str, *, url: str | None = None) -> Page | None:
    """The main text and metadata of a web page; None when it has no extractable text."""
    # Imported here: trafilatura takes a noticeable time to import and most runs read no HTML.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        # Only the dates the page declares: an extensive search would take any date in the
        # text (an event's, a quoted one) for the publication date.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if not isinstance(document, Document) or document.text is None or is_blank(document.text):
        return None
    return Page(
        text=document.text,
        title=_clean(document.title),
        date=_clean(document.date),
        url=_clean(document.url),
        source=_clean(document.sitename),
    )


def page_date(page: Page, origin: str) -> tuple[dt.date | None, InputWarning | None]:
    """The publication date a page declares, or a warning when it is malformed."""
    try:
        return parse_published(page.date), None
    except ValueError:
        return None, InputWarning(origin, f"page date {page.date!r} is not an ISO date; ignored")


def read_html_file(path: Path, *, published: dt.date | None) -> Iterator[Item]:
    origin = str(path)
    html = read_text(path).removeprefix(BOM)
    if is_blank(html):
        raise InputError(origin, "empty file")
    page = extract_page(html)
    if page is None:
        raise InputError(origin, "no text could be extracted from the HTML")
    date, warning = page_date(page, origin)
    if warning is not None:
        yield warning
    yield Article(
        id=file_id(path),
        text=page.text,
        published=date or published,
        title=page.title,
        url=page.url,
        source=page.source,
        origin=origin,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None
