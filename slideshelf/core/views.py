from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

LANGUAGE_CODES = {code for code, _ in settings.LANGUAGES}
ONE_YEAR = 365 * 24 * 3600


@require_safe
def language(request: HttpRequest, code: str) -> HttpResponseRedirect:
    """Switch the interface language with a plain link.

    A link rather than Django's POST form: the form needs a CSRF cookie on every page,
    and anonymous visitors get no cookie until they choose a language themselves.
    """
    if code not in LANGUAGE_CODES:
        raise Http404("Unknown language")
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
