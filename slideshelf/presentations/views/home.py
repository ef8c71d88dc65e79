from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Slide

PER_PAGE = 24


def home(request: HttpRequest) -> HttpResponse:
    """The latest public decks, each with its first slide's thumbnail."""
    first_slide = Prefetch("slides", Slide.objects.filter(number=1), to_attr="first_slides")
    decks = listed_presentations().select_related("owner").prefetch_related(first_slide)
    page = Paginator(decks, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "presentations/home.html", {"page": page})
