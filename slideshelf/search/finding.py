"""Finding decks: one search of the configured engine, as fresh as the database."""

from __future__ import annotations

from dataclasses import dataclass

from slideshelf.presentations.access import listed_presentations
from slideshelf.search import query as query_parser
from slideshelf.search.engines import engine
from slideshelf.search.models import PendingIndex
from slideshelf.search.types import DeckHit, Facets, Filters, ParsedQuery, Sort

SLIDES_PER_DECK = 3


@dataclass(frozen=True)
class SearchPage:
    query: ParsedQuery
    total: int
    hits: tuple[DeckHit, ...]  # listed decks' ids, best first, each with its matching slides
    facets: Facets
    too_broad: bool = False
    page: int = 1  # the page served: the last one when the page asked for was past the end


def find(
    text: str,
    filters: Filters | None = None,
    sort: Sort = Sort.RELEVANCE,
    page: int = 1,
    per_page: int = 10,
) -> SearchPage:
    """One page of decks matching what a visitor typed, each with its matching slides.

    As fresh as the database: a deck whose change still waits in the outbox is left out unless
    it is listed, and the engines see every change applied before the outbox row went. Hits
    are ids; whoever shows them loads the decks through `listed_presentations()`. A page past
    the end is served as the last page, by the same single search.
    """
    parsed = query_parser.parse(text)
    if parsed.is_empty:
        return SearchPage(parsed, 0, (), {})
    filters = _without_pending_unlisted(filters or Filters())
    offset = (max(page, 1) - 1) * per_page
    found = engine().search(parsed, filters, sort, offset, per_page, SLIDES_PER_DECK)
    served = found.offset // max(per_page, 1) + 1
    return SearchPage(parsed, found.total, found.hits, found.facets, found.too_broad, served)


def _without_pending_unlisted(filters: Filters) -> Filters:
    pending = set(PendingIndex.objects.values_list("deck_id", flat=True)[:10_000])
    if not pending:
        return filters
    still_listed = set(listed_presentations().filter(pk__in=pending).values_list("pk", flat=True))
    hidden = frozenset(pending - still_listed)
    return Filters(**{**filters.__dict__, "exclude_ids": filters.exclude_ids | hidden})
