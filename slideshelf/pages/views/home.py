from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from slideshelf.pages.views.browse import deck_list
from slideshelf.presentations import access
from slideshelf.presentations.models import with_cards

TOP = 8


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The latest public decks, the most viewed ones and the collections.

    The two short lists are lazy: the template reads them on the first page only.
    """
    listed = access.listed_presentations()
    most_viewed = with_cards(listed.filter(view_count__gt=0).order_by("-view_count", "-pk"))
    return deck_list(
        request,
        listed,
        "pages/home.html",
        {"most_viewed": most_viewed[:TOP], "collections": access.listed_collections()[:TOP]},
    )
