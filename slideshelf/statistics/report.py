"""What the counts add up to: totals for a list of decks, and one deck's last days."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, Sum

from slideshelf.presentations.models import Presentation
from slideshelf.statistics.models import DOWNLOADS, DailyCount, Kind

DAYS = 30


@dataclass(frozen=True)
class Totals:
    """A deck's counts over all time: views on its page, views in other sites' frames, and
    downloads (the original and the PDF together)."""

    views: int = 0
    embed_views: int = 0
    downloads: int = 0


def totals_by_deck(deck_ids: Iterable[int]) -> dict[int, Totals]:
    """Every deck's totals, in one query; a deck without counts gets zeros."""
    ids = list(deck_ids)
    rows = (
        DailyCount.objects.filter(deck_id__in=ids)
        .values("deck_id")
        .order_by()
        .annotate(
            views=Sum("count", filter=Q(kind=Kind.PAGE), default=0),
            embed_views=Sum("count", filter=Q(kind=Kind.EMBED), default=0),
            downloads=Sum("count", filter=Q(kind__in=DOWNLOADS), default=0),
        )
    )
    found = {
        row["deck_id"]: Totals(row["views"], row["embed_views"], row["downloads"]) for row in rows
    }
    return {deck_id: found.get(deck_id, Totals()) for deck_id in ids}


@dataclass(frozen=True)
class Day:
    day: datetime.date
    views: int
    embed_views: int

    @property
    def all_views(self) -> int:
        return self.views + self.embed_views


@dataclass(frozen=True)
class Reach:
    """How many views got to this slide (or further), and their share of all views."""

    slide: int
    views: int
    share: float

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass(frozen=True)
class DeckReport:
    days: list[Day]  # the last DAYS days, oldest first, today last
    reach: list[Reach]  # over the same days, slide 1 first
    recent: dict[str, int]  # the same days' sum for each kind but reach
    all_time: dict[str, int]

    @property
    def recent_views(self) -> int:
        return self.recent[Kind.PAGE] + self.recent[Kind.EMBED]


def deck_report(deck: Presentation, today: datetime.date, days: int = DAYS) -> DeckReport:
    first = today - datetime.timedelta(days=days - 1)
    counts = DailyCount.objects.filter(deck=deck).order_by()
    recent = counts.filter(day__range=(first, today))
    by_day: dict[tuple[datetime.date, str], int] = {
        (row["day"], row["kind"]): row["n"]
        for row in recent.exclude(kind=Kind.REACH).values("day", "kind").annotate(n=Sum("count"))
    }
    furthest = {
        row["slide"]: row["n"]
        for row in recent.filter(kind=Kind.REACH).values("slide").annotate(n=Sum("count"))
    }
    all_time = {row["kind"]: row["n"] for row in counts.values("kind").annotate(n=Sum("count"))}
    dates = [first + datetime.timedelta(days=n) for n in range(days)]
    sums: dict[str, int] = defaultdict(int)
    for (_, kind), n in by_day.items():
        sums[kind] += n
    return DeckReport(
        days=[
            Day(day, by_day.get((day, Kind.PAGE), 0), by_day.get((day, Kind.EMBED), 0))
            for day in dates
        ],
        reach=reach(furthest, deck.slide_count),
        recent={kind: sums[kind] for kind in Kind if kind != Kind.REACH},
        all_time={kind: all_time.get(kind, 0) for kind in Kind if kind != Kind.REACH},
    )


def reach(furthest: dict[int, int], slide_count: int) -> list[Reach]:
    """For each slide, the views whose furthest slide is this one or a later one.

    Views that went past the deck's end (a longer file, since replaced) reached every slide.
    A sum below zero or above the one before (moves counted without their view, or another
    day's) is held to the sensible range: no slide is reached more often than the one before.
    """
    total = max(sum(furthest.values()), 0)
    at_least = sum(n for number, n in furthest.items() if number > slide_count)
    from_the_end = []
    for slide in range(slide_count, 0, -1):
        at_least += furthest.get(slide, 0)
        from_the_end.append(at_least)
    reached, result = total, []
    for slide, here in enumerate(reversed(from_the_end), start=1):
        reached = min(max(here, 0), reached)
        result.append(Reach(slide, reached, reached / total if total else 0.0))
    return result
