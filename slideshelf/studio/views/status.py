from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from slideshelf.conversion.models import Conversion, Status, TitleFrom
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation
from slideshelf.search import api as search


@require_safe
def status(request: HttpRequest, public_id: str) -> JsonResponse:
    """Where the deck's conversion is; the upload page polls it every second."""
    deck = access.viewable_or_404(request.user, public_id)
    conversion: Conversion = deck.conversion
    response = JsonResponse(
        {
            "status": conversion.status,
            "stage": conversion.stage,
            "stage_label": conversion.stage_label,
            "done": conversion.progress_done,
            "total": conversion.progress_total,
            "error": conversion.failure_text,
            "page_url": deck.get_absolute_url(),
            "duplicate": _near_duplicate(request, deck),
            "title": _chosen_title(request, deck),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


def _near_duplicate(request: HttpRequest, deck: Presentation) -> dict[str, str] | None:
    """For the owner only: the earlier deck this one looks like a new version of."""
    if not access.is_owner(request.user, deck):
        return None
    earlier = search.near_duplicates_of([deck.pk]).get(deck.pk)
    if earlier is None:
        return None
    return {
        "message": gettext("This looks like a new version of “%(title)s”.")
        % {"title": earlier.display_title},
        "url": earlier.get_absolute_url(),
        "action": reverse("make-new-version", args=[deck.public_id]),
        "button": gettext("Make it the new version of “%(title)s”")
        % {"title": earlier.display_title},
    }


def _chosen_title(request: HttpRequest, deck: Presentation) -> dict[str, str] | None:
    """For the owner of a deck they gave no title: the one its conversion chose, where from,
    and where to change it."""
    source = deck.conversion.title_from
    if deck.conversion.status != Status.READY or not source:
        return None
    if not access.is_owner(request.user, deck):
        return None
    return {
        "message": _titled_from(TitleFrom(source), deck.display_title),
        "url": reverse("edit-presentation", args=[deck.public_id]),
        "link": gettext("Change the title"),
    }


def _titled_from(source: TitleFrom, title: str) -> str:
    if source is TitleFrom.SLIDE:
        text = gettext("Titled “%(title)s” from the first slide.")
    elif source is TitleFrom.PROPERTY:
        text = gettext("Titled “%(title)s” from the title saved in the file.")
    else:
        text = gettext("Titled “%(title)s” from the file name.")
    return text % {"title": title}
