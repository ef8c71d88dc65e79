"""The search engines behind the facade, and the one configured for this site."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Protocol

from django.conf import settings

# Both import cleanly whatever the configuration: tantivy is a dependency, and the PostgreSQL
# engine talks to the database only through Django's connection.
from slideshelf.search.engines.embedded import TantivyEngine
from slideshelf.search.engines.postgres import PostgresEngine
from slideshelf.search.types import DeckDoc, Filters, ParsedQuery, Results, Sort


class Engine(Protocol):
    """What every engine does. Terms come from `search.analysis`, so engines agree on them."""

    def index(self, docs: Sequence[DeckDoc]) -> None:
        """Add or replace these decks (and their slides)."""

    def remove(self, deck_ids: Iterable[int]) -> None:
        """Forget these decks; unknown ids are fine."""

    def clear(self) -> None:
        """Forget everything (before a rebuild)."""

    def search(
        self, query: ParsedQuery, filters: Filters, sort: Sort, offset: int, limit: int, slides: int
    ) -> Results:
        """Up to `limit` matching decks from `offset`, best (or newest) first, each with its
        `slides` best-matching slides as data (text and the offsets of the words, no HTML).

        An offset past the last match serves the last page instead (the first when nothing
        matches), from the same search, and `Results.offset` says which was served: a page past
        the end never needs a second search.
        """

    def indexed_ids(self) -> set[int]:
        """Every deck id in the index, to find what a crash left out."""

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """In how many indexed decks each term occurs."""

    def deck_count(self) -> int: ...


@functools.cache
def engine() -> Engine:
    """The engine `SLIDESHELF_SEARCH_ENGINE` names (one per process)."""
    if settings.SEARCH_ENGINE == "postgres":
        return PostgresEngine()
    return TantivyEngine(settings.SEARCH_INDEX_DIR)
