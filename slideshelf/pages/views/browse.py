"""Lists of decks — by tag, collection and uploader — and the list of collections.

Every list starts from `access.listed_presentations()`, so a deck that is unlisted, private or not
ready never shows, not as a card and not in a count. A tag, collection or uploader without a
listed deck is a 404 like an unknown one: its name alone could tell of a private deck.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from slideshelf.lib.paging import paginate
from slideshelf.presentations import access
from slideshelf.presentations.collections import RUNNING_ORDER
from slideshelf.presentations.models import Presentation, with_cards

PER_PAGE = 24
NEWEST_FIRST = ("-created_at", "-pk")


def deck_list(
    request: HttpRequest,
    decks: QuerySet[Presentation],
    template: str,
    context: dict[str, Any] | None = None,
    order: tuple[str, ...] = NEWEST_FIRST,
) -> HttpResponse:
    """A page of decks as cards, newest first unless `order` says otherwise."""
    ordered = with_cards(decks.order_by(*order))
    return render(request, template, {**(context or {}), **paginate(request, ordered, PER_PAGE)})


@require_safe
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.listed_tag_or_404(slug)
    decks = access.listed_presentations().filter(tags=found)
    return deck_list(request, decks, "pages/tag.html", {"tag": found})


@require_safe
def collection(request: HttpRequest, slug: str) -> HttpResponse:
    found = access.listed_collection_or_404(slug)
    return deck_list(
        request,
        access.listed_presentations().filter(collection=found),
        "pages/collection.html",
        {"collection": found},
        order=RUNNING_ORDER,
    )


@require_safe
def uploader(request: HttpRequest, username: str) -> HttpResponse:
    user = access.listed_uploader_or_404(username)
    return deck_list(
        request,
        access.listed_presentations().filter(owner=user),
        "pages/uploader.html",
        {"uploader": user, "name": user.get_full_name() or user.get_username()},
    )


@require_safe
def collections(request: HttpRequest) -> HttpResponse:
    return render(
        request, "pages/collections.html", paginate(request, access.listed_collections(), PER_PAGE)
    )
