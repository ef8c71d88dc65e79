"""The signed-in user's own decks: the list, editing, trying a failed one again, deleting."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from slideshelf.presentations import access
from slideshelf.presentations.collections import set_collection
from slideshelf.presentations.models import Presentation, Tag
from slideshelf.search import api as search
from slideshelf.studio.forms import DeckDetailsForm
from slideshelf.studio.lifecycle import delete_presentation, retry


@login_required
@require_safe
def my_presentations(request: HttpRequest) -> HttpResponse:
    decks = list(
        access.owned_presentations(request.user)
        .select_related("conversion")
        .order_by("-created_at", "-pk")
    )
    earlier = search.near_duplicates_of([deck.pk for deck in decks])
    rows = [(deck, earlier.get(deck.pk)) for deck in decks]
    return render(request, "studio/my.html", {"rows": rows})


@login_required
@require_POST
def retry_presentation(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.changeable_or_404(request.user, public_id)
    if retry(deck):
        messages.success(
            request, gettext("“%(title)s” is queued again.") % {"title": deck.display_title}
        )
    return redirect("my-presentations")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.changeable_or_404(request.user, public_id)
    if request.method != "POST":
        return render(request, "studio/delete.html", {"deck": deck})
    title = deck.display_title
    delete_presentation(deck)
    messages.success(request, gettext("“%(title)s” is deleted.") % {"title": title})
    return redirect("my-presentations")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.changeable_or_404(request.user, public_id)
    if request.method != "POST":
        form = DeckDetailsForm(initial=_details(deck), user=request.user)
        return render(request, "studio/edit.html", {"deck": deck, "form": form})
    # With the initial values, so the deck's current collection is among the choices.
    form = DeckDetailsForm(request.POST, initial=_details(deck), user=request.user)
    if not form.is_valid():
        return render(request, "studio/edit.html", {"deck": deck, "form": form}, status=400)
    details = form.cleaned_data
    fields = ("title", "description", "language", "download_allowed", "licence")
    for field in fields:
        setattr(deck, field, details[field])
    deck.set_visibility(details["visibility"])  # a change moves the deck's images
    deck.save()  # a new updated_at: cached pages of the deck are not served any more
    deck.tags.set([Tag.named(name) for name in details["tags"]])
    set_collection(deck, details["collection"])  # at the end of a collection it joins
    messages.success(request, gettext("“%(title)s” is saved.") % {"title": deck.display_title})
    return redirect("my-presentations")


def _details(deck: Presentation) -> dict[str, object]:
    return {
        "title": deck.title,
        "description": deck.description,
        "tags": ", ".join(tag.name for tag in deck.tags.all()),
        "language": deck.language,
        "visibility": deck.visibility,
        "download_allowed": deck.download_allowed,
        "licence": deck.licence,
        "collection": deck.collection_id,
    }
