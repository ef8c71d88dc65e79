"""The signed-in user's collections (events): list, create, edit, running order, delete.

Only a collection's owner and staff may change it; anyone else gets a 404, as for a deck, so
the address does not tell whether the collection exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Count, F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from slideshelf.presentations import access
from slideshelf.presentations import collections as running_order
from slideshelf.presentations.models import Collection, Presentation
from slideshelf.studio.collection_forms import (
    MOVES,
    AddDecksForm,
    CollectionForm,
    RunningOrderForm,
)

GET_OR_POST = ["GET", "HEAD", "POST"]


def addable_decks(user: access.User, collection: Collection) -> QuerySet[Presentation]:
    """The decks the user may add to the collection that are not in it yet."""
    return (
        access.decks_to_add(user, collection)
        .exclude(collection=collection)
        .select_related("collection")
        .order_by("-created_at", "-pk")
    )


@login_required
@require_safe
def my_collections(request: HttpRequest) -> HttpResponse:
    mine = (
        access.owned_collections(request.user)
        .annotate(deck_count=Count("presentations"))
        .order_by(F("date").desc(nulls_last=True), "name")
    )
    return render(request, "studio/collection_list.html", {"collections": mine})


@login_required
@require_http_methods(GET_OR_POST)
def new(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "studio/collection_new.html", {"form": CollectionForm()})
    form = CollectionForm(request.POST)
    if not form.is_valid():
        return render(request, "studio/collection_new.html", {"form": form}, status=400)
    owner = request.user
    assert isinstance(owner, User)  # login_required let only a signed-in user in
    collection = running_order.create_collection(owner, **form.cleaned_data)
    messages.success(request, gettext("“%(name)s” is created.") % {"name": collection.name})
    return redirect("edit-collection", collection.slug)


@login_required
@require_http_methods(GET_OR_POST)
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    collection = access.editable_collection_or_404(request.user, slug)
    if request.method != "POST":
        return _edit_page(request, collection, CollectionForm(instance=collection))
    # A copy: a refused name must not become the page's heading.
    # The slug stays as it was, so links to the collection page keep working after a rename.
    form = CollectionForm(request.POST, instance=Collection.objects.get(pk=collection.pk))
    if not form.is_valid():
        return _edit_page(request, collection, form, status=400)
    saved = form.save()
    messages.success(request, gettext("“%(name)s” is saved.") % {"name": saved.name})
    return redirect("edit-collection", collection.slug)


@login_required
@require_POST
def reorder(request: HttpRequest, slug: str) -> HttpResponse:
    collection = access.editable_collection_or_404(request.user, slug)
    form = RunningOrderForm(request.POST, decks=collection.presentations.all())
    if not form.is_valid():
        return _edit_page(request, collection, order_form=form, status=400)
    deck, action = form.cleaned_data["deck"], form.cleaned_data["action"]
    title = {"title": deck.display_title}
    if action == "remove":
        running_order.set_collection(deck, None)
        messages.success(request, gettext("“%(title)s” is out of the collection.") % title)
        return redirect(_edit_url(collection, "running-order"))
    running_order.move(collection, deck, MOVES[action])
    if action == "up":
        messages.success(request, gettext("“%(title)s” moved up.") % title)
    else:
        messages.success(request, gettext("“%(title)s” moved down.") % title)
    # Back where the button was, so a keyboard user can press it again.
    return redirect(_edit_url(collection, f"deck-{deck.public_id}"))


@login_required
@require_POST
def add(request: HttpRequest, slug: str) -> HttpResponse:
    collection = access.editable_collection_or_404(request.user, slug)
    form = AddDecksForm(request.POST, decks=addable_decks(request.user, collection))
    if not form.is_valid():
        return _edit_page(request, collection, add_form=form, status=400)
    chosen = sorted(form.cleaned_data["decks"], key=lambda deck: (deck.created_at, deck.pk))
    running_order.add_decks(collection, chosen)
    messages.success(
        request, gettext("The presentations are added at the end of the running order.")
    )
    return redirect(_edit_url(collection, "running-order"))


@login_required
@require_http_methods(GET_OR_POST)
def delete(request: HttpRequest, slug: str) -> HttpResponse:
    collection = access.editable_collection_or_404(request.user, slug)
    if request.method != "POST":
        count = collection.presentations.count()
        context = {"collection": collection, "deck_count": count}
        return render(request, "studio/collection_delete.html", context)
    name = collection.name
    running_order.delete_collection(collection)
    messages.success(request, gettext("“%(name)s” is deleted.") % {"name": name})
    return redirect("my-collections")


def _edit_url(collection: Collection, fragment: str) -> str:
    return f"{reverse('edit-collection', args=[collection.slug])}#{fragment}"


def _edit_page(
    request: HttpRequest,
    collection: Collection,
    form: CollectionForm | None = None,
    *,
    order_form: RunningOrderForm | None = None,
    add_form: AddDecksForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "collection": collection,
        "form": form or CollectionForm(instance=collection),
        "decks": running_order.in_running_order(collection),
        "order_form": order_form,
        "add_form": add_form or AddDecksForm(decks=addable_decks(request.user, collection)),
    }
    return render(request, "studio/collection_edit.html", context, status=status)
