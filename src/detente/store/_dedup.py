"""Deduplication: event mentions from many articles clustered into event records.

Two mentions are one event when they are of the same CAMEO root family between the same two
actors (countries or organisations, in that direction), their days span at most twice `window`
(reports dated Sunday, Monday and Tuesday of a Monday event; a month or year date need only
overlap), their places can be the same place
(the same country, or one unknown; two different named cities or towns cannot), they come from
different articles (an article's own repeats are the repeats stage's to merge), and their codes
agree or their evidence sentences share enough words. Clusters are built per block (family and
dyad), in date order, each mention joining the first open cluster it fits.

The functions here are pure: the store feeds them rows and writes back what they return.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

WINDOW = 1
"""Days two reports of one event may differ by, by default."""
SIMILAR = 0.2
"""The share of evidence words (Jaccard) that makes two differently coded reports one event."""
_LOCAL = frozenset({"city", "town", "capital"})
_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    {
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "from",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "but",
        "not",
        "its",
        "his",
        "her",
        "their",
        "they",
        "them",
        "said",
        "says",
        "will",
        "would",
        "been",
        "also",
        "after",
        "before",
        "over",
        "into",
        "about",
        "than",
        "which",
        "who",
        "what",
        "when",
        "where",
        "while",
        "other",
        "more",
        "most",
        "some",
        "such",
        "told",
    }
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One stored event as the clustering sees it."""

    article_id: str
    event_id: str
    root: str
    code: str
    source: str | None
    target: str | None
    date: str | None
    place_country: str | None
    place_name: str | None
    place_feature: str | None
    evidence: str

    @property
    def block(self) -> tuple[str, str, str]:
        return (self.root, self.source or "", self.target or "")


@dataclass(slots=True)
class Cluster:
    """Mentions found to report one event. `lo` to `hi` (day ordinals) are the days its
    reports give (`exact`), or while none gives a day, the month or year the first gives."""

    members: list[Mention]
    lo: int
    hi: int
    exact: bool = False
    placed: Mention | None = None
    """Its first report that names a place: the others must agree with it."""
    articles: set[str] = field(default_factory=set)
    words: frozenset[str] = frozenset()

    @property
    def record_id(self) -> str:
        """Stable while its first report stays its first: a hash of that report's ids."""
        first = self.members[0]
        return record_id(first.article_id, first.event_id)

    @property
    def code(self) -> str:
        """The code most of its reports give (the first report's on a tie)."""
        counts = Counter(m.code for m in self.members)
        best = max(counts.values())
        return next(m.code for m in self.members if counts[m.code] == best)


@functools.lru_cache(maxsize=1 << 16)
def record_id(article_id: str, event_id: str) -> str:
    digest = hashlib.sha1(f"{article_id}\x00{event_id}".encode()).hexdigest()
    return "R" + digest[:15]


def span(date: str | None) -> tuple[int, int] | None:
    """The days (ordinals) a partial ISO date covers: a day, a month or a year."""
    if not date:
        return None
    try:
        parts = [int(p) for p in date.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts).toordinal()
            return day, day
        if len(parts) == 2:
            year, month = parts
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1).toordinal(), dt.date(year, month, last).toordinal()
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1).toordinal(), dt.date(parts[0], 12, 31).toordinal()
    except ValueError:
        return None
    return None


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def _places_agree(a: Mention, b: Mention) -> bool:
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    local = a.place_feature in _LOCAL and b.place_feature in _LOCAL
    return not (local and a.place_name and b.place_name and a.place_name != b.place_name)


def _fits(cluster: Cluster, mention: Mention, days: tuple[int, int], window: int) -> bool:
    if mention.article_id in cluster.articles:
        return False
    if days[0] == days[1] and cluster.exact:
        # days: together they span at most twice the window ("Sunday", "Monday", "Tuesday"
        # for a Monday event), so daily events do not chain into one
        if max(cluster.hi, days[1]) - min(cluster.lo, days[0]) > 2 * window:
            return False
    elif days[0] > cluster.hi + window or days[1] < cluster.lo - window:
        return False  # a month or a year: it needs to overlap
    first = cluster.members[0]
    if cluster.placed is not None and not _places_agree(cluster.placed, mention):
        return False
    if mention.code == first.code:
        return True
    mine = words(mention.evidence)
    union = mine | cluster.words
    return bool(union) and len(mine & cluster.words) / len(union) >= SIMILAR


def cluster(mentions: Iterable[Mention], window: int = WINDOW) -> list[Cluster]:
    """The event records of `mentions` (of any blocks), each with its mentions."""
    blocks: dict[tuple[str, str, str], list[tuple[tuple[int, int] | None, Mention]]] = {}
    for mention in mentions:
        blocks.setdefault(mention.block, []).append((span(mention.date), mention))
    found: list[Cluster] = []
    for block in blocks.values():
        block.sort(key=lambda d: (d[0] or (0, 0), d[1].article_id, d[1].event_id))
        open_: list[Cluster] = []
        for days, mention in block:
            if days is None:  # no date at all: an event of its own
                found.append(Cluster([mention], 0, 0, articles={mention.article_id}))
                continue
            # clusters that ended more than twice the window before this one started are closed
            open_ = [c for c in open_ if c.hi + 2 * window >= days[0]]
            home = next((c for c in open_ if _fits(c, mention, days, window)), None)
            day = days[0] == days[1]
            if home is None:
                home = Cluster([], days[0], days[1], day, words=words(mention.evidence))
                open_.append(home)
                found.append(home)
            elif day:
                lo, hi = (min(home.lo, days[0]), max(home.hi, days[1])) if home.exact else days
                home.lo, home.hi, home.exact = lo, hi, True
            home.members.append(mention)
            home.articles.add(mention.article_id)
            if home.placed is None and (mention.place_country or mention.place_name):
                home.placed = mention
    return found


def assignments(clusters: Sequence[Cluster]) -> list[tuple[str, str, str]]:
    """(article_id, event_id, record_id) for every mention of `clusters`."""
    return [(m.article_id, m.event_id, c.record_id) for c in clusters for m in c.members]
