"""One action for several of the owner's decks at once: who may see them, or deleting them
(after the owner has seen the list of what goes)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from slideshelf.presentations.models import Visibility
from slideshelf.studio.forms import BulkAction, BulkForm
from slideshelf.studio.lifecycle import change_visibility, delete_presentation


@login_required
@require_POST
def bulk_change(request: HttpRequest) -> HttpResponse:
    form = BulkForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.errors.as_data().values():
            messages.error(request, " ".join(error[0].messages))
        return redirect("my-presentations")
    decks = form.chosen_decks()
    action = form.cleaned_data["action"]
    if action != BulkAction.DELETE:
        with transaction.atomic():
            changed = sum(change_visibility(deck, action) for deck in decks)
        messages.success(request, _visibility_changed(changed, Visibility(action)))
        return redirect("my-presentations")
    if "confirmed" not in request.POST:
        return render(request, "studio/bulk_delete.html", {"decks": decks})
    for deck in decks:
        delete_presentation(deck)
    messages.success(
        request,
        ngettext(
            "%(count)d presentation is deleted.", "%(count)d presentations are deleted.", len(decks)
        )
        % {"count": len(decks)},
    )
    return redirect("my-presentations")


def _visibility_changed(count: int, visibility: Visibility) -> str:
    texts = {
        Visibility.PUBLIC: ngettext(
            "%(count)d presentation is public now.",
            "%(count)d presentations are public now.",
            count,
        ),
        Visibility.UNLISTED: ngettext(
            "%(count)d presentation is unlisted now.",
            "%(count)d presentations are unlisted now.",
            count,
        ),
        Visibility.PRIVATE: ngettext(
            "%(count)d presentation is private now.",
            "%(count)d presentations are private now.",
            count,
        ),
    }
    return texts[visibility] % {"count": count}
