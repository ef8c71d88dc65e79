"""The upload page: a plain form, and the same view answering one file at a time in JSON."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods

from slideshelf.lib.files import StoreUnavailable, is_disk_full
from slideshelf.presentations.models import Presentation
from slideshelf.studio.forms import UploadForm
from slideshelf.studio.lifecycle import create_uploaded
from slideshelf.studio.limits import take_uploads, uploads_left

TOO_MANY_REQUESTS = 429
PAYLOAD_TOO_LARGE = 413
INSUFFICIENT_STORAGE = 507
SERVICE_UNAVAILABLE = 503


def cannot_keep(error: Exception) -> tuple[str, int] | None:
    """What to tell an uploader whose file could not be kept, and the status: the disk (or
    the database on it) is full, or the object store does not answer; None for other errors."""
    if is_disk_full(error):
        return no_room_text(), INSUFFICIENT_STORAGE
    if isinstance(error, StoreUnavailable):
        return store_down_text(), SERVICE_UNAVAILABLE
    return None


def no_room_text() -> str:
    return gettext(
        "The server has no room for this file just now. Nothing was kept; please try again "
        "later, and tell the site's administrator if it goes on."
    )


def store_down_text() -> str:
    return gettext(
        "The store that keeps the files is not answering just now. Nothing was kept; please "
        "try again in a minute, and tell the site's administrator if it goes on."
    )


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "studio/upload.html", {"form": UploadForm(user=request.user)})
    form = UploadForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        status = PAYLOAD_TOO_LARGE if form.has_error("file", "too_large") else 400
        return _refuse(request, form, first_error(form), status)
    files = form.cleaned_data["file"]
    try:
        if not take_uploads(request.user, len(files)):  # counting writes to the database too
            return _too_many(request, form)
        decks = [
            create_uploaded(upload, request.user, form.cleaned_data)  # type: ignore[arg-type]
            for upload in files
        ]
    except (OSError, DatabaseError) as error:
        if not (refusal := cannot_keep(error)):
            raise
        form.add_error(None, refusal[0])
        return _refuse(request, form, *refusal)
    if wants_json(request):
        return JsonResponse(created(decks[0]), status=201)
    return redirect("my-presentations")


def _too_many(request: HttpRequest, form: UploadForm) -> HttpResponse:
    left = uploads_left(request.user)
    message = ngettext(
        "You can upload %(count)d more presentation this hour.",
        "You can upload %(count)d more presentations this hour.",
        left,
    ) % {"count": left}
    form.add_error(None, message)
    return _refuse(request, form, message, TOO_MANY_REQUESTS)


def created(deck: Presentation) -> dict[str, str]:
    return {
        "id": deck.public_id,
        "status_url": reverse("presentation-status", args=[deck.public_id]),
        "page_url": deck.get_absolute_url(),
    }


def first_error(form: forms.Form) -> str:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else None
        # A file's own message already names the file.
        if field in ("file", "__all__") or not label:
            return str(errors[0])
        return f"{label}: {errors[0]}"
    return gettext("The upload could not be read.")


def _refuse(request: HttpRequest, form: UploadForm, message: str, status: int) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render(request, "studio/upload.html", {"form": form}, status=status)
