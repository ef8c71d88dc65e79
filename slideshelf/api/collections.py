"""Collections (a conference, a course): the listed ones, and one with its listed decks in
running order. A collection without a listed deck is a 404, as on the site."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from slideshelf.api.paging import Page, PageQuery, page_of
from slideshelf.api.schemas import PROBLEMS, DeckOut, ProblemOut, request_of
from slideshelf.lib.addresses import absolute
from slideshelf.presentations import access
from slideshelf.presentations.collections import RUNNING_ORDER
from slideshelf.presentations.models import Collection, Presentation

router = Router(tags=["collections"])


class CollectionOut(Schema):
    slug: str
    name: str
    date: datetime.date | None
    place: str
    description: str
    url: str
    deck_count: int

    @staticmethod
    def resolve_url(collection: Collection, context: dict[str, object]) -> str:
        return absolute(request_of(context), reverse("collection", args=[collection.slug]))


class CollectionDetailOut(CollectionOut):
    decks: list[DeckOut]

    @staticmethod
    def resolve_decks(collection: Collection) -> list[Presentation]:
        decks = access.listed_presentations().filter(collection=collection)
        with_names = decks.select_related("owner", "collection").prefetch_related("tags")
        return list(with_names.order_by(*RUNNING_ORDER))


@router.get(
    "/collections/",
    response={200: Page[CollectionOut], PROBLEMS: ProblemOut},
    summary="Collections with listed decks, newest date first",
    url_name="api-collections",
)
def list_collections(request: HttpRequest, asked: Query[PageQuery]) -> dict[str, Any]:
    return page_of(request, access.listed_collections(), asked)


@router.get(
    "/collections/{slug}/",
    response={200: CollectionDetailOut, PROBLEMS: ProblemOut},
    summary="A collection and its listed decks, in running order",
    url_name="api-collection",
)
def read_collection(request: HttpRequest, slug: str) -> Collection:
    return access.listed_collection_or_404(slug)
