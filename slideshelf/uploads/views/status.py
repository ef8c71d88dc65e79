from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from slideshelf.presentations.access import viewable_or_404
from slideshelf.presentations.models import Presentation, Stage


@require_safe
def status(request: HttpRequest, public_id: str) -> JsonResponse:
    """Where the deck's conversion is; the upload page polls it every second."""
    deck = viewable_or_404(request.user, public_id)
    response = JsonResponse(
        {
            "status": deck.status,
            "stage": deck.stage,
            "stage_label": str(Stage(deck.stage).label) if deck.stage in Stage else deck.stage,
            "done": deck.progress_done,
            "total": deck.progress_total,
            "error": deck.error_text,
            "page_url": deck.get_absolute_url(),
            "duplicate": _near_duplicate(request, deck),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


def _near_duplicate(request: HttpRequest, deck: Presentation) -> dict[str, str] | None:
    """For the owner only: the earlier deck this one looks like a new version of."""
    earlier = deck.near_duplicate_of
    if earlier is None or request.user.pk != deck.owner_id:
        return None
    return {
        "message": gettext("This looks like a new version of “%(title)s”.")
        % {"title": earlier.display_title},
        "url": earlier.get_absolute_url(),
        "action": reverse("make-new-version", args=[deck.public_id]),
        "button": gettext("Make it the new version of “%(title)s”")
        % {"title": earlier.display_title},
    }
