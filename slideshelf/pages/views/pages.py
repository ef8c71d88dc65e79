from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from slideshelf.lib.addresses import absolute
from slideshelf.pages import counter, counting
from slideshelf.pages.seo import json_ld
from slideshelf.pages.sharing import share_box
from slideshelf.pages.views.files import download_name, original_type
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.presentations.slide_map import follow
from slideshelf.search.api import similar_to, transcript_marks
from slideshelf.statistics.models import Kind


def presentation(
    request: HttpRequest, public_id: str, slug: str = "", number: int | None = None
) -> HttpResponse:
    deck = access.viewable_or_404(request.user, public_id)
    if slug != deck.slug:
        # /p/<id>/ and stale slugs (after a rename) go to the canonical address.
        target = deck.get_absolute_url()
        if number is not None:
            target += f"{number}/"
        if request.GET:
            target += f"?{request.GET.urlencode()}"  # ?v= says which slide a link meant
        return HttpResponseRedirect(target, status=301) if slug else redirect(target)
    if number is not None and (moved := _moved_slide(request, deck, number)):
        return redirect(moved)
    count_view(request, deck, number)
    key = _cache_key(request, deck)
    if key and (body := cache.get(key)) is not None:
        return HttpResponse(body)
    response = render(request, "pages/presentation.html", page_context(request, deck, number))
    if key:
        cache.set(key, response.content, settings.PAGE_CACHE_SECONDS)
    return response


def _moved_slide(request: HttpRequest, deck: Presentation, number: int) -> str | None:
    """The address of the slide an old link meant, when the deck was replaced since."""
    try:
        version = int(request.GET.get("v", 1))
    except ValueError:
        version = 1
    if version >= deck.slide_version:
        return None
    now = follow(deck.slide_history, number, version)
    return f"{deck.get_absolute_url()}{now}/{deck.slide_query}"


# Slides whose images are in the page's HTML. The viewer's script adds the others as the
# reader reaches them, so an 800-slide deck's page is its text and twenty images.
SLIDES_WITH_IMAGES = 20


@dataclass(frozen=True)
class SlideWindow:
    """A block of slides shown as images without JavaScript: the one holding a slide."""

    first: int
    last: int
    total: int

    @classmethod
    def around(cls, number: int, total: int) -> SlideWindow:
        first = (number - 1) // SLIDES_WITH_IMAGES * SLIDES_WITH_IMAGES + 1
        return cls(first, min(first + SLIDES_WITH_IMAGES - 1, total), total)

    @property
    def before(self) -> SlideWindow | None:
        return SlideWindow.around(self.first - 1, self.total) if self.first > 1 else None

    @property
    def after(self) -> SlideWindow | None:
        return SlideWindow.around(self.last + 1, self.total) if self.last < self.total else None


def page_context(request: HttpRequest, deck: Presentation, number: int | None) -> dict[str, Any]:
    start = min(max(number or 1, 1), max(deck.slide_count, 1))
    window = SlideWindow.around(start, deck.slide_count)
    shown = _slides_with_images(deck, window)
    first = shown.get(1)
    url = absolute(request, deck.get_absolute_url())
    image = absolute(request, first.image_url()) if first else ""
    # Read at most once, and only by what the cached fragments lack: JSON-LD and transcript.
    every_slide = deck.slides.all()
    return {
        "deck": deck,
        # The title is in the deck's language, the words around it in the visitor's.
        "title_html": format_html('<span lang="{}">{}</span>', deck.language, deck.display_title)
        if deck.language
        else deck.display_title,
        "first_slide": first,
        "strip": [slide for n, slide in shown.items() if n <= SLIDES_WITH_IMAGES],
        "window": window,
        "window_slides": [slide for n, slide in shown.items() if window.first <= n <= window.last],
        "slides_with_images": SLIDES_WITH_IMAGES,
        "start": start,
        "start_slide": shown.get(start),
        "slide_query": deck.slide_query,
        **_owner_notices(request, deck),
        "similar": similar_to(deck),
        "canonical": url,
        "og_image": image,
        # Called only when the cached copy is missing.
        "json_ld": lambda: json_ld(deck, list(every_slide), url, image),
        # Called only when the download is offered: the extension the download is saved with.
        "original_extension": lambda: _extension(
            download_name(deck.original_name, original_type(deck))
        ),
        "cache_seconds": settings.PAGE_CACHE_SECONDS,
        # An unlisted deck is anyone's with the link, and in no search engine.
        "noindex": not access.is_public(deck),
        **(share_box(request, deck, first, start) if deck.slide_count else {}),
        **search_marks(request.GET.get("q", ""), deck, every_slide),
    }


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].upper() if "." in name else ""


def _slides_with_images(deck: Presentation, window: SlideWindow) -> dict[int, Slide]:
    """The first slides (the viewer's strip) and the window's, by number, in order."""
    first = Q(number__lte=SLIDES_WITH_IMAGES)
    return {
        slide.number: slide
        for slide in deck.slides.filter(first | Q(number__range=(window.first, window.last)))
    }


MARKED = ("title", "text", "table_text", "alt_texts", "ocr_text", "notes")


def search_marks(text: str, deck: Presentation, slides: Iterable[Slide]) -> dict[str, Any]:
    """The transcript with the words of the search that led here (`?q=`) in <mark>.

    `transcript` pairs each slide with its marked fields, or None when nothing is marked. It
    reads the slides only when iterated: a cached transcript needs none of them.
    """
    marks = transcript_marks(text, deck.language)

    def rows() -> Iterator[tuple[Slide, dict[str, SafeString] | None]]:
        for slide in slides:
            if not marks.query:
                yield slide, None
                continue
            marked = {name: marks.mark(getattr(slide, name)) for name in MARKED}
            yield slide, marked

    return {"search_query": marks.query, "transcript": rows()}


def _owner_notices(request: HttpRequest, deck: Presentation) -> dict[str, Any]:
    """The conversion's state, where the page says something about it: to the owner, about a
    new file converting; to anyone, why a deck without slides has none. Whether the visitor
    may change the deck: its owner and staff see its visibility and the ways to change it."""
    is_owner = access.is_owner(request.user, deck)
    conversion = deck.conversion if is_owner or not deck.has_slides else None
    return {
        "is_owner": is_owner,
        "can_change": access.can_change(request.user, deck),
        "conversion": conversion,
    }


def _cache_key(request: HttpRequest, deck: Presentation) -> str | None:
    """Anonymous visitors all see the same page for a deck, language and address."""
    if not settings.PAGE_CACHE_SECONDS or request.user.is_authenticated or not deck.has_slides:
        return None
    where = f"{get_language()}:{request.get_host()}{request.get_full_path()}"
    return f"page:{deck.page_version}:{where}"


def count_view(request: HttpRequest, deck: Presentation, number: int | None) -> None:
    """One more view, as far as the slide it opens at: no cookie, no address, nothing stored
    about the visitor. The page's reach.js reports it if the reader goes further."""
    if request.method != "GET" or not deck.has_slides:
        return
    if counting.counts_for(request, deck):
        slide = min(max(number or 1, 1), deck.slide_count) if deck.slide_count else None
        counter.count_view(deck.pk, Kind.PAGE, slide)
