"""Download everything: asked for on My presentations, built by the worker, downloaded by
its owner alone."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST, require_safe

from slideshelf.lib.addresses import absolute
from slideshelf.lib.file_response import file_response
from slideshelf.studio.exports import ask_for_export
from slideshelf.studio.models import Export


@login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    ask_for_export(request.user, absolute(request, "/"), get_language())
    messages.success(
        request,
        gettext(
            "Your export is being built. Its link appears here when it is ready: come back in "
            "a moment."
        ),
    )
    return redirect("my-presentations")


@login_required
@require_safe
def download_export(request: HttpRequest, export_id: int) -> HttpResponseBase:
    found = Export.objects.filter(
        pk=export_id, owner_id=request.user.pk, state=Export.State.READY
    ).first()
    if found is None or not found.file.name:
        raise Http404("No such export")
    return file_response(
        found.file.name,
        "application/zip",
        "private, no-cache",
        download_as=found.file.name.rsplit("/", 1)[-1],
    )
