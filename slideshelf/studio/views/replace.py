"""Replacing a deck's file: same id, same address, slide links following their slides."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation
from slideshelf.search import api as search
from slideshelf.studio import lifecycle
from slideshelf.studio.forms import ReplaceForm
from slideshelf.studio.limits import take_uploads
from slideshelf.studio.views.upload import (
    PAYLOAD_TOO_LARGE,
    TOO_MANY_REQUESTS,
    cannot_keep,
    created,
    first_error,
    wants_json,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def replace(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.changeable_or_404(request.user, public_id)
    if request.method != "POST":
        return _page(request, deck, ReplaceForm())
    form = ReplaceForm(request.POST, request.FILES)
    if not form.is_valid():
        status = PAYLOAD_TOO_LARGE if form.has_error("file", "too_large") else 400
        return _refuse(request, deck, form, first_error(form), status)
    upload = form.cleaned_data["file"]
    try:
        if not take_uploads(request.user, 1):  # counting writes to the database too
            message = gettext("You have uploaded as many files as you can this hour.")
            form.add_error(None, message)
            return _refuse(request, deck, form, message, TOO_MANY_REQUESTS)
        replaced = lifecycle.replace_file(deck, upload, upload.name or "")
    except (OSError, DatabaseError) as error:
        if not (refusal := cannot_keep(error)):
            raise
        form.add_error(None, refusal[0])
        return _refuse(request, deck, form, *refusal)
    if not replaced:
        message = gettext("This is the file the presentation already has.")
        form.add_error("file", message)
        return _refuse(request, deck, form, message, 400)
    if wants_json(request):
        return JsonResponse(created(deck), status=202)
    messages.success(
        request,
        gettext("The new file for “%(title)s” is being converted.") % {"title": deck.display_title},
    )
    return redirect("my-presentations")


def _page(
    request: HttpRequest, deck: Presentation, form: ReplaceForm, status: int = 200
) -> HttpResponse:
    return render(request, "studio/replace.html", {"deck": deck, "form": form}, status=status)


def _refuse(
    request: HttpRequest, deck: Presentation, form: ReplaceForm, message: str, status: int
) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return _page(request, deck, form, status)


@login_required
@require_POST
def make_new_version(request: HttpRequest, public_id: str) -> HttpResponse:
    """Use a new upload as the new file of the earlier deck it duplicates, and drop the upload.

    The earlier deck keeps its address, views and links; its slide links follow their slides.
    """
    upload = access.changeable_or_404(request.user, public_id)
    earlier = search.near_duplicates_of([upload.pk]).get(upload.pk)
    if earlier is None or not access.can_change(request.user, earlier):
        raise Http404("No earlier version")
    lifecycle.make_new_version(upload, earlier)
    messages.success(
        request,
        gettext("The file is now converting as the new version of “%(title)s”.")
        % {"title": earlier.display_title},
    )
    return redirect("my-presentations")
