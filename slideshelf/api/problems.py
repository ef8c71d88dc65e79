"""One shape for every error the API gives: RFC 9457 problem details.

`{"type": "about:blank", "title", "status", "code", "detail"?}` as `application/problem+json`;
`code` is for programs (stable, English), `title` and `detail` for people, in the request's
language.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

CONTENT_TYPE = "application/problem+json"


def problem(status: int, code: str, title: str, detail: str = "", **extra: Any) -> JsonResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "code": code}
    if detail:
        body["detail"] = detail
    return JsonResponse(body | extra, status=status, content_type=CONTENT_TYPE)


class Problem(Exception):
    """An error an operation raises; the API answers it as its problem."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str = "",
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or title)
        self.answer = problem(status, code, title, detail, **extra)
        for name, value in (headers or {}).items():
            self.answer[name] = value


def invalid_request(detail: str, errors: list[dict[str, str]]) -> Problem:
    """Values that are not valid, each where it was sent (`where`) with what is wrong."""
    return Problem(422, "invalid_request", _("Invalid request"), detail, errors=errors)


def raised(request: HttpRequest, error: Any) -> HttpResponse:
    answer: HttpResponse = error.answer
    return answer


def not_found(request: HttpRequest, error: Any) -> HttpResponse:
    return problem(404, "not_found", _("Not found"), _("There is nothing at this address."))


def invalid(request: HttpRequest, error: Any) -> HttpResponse:
    errors = [
        {"where": ".".join(map(str, item.get("loc", ()))), "message": item.get("msg", "")}
        for item in error.errors
    ]
    return invalid_request(_("Some values are not valid."), errors).answer


def not_authenticated(request: HttpRequest, error: Any) -> HttpResponse:
    answer = problem(
        401, "not_authenticated", _("Not signed in"), _("Send a token that may do this.")
    )
    answer["WWW-Authenticate"] = 'Bearer realm="slideshelf"'
    return answer


def unreadable(request: HttpRequest, error: Any) -> HttpResponse:
    """A body Django will not read: too many files or fields, a broken multipart body."""
    return problem(
        400, "unreadable_request", _("Invalid request"), _("The request could not be read.")
    )


def http_error(request: HttpRequest, error: Any) -> HttpResponse:
    return problem(error.status_code, "error", str(error.message), str(error.message))


def register(api: NinjaAPI) -> None:
    api.add_exception_handler(Problem, raised)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(AuthenticationError, not_authenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(SuspiciousOperation, unreadable)
