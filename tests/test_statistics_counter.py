"""The counter behind the statistics: counts kept in memory by deck, day, kind and slide, and
written in one statement for the day rows and one UPDATE per deck; a busy database keeps them
for the next flush."""

from __future__ import annotations

import datetime
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from slideshelf.pages.counter import ViewCounter
from slideshelf.presentations.models import Presentation
from slideshelf.statistics.models import DailyCount, Kind
from slideshelf.statistics.tally import Key

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY = datetime.date(2026, 11, 23)
TUESDAY = MONDAY + datetime.timedelta(days=1)


def new_deck(title: str = "Budget 2027") -> Presentation:
    return Presentation.objects.create(title=title, original_name="a.pdf", slide_count=8)


def rows(deck: Presentation) -> dict[tuple[datetime.date, str, int], int]:
    return {
        (row.day, row.kind, row.slide): row.count for row in DailyCount.objects.filter(deck=deck)
    }


def test_counts_add_up_by_day_kind_and_slide_over_flushes():
    deck = new_deck()
    counter = ViewCounter(flush_every=3600)
    views = [(Key(deck.pk, MONDAY, Kind.PAGE), 1)] * 3 + [(Key(deck.pk, TUESDAY, Kind.PAGE), 1)]
    counter.add(*views, (Key(deck.pk, MONDAY, Kind.EMBED), 2), (Key(deck.pk, MONDAY, Kind.PDF), 1))
    counter.add((Key(deck.pk, MONDAY, Kind.REACH, 1), 3), (Key(deck.pk, TUESDAY, Kind.REACH, 1), 1))
    assert rows(deck) == {}, "nothing is written before the flush is due"
    counter.flush()
    # A view that went on to slide 5: moved from the slide it opened at.
    counter.add((Key(deck.pk, MONDAY, Kind.REACH, 1), -1), (Key(deck.pk, MONDAY, Kind.REACH, 5), 1))
    counter.add((Key(deck.pk, MONDAY, Kind.PAGE), 1))
    counter.flush()
    assert rows(deck) == {
        (MONDAY, "page", 0): 4,
        (TUESDAY, "page", 0): 1,
        (MONDAY, "embed", 0): 2,
        (MONDAY, "pdf", 0): 1,
        (MONDAY, "reach", 1): 2,
        (MONDAY, "reach", 5): 1,
        (TUESDAY, "reach", 1): 1,
    }
    deck.refresh_from_db()
    assert deck.view_count == 7, "views on the site and in other sites, not downloads"


def test_a_flush_writes_one_statement_for_the_day_rows_and_one_update_per_deck():
    decks = [new_deck(f"Deck {n}") for n in range(3)]
    counter = ViewCounter(flush_every=3600)
    for deck in decks:
        for slide in range(1, 6):
            counter.add(
                (Key(deck.pk, MONDAY, Kind.PAGE), 1), (Key(deck.pk, MONDAY, Kind.REACH, slide), 1)
            )
    with CaptureQueriesContext(connection) as queries:
        counter.flush()
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert statements.count("UPDATE") == 3
    assert statements.count("INSERT") == 1
    assert all(rows(deck)[(MONDAY, "page", 0)] == 5 for deck in decks)


def test_counts_of_a_deck_deleted_before_the_flush_are_dropped_and_the_others_written():
    kept, gone = new_deck("Kept"), new_deck("Gone")
    counter = ViewCounter(flush_every=3600)
    counter.add((Key(kept.pk, MONDAY, Kind.PAGE), 1), (Key(gone.pk, MONDAY, Kind.PAGE), 1))
    gone.delete()
    counter.flush()
    assert rows(kept) == {(MONDAY, "page", 0): 1}
    assert not counter._counts, "nothing is kept for a deck that is gone"


@contextmanager
def database_busy(deck: Presentation) -> Iterator[None]:
    """Another connection writing: SQLite's write lock, or PostgreSQL's lock on the deck's row."""
    if connection.vendor == "sqlite":
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    other = connections.create_connection("default")
    other.set_autocommit(False)
    with other.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM presentations_presentation WHERE id = %s FOR UPDATE", [deck.pk]
        )
    try:
        yield
    finally:
        other.rollback()
        other.close()


def test_a_busy_database_keeps_the_counts_for_the_next_flush_without_waiting(caplog):
    deck = new_deck()
    counter = ViewCounter(flush_every=3600)
    counter.add((Key(deck.pk, MONDAY, Kind.PAGE), 2), (Key(deck.pk, MONDAY, Kind.REACH, 3), 2))
    with database_busy(deck):
        started = time.monotonic()
        counter.flush()
        waited = time.monotonic() - started
    assert waited < 2, "a visitor's request does not wait for the database's usual timeout"
    assert "view counts kept for later" in caplog.text
    assert rows(deck) == {}
    counter.add((Key(deck.pk, MONDAY, Kind.PAGE), 1))
    counter.flush()
    assert rows(deck) == {(MONDAY, "page", 0): 3, (MONDAY, "reach", 3): 2}
    deck.refresh_from_db()
    assert deck.view_count == 3
