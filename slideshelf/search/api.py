"""Search behind one door: the only module of `slideshelf.search` the rest of slideshelf imports.

Pages ask `find()` for a page of results and `similar_to()` for a deck's similar list; the
presentation page asks `transcript_marks()` what to mark for the search that led to it; the
upload pages ask `near_duplicates_of()`. Changes reach the index through the outbox
(`deck_changed()`, in the caller's transaction), which the worker applies with `sync()`;
`reindex()` rebuilds the index from the database and `repair()` queues what a crash left wrong.
While a deck waits in the outbox, searches leave it out unless it is listed, so a deck made
private disappears from results at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from slideshelf.search.analysis import KNOWN_LANGUAGES
from slideshelf.search.duplicates import near_duplicates_of
from slideshelf.search.finding import SearchPage, find
from slideshelf.search.forms import MAX_PAGE
from slideshelf.search.indexing import queue_index, reindex, repair, sync
from slideshelf.search.marking import transcript_marks
from slideshelf.search.similar_list import Similar, Why, similar_to
from slideshelf.search.types import Filters, Sort

__all__ = [
    "KNOWN_LANGUAGES",
    "MAX_PAGE",
    "Filters",
    "SearchPage",
    "Similar",
    "Sort",
    "Why",
    "deck_changed",
    "find",
    "near_duplicates_of",
    "reindex",
    "repair",
    "similar_to",
    "sync",
    "transcript_marks",
]


def deck_changed(deck_ids: Iterable[int]) -> None:
    """These decks changed or went: search catches up once the caller's transaction commits."""
    queue_index(deck_ids)
