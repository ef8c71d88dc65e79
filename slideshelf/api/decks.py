"""Decks: the listed ones a page at a time, and one deck with its slides.

Who may see what is `access`'s to say, as on the site: the list holds listed decks only; a deck
read by its id is anyone's when public or unlisted, its owner's and staff's when private or
hidden, and a 404 for everyone else.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Schema

from slideshelf.api import routes
from slideshelf.api.paging import Page, PageQuery, page_of
from slideshelf.api.schemas import PROBLEMS, DeckDetailOut, DeckOut, ProblemOut
from slideshelf.lib.addresses import absolute
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation

router = routes.decks


class IndexOut(Schema):
    documentation: str
    schema_: str = Field(alias="schema")
    decks: str


@router.get(
    "/",
    response={200: IndexOut},
    by_alias=True,
    summary="Where to start",
    url_name="api-index",
    tags=["about"],
)
def index(request: HttpRequest) -> dict[str, str]:
    return {
        "documentation": absolute(request, reverse("api:openapi-view")),
        "schema": absolute(request, reverse("api:openapi-json")),
        "decks": absolute(request, reverse("api:api-decks")),
    }


class DeckFilters(PageQuery):
    tag: str | None = None
    collection: str | None = None
    owner: str | None = None
    language: str | None = None


@router.get(
    "/decks/",
    response={200: Page[DeckOut], PROBLEMS: ProblemOut},
    summary="Listed decks, newest first",
    url_name="api-decks",
)
def list_decks(request: HttpRequest, filters: Query[DeckFilters]) -> dict[str, Any]:
    decks = access.listed_presentations().select_related("owner", "collection")
    if filters.tag:
        decks = decks.filter(tags__slug=filters.tag)
    if filters.collection:
        decks = decks.filter(collection__slug=filters.collection)
    if filters.owner:
        decks = decks.filter(owner__username=filters.owner)
    if filters.language:
        decks = decks.filter(language=filters.language)
    ordered = decks.prefetch_related("tags").order_by("-created_at", "-pk")
    return page_of(request, ordered, filters)


@router.get(
    "/decks/{public_id}/",
    response={200: DeckDetailOut, 304: None, PROBLEMS: ProblemOut},
    summary="A deck and every slide's text",
    url_name="api-deck",
)
def read_deck(request: HttpRequest, public_id: str) -> HttpResponse:
    """The same answer for anyone who may see the deck (who may is asked every time), so it is
    kept rendered, as the deck's page is, until the deck changes."""
    deck = access.viewable_or_404(request.user, public_id)
    tag = f'"{hashlib.sha256(deck.page_version.encode()).hexdigest()[:32]}"'
    if tag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(_rendered(request, deck), content_type="application/json")
    response["ETag"] = tag
    response["Cache-Control"] = "private, no-cache"
    return response


def _rendered(request: HttpRequest, deck: Presentation) -> str:
    """The deck's answer; its status and view count as they were up to PAGE_CACHE_SECONDS ago."""
    key = f"api-deck:{deck.page_version}:{absolute(request, '/')}"
    body: str | None = cache.get(key) if settings.PAGE_CACHE_SECONDS else None
    if body is None:
        body = DeckDetailOut.from_orm(deck, context={"request": request}).model_dump_json()
        if settings.PAGE_CACHE_SECONDS:
            cache.set(key, body, settings.PAGE_CACHE_SECONDS)
    return body
