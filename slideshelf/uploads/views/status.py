from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from slideshelf.presentations.access import viewable_or_404
from slideshelf.presentations.models import Stage


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
        }
    )
    response["Cache-Control"] = "no-store"
    return response
