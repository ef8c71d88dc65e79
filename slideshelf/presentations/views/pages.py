from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render

from slideshelf.presentations.access import viewable_or_404


def presentation(
    request: HttpRequest, public_id: str, slug: str = "", number: int | None = None
) -> HttpResponse:
    deck = viewable_or_404(request.user, public_id)
    if slug != deck.slug:
        # /p/<id>/ and stale slugs (after a rename) go to the canonical address.
        target = deck.get_absolute_url()
        if number is not None:
            target += f"{number}/"
        return HttpResponseRedirect(target, status=301) if slug else redirect(target)
    slides = list(deck.slides.all())
    start = min(max(number or 1, 1), max(len(slides), 1))
    return render(
        request,
        "presentations/presentation.html",
        {"deck": deck, "slides": slides, "start": start},
    )
