"""The signed-in user's own decks: the list, trying a failed one again, deleting one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from slideshelf.presentations.models import Presentation
from slideshelf.uploads.services import delete_presentation, owned_or_404, retry


@login_required
@require_safe
def my_presentations(request: HttpRequest) -> HttpResponse:
    decks = Presentation.objects.filter(owner_id=request.user.pk).order_by("-created_at", "-pk")
    return render(request, "uploads/my.html", {"decks": decks})


@login_required
@require_POST
def retry_presentation(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = owned_or_404(request.user, public_id)
    if retry(deck):
        messages.success(
            request, gettext("“%(title)s” is queued again.") % {"title": deck.display_title}
        )
    return redirect("my-presentations")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = owned_or_404(request.user, public_id)
    if request.method != "POST":
        return render(request, "uploads/delete.html", {"deck": deck})
    title = deck.display_title
    delete_presentation(deck)
    messages.success(request, gettext("“%(title)s” is deleted.") % {"title": title})
    return redirect("my-presentations")
