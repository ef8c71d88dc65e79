"""The embed player, `/embed/<id>/?slide=N`: a deck's viewer alone, for other sites' iframes.

It reads no session and sets no cookie: who is asking does not matter, so a private deck is
not shown here even to its owner. A deck that cannot be shown gets a short notice, framed like
the player, instead of a broken frame. The visitor's language comes from the browser, or from
`?lang=`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from slideshelf.lib.addresses import absolute
from slideshelf.lib.content_policy import embeddable
from slideshelf.pages import counter, counting
from slideshelf.pages.embedding import oembed_links, start_slide
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation
from slideshelf.statistics.models import Kind

# A public deck's player may be kept by any cache for this long; an unlisted one's by the
# visitor's browser alone. Short: a replaced file's player points at new pictures.
CACHE_SECONDS = 60
# The player as rendered, kept by address for this long without asking the database again:
# a player is loaded as often as the pages around it, and a visibility or file change reaches
# it within these seconds (well inside what browsers may keep it for).
KEEP_SECONDS = 10


@dataclass(frozen=True)
class Player:
    deck_id: int
    public: bool
    body: bytes
    start: int  # the slide it opens at


@require_safe
@embeddable
def embed(request: HttpRequest, public_id: str) -> HttpResponse:
    _use_asked_language(request)
    key = f"embed:{get_language()}:{request.get_host()}{request.get_full_path()}"
    player: Player | None = cache.get(key) if settings.PAGE_CACHE_SECONDS else None
    if player is None:
        deck = access.shown_elsewhere(public_id)
        if deck is None:
            return _notice(request, None, status=404)
        if not deck.has_slides or not deck.slide_count:
            return _notice(request, deck, status=200)
        start = start_slide(deck, request.GET.get("slide"), request.GET.get("v"))
        body = render(request, "pages/embed.html", _context(request, deck, start)).content
        player = Player(deck.pk, access.is_public(deck), body, start)
        if settings.PAGE_CACHE_SECONDS:
            cache.set(key, player, min(KEEP_SECONDS, settings.PAGE_CACHE_SECONDS))
    # Whoever asks, the owner too: the player reads no session to tell.
    if counting.counts(request):
        counter.count_view(player.deck_id, Kind.EMBED, player.start)
    response = HttpResponse(player.body)
    audience = "public" if player.public else "private"
    response["Cache-Control"] = f"{audience}, max-age={CACHE_SECONDS}"
    response["X-Robots-Tag"] = "noindex"
    return response


def _use_asked_language(request: HttpRequest) -> None:
    asked = request.GET.get("lang", "")
    if asked in dict(settings.LANGUAGES):
        translation.activate(asked)
        request.LANGUAGE_CODE = asked


def _context(request: HttpRequest, deck: Presentation, start: int) -> dict[str, object]:
    # What the player needs of every slide: its alt text, and its pictures' sizes.
    fields = ("number", "title", "text", "ocr_text", "width", "height", "image_2x", "width_2x")
    slides = list(deck.slides.only(*fields))
    by_number = {slide.number: slide for slide in slides}
    return {
        "deck": deck,
        "slides": slides,
        "start": start,
        "start_slide": by_number.get(start, slides[0]),
        "first_slide": slides[0],
        "previous_query": _slide_query(request, max(start - 1, 1)),
        "next_query": _slide_query(request, min(start + 1, deck.slide_count)),
        "canonical": absolute(request, deck.get_absolute_url()),
        **oembed_links(request, deck),
    }


def _slide_query(request: HttpRequest, number: int) -> str:
    """This address's query at slide `number`, in today's numbering (no `v`)."""
    query = request.GET.copy()
    query["slide"] = str(number)
    query.pop("v", None)
    return query.urlencode()


def _notice(request: HttpRequest, deck: Presentation | None, status: int) -> HttpResponse:
    context = {"deck": deck, "conversion": deck.conversion if deck else None}
    response = render(request, "pages/embed_notice.html", context, status=status)
    response["Cache-Control"] = "no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response
