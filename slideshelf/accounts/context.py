from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from slideshelf.accounts.models import display_name_of


def account(request: HttpRequest) -> dict[str, Any]:
    """What the page header needs about accounts.

    The display name is a callable, so the template only queries it for signed-in people.
    """
    user = getattr(request, "user", None)
    return {
        "signup_open": settings.SIGNUP != "closed",
        "account_name": (lambda: display_name_of(user)) if user is not None else "",
    }
