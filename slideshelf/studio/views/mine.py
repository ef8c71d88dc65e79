"""The signed-in user's own decks: the list, editing, trying a failed one again, deleting."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from slideshelf.lib.paging import paginate
from slideshelf.presentations import access
from slideshelf.presentations.models import FIRST_SLIDE, Presentation
from slideshelf.search import api as search
from slideshelf.statistics.report import Totals, totals_by_deck
from slideshelf.studio.forms import BulkForm, DeckDetailsForm
from slideshelf.studio.lifecycle import change_details, delete_presentation, details_of, retry
from slideshelf.studio.models import Export

# Cards on a page of the owner's list, and so what "Choose all" chooses at most.
PER_PAGE = 50


@login_required
@require_safe
def my_presentations(request: HttpRequest) -> HttpResponse:
    decks = (
        access.owned_presentations(request.user)
        .select_related("conversion")
        .prefetch_related(FIRST_SLIDE)
        .order_by("-created_at", "-pk")
    )
    listing = paginate(request, decks, PER_PAGE)
    shown = list(listing["page"].object_list)
    ids = [deck.pk for deck in shown]
    earlier = search.near_duplicates_of(ids)
    totals = totals_by_deck(ids)
    rows = [MyDeck(deck, earlier.get(deck.pk), totals[deck.pk]) for deck in shown]
    latest_export = Export.objects.filter(owner_id=request.user.pk).first()
    context = {"rows": rows, "export": latest_export, "bulk": BulkForm(user=request.user)}
    return render(request, "studio/my.html", {**context, **listing})


@dataclass(frozen=True)
class MyDeck:
    """A deck on its owner's list: the earlier deck it seems a new version of, its counts."""

    deck: Presentation
    earlier: Presentation | None
    totals: Totals


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
        form = DeckDetailsForm(initial=details_of(deck), user=request.user)
        return render(request, "studio/edit.html", {"deck": deck, "form": form})
    # With the initial values, so the deck's current collection is among the choices.
    form = DeckDetailsForm(request.POST, initial=details_of(deck), user=request.user)
    if not form.is_valid():
        return render(request, "studio/edit.html", {"deck": deck, "form": form}, status=400)
    change_details(deck, form.cleaned_data)
    messages.success(request, gettext("“%(title)s” is saved.") % {"title": deck.display_title})
    return redirect("my-presentations")
