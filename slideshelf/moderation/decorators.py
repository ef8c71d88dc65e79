"""Who may reach the staff pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from slideshelf.presentations import access


def staff_or_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Staff only; everyone else, signed in or not, gets 404 rather than a login page, so the
    address does not even reveal that a moderation queue exists."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.is_staff(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper
