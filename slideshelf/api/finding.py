"""Search and similar lists, as the site's search page and deck pages give them.

Search takes the search page's words and filters (`q`, `language`, `tag`, `collection`,
`uploader`, `year`, `sort`) and answers each deck with its matching slides, the words to mark
as spans of each slide's text, and the facets. Hits are listed decks only, as on the page.
"""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from slideshelf.api.paging import PageQuery, address_of_page
from slideshelf.api.schemas import PROBLEMS, DeckOut, ProblemOut
from slideshelf.presentations import access
from slideshelf.search import api as search

router = Router(tags=["search"])


class SearchQuery(PageQuery):
    q: str = Field("", max_length=500)
    language: str = ""
    tag: str = ""
    collection: str = ""
    uploader: str = ""
    year: int | None = Field(None, ge=1, le=9999)
    sort: search.Sort = search.Sort.RELEVANCE
    page: int = Field(1, ge=1, le=search.MAX_PAGE)


class SlideHitOut(Schema):
    number: int
    text: str
    spans: list[tuple[int, int]]


class HitOut(Schema):
    deck: DeckOut
    score: float
    slides: list[SlideHitOut]


class FacetValue(Schema):
    value: str
    count: int


class SearchOut(Schema):
    count: int
    next: str | None
    previous: str | None
    too_broad: bool
    results: list[HitOut]
    facets: dict[str, list[FacetValue]]


class SimilarOut(Schema):
    deck: DeckOut
    why: str
    words: list[str]


@router.get(
    "/search/",
    response={200: SearchOut, PROBLEMS: ProblemOut},
    summary="Decks matching words, with their slides",
    url_name="api-search",
)
def search_decks(request: HttpRequest, asked: Query[SearchQuery]) -> dict[str, Any]:
    filters = search.Filters(
        language=asked.language,
        tag=asked.tag,
        collection=asked.collection,
        uploader=asked.uploader,
        year=asked.year,
    )
    found = search.find(asked.q, filters, asked.sort, asked.page, asked.page_size)
    decks = access.listed_presentations().select_related("owner", "collection")
    by_id = decks.prefetch_related("tags").in_bulk([hit.deck_id for hit in found.hits])
    results = [
        {"deck": by_id[hit.deck_id], "score": hit.score, "slides": list(hit.slides)}
        for hit in found.hits
        if hit.deck_id in by_id
    ]
    last = (found.total + asked.page_size - 1) // asked.page_size
    return {
        "count": found.total,
        "next": address_of_page(request, found.page + 1) if found.page < last else None,
        "previous": address_of_page(request, found.page - 1) if found.page > 1 else None,
        "too_broad": found.too_broad,
        "results": results,
        "facets": {
            name: [{"value": value, "count": count} for value, count in values]
            for name, values in found.facets.items()
        },
    }


@router.get(
    "/decks/{public_id}/similar/",
    response={200: list[SimilarOut], PROBLEMS: ProblemOut},
    summary="Listed decks like this one, best first",
    url_name="api-similar",
    tags=["decks"],
)
def similar(request: HttpRequest, public_id: str) -> list[dict[str, Any]]:
    deck = access.viewable_or_404(request.user, public_id)
    items = search.similar_to(deck)
    # Their tags and collection, which each deck's answer names, in two queries in all.
    prefetch_related_objects([item.deck for item in items], "tags", "collection")
    return [{"deck": item.deck, "why": str(item.why), "words": list(item.words)} for item in items]
