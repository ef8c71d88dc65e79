"""Counts added to the database: one INSERT … ON CONFLICT DO UPDATE for the day rows (SQLite and
PostgreSQL both have it), and each viewed deck's `view_count` brought along.

The caller holds the transaction (pages/counter.py: one that gives up at once on a busy
database) and keeps the counts in memory when it fails.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from django.db import connection
from django.db.models import F

from slideshelf.presentations.models import Presentation
from slideshelf.statistics.models import VIEWS, DailyCount, Kind

# Rows a statement: 5 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535.
ROWS_PER_STATEMENT = 500


class Key(NamedTuple):
    deck_id: int
    day: datetime.date
    kind: Kind
    slide: int = 0


def record(counts: Mapping[Key, int]) -> None:
    """Add views to each deck's `view_count` and every count to the decks' day rows; counts
    of decks deleted since they were counted are dropped.

    The UPDATE comes first, for every deck counted (by 0 when it had no views): it tells which
    decks are still there, without a read, and holds each one's row until the commit, so a
    deck cannot be deleted under its day rows.
    """
    views: dict[int, int] = defaultdict(int)
    for key, n in counts.items():
        views[key.deck_id] += n if key.kind in VIEWS else 0
    # Sorted, so that two processes writing the same rows take their locks in one order.
    alive = {
        deck_id
        for deck_id, n in sorted(views.items())
        if Presentation.objects.filter(pk=deck_id).update(view_count=F("view_count") + n)
    }
    rows = sorted((key, n) for key, n in counts.items() if n and key.deck_id in alive)
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        _upsert(rows[start : start + ROWS_PER_STATEMENT])


def _upsert(rows: list[tuple[Key, int]]) -> None:
    quote = connection.ops.quote_name
    table = quote(DailyCount._meta.db_table)
    columns = [quote(name) for name in ("deck_id", "day", "kind", "slide", "count")]
    unique, count = ", ".join(columns[:4]), columns[4]
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    parameters: list[int | str | datetime.date | None] = []
    for key, n in rows:
        day = connection.ops.adapt_datefield_value(key.day)
        parameters += [key.deck_id, day, str(key.kind), key.slide, n]
    # Only quoted names and placeholders are formatted in; the values go as parameters.
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "  # noqa: S608
        f"ON CONFLICT ({unique}) DO UPDATE SET {count} = {table}.{count} + excluded.{count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
