"""oEmbed 1.0 (https://oembed.com): what a blog, wiki or chat needs to show a deck from its link.

`/oembed/?url=<a deck's page or player>&format=json|xml[&maxwidth=W][&maxheight=H]` answers
with a `rich` type: the player's iframe, sized to the limits. A deck other sites may not show
(private, hidden by staff, not converted yet) is a 404 like an unknown address; a format other
than JSON or XML is a 501, as the specification asks.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.http import require_safe

from slideshelf.lib.addresses import absolute
from slideshelf.pages.embedding import FrameSize, iframe, slide_shape, start_slide
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation, Slide

CONTENT_TYPES = {"json": "application/json", "xml": "text/xml; charset=utf-8"}
# The addresses of a deck that oEmbed answers for: its page, a slide of it, its player.
DECK_ADDRESSES = {"presentation", "presentation-short", "presentation-slide", "embed"}
CACHE_SECONDS = 3600


@require_safe
def oembed(request: HttpRequest) -> HttpResponse:
    answer_format = request.GET.get("format", "json")
    if answer_format not in CONTENT_TYPES:
        return HttpResponse(
            "Only the json and xml formats are offered.\n", status=501, content_type="text/plain"
        )
    deck, slide = _deck_at(request, request.GET.get("url", ""))
    first = deck.slides.filter(number=1).first()
    size = FrameSize.within(
        slide_shape(first), _limit(request, "maxwidth"), _limit(request, "maxheight")
    )
    data = _answer(request, deck, first, slide, size)
    body = json.dumps(data, ensure_ascii=False) if answer_format == "json" else _xml(data)
    response = HttpResponse(body, content_type=CONTENT_TYPES[answer_format])
    audience = "public" if access.is_public(deck) else "private"
    response["Cache-Control"] = f"{audience}, max-age={CACHE_SECONDS}"
    # What it says is on the deck's page for anyone: any site's script may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _deck_at(request: HttpRequest, url: str) -> tuple[Presentation, int]:
    """The deck a page or player address of this site shows, and the slide it opens at."""
    parts = urlsplit(url)
    ours = urlsplit(settings.SITE_URL).netloc if settings.SITE_URL else request.get_host()
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != ours.lower():
        raise Http404("Not an address of this site")
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        raise Http404("Not a presentation's address") from None
    if match.url_name not in DECK_ADDRESSES:
        raise Http404("Not a presentation's address")
    deck = access.shown_elsewhere(match.kwargs["public_id"])
    if deck is None or not deck.has_slides or not deck.slide_count:
        raise Http404("No such presentation")
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    asked = match.kwargs.get("number") or query.get("slide")
    return deck, start_slide(deck, asked, query.get("v"))


def _limit(request: HttpRequest, name: str) -> int | None:
    """A positive `maxwidth` or `maxheight`; None when absent or not a number."""
    try:
        value = int(request.GET.get(name, ""))
    except ValueError:
        return None
    return value if value > 0 else None


def _answer(
    request: HttpRequest, deck: Presentation, first: Slide | None, slide: int, size: FrameSize
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": "1.0",
        "type": "rich",
        "title": deck.display_title,
        "provider_name": "slideshelf",
        "provider_url": absolute(request, "/"),
        "cache_age": CACHE_SECONDS,
        "html": str(iframe(request, deck, size, slide)),
        "width": size.width,
        "height": size.height,
    }
    if deck.owner:
        username = deck.owner.get_username()
        data["author_name"] = deck.owner.get_full_name() or username
        data["author_url"] = absolute(request, reverse("uploader", args=[username]))
    # The thumbnail must respect the limits too: one too big is left out.
    if first and first.thumb_width <= size.width and first.thumb_height <= size.height:
        data["thumbnail_url"] = absolute(request, first.thumbnail_url())
        data["thumbnail_width"] = first.thumb_width
        data["thumbnail_height"] = first.thumb_height
    return data


def _xml(data: dict[str, Any]) -> bytes:
    root = ElementTree.Element("oembed")
    for name, value in data.items():
        ElementTree.SubElement(root, name).text = str(value)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))
