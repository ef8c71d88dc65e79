"""The share box on a deck's page: its link, the current slide's link, and the embed code.

Everything is text in the page, to select and copy without JavaScript; the size and start
slide of the embed code are a form (`?embed_width=&embed_slide=`) that the script turns into
live changes.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from slideshelf.lib.addresses import absolute
from slideshelf.pages.embedding import (
    BAR_HEIGHT,
    DEFAULT_WIDTH,
    WIDTHS,
    FrameSize,
    iframe,
    oembed_links,
    slide_shape,
    start_slide,
)
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation, Slide


def share_box(
    request: HttpRequest, deck: Presentation, first: Slide | None, start: int
) -> dict[str, Any]:
    page = absolute(request, deck.get_absolute_url())
    shown_elsewhere = access.can_view(None, deck)
    box: dict[str, Any] = {
        "page_link": page,
        "slide_link": f"{page}{start}/{deck.slide_query}",
        "embeddable": shown_elsewhere,
        "open": "embed_width" in request.GET or "embed_slide" in request.GET,
    }
    if not shown_elsewhere:
        return {"share": box}
    shape = slide_shape(first)
    width = _chosen_width(request.GET.get("embed_width"))
    slide = start_slide(deck, request.GET.get("embed_slide") or start)
    box |= {
        "widths": [FrameSize.for_width(choice, shape) for choice in WIDTHS],
        "width": width,
        "slide": slide,
        "code": iframe(request, deck, FrameSize.for_width(width, shape), slide),
        "shape": f"{shape[0]} {shape[1]}",
        "bar": BAR_HEIGHT,
    }
    return {"share": box, **oembed_links(request, deck)}


def _chosen_width(asked: str | None) -> int:
    try:
        width = int(asked or DEFAULT_WIDTH)
    except ValueError:
        return DEFAULT_WIDTH
    return width if width in WIDTHS else DEFAULT_WIDTH
