"""Who may see, list, change or moderate a deck or a collection. Every surface asks here.

A deck or collection someone may not reach is a 404, never a 403: the address does not tell
whether it exists. Views call these through the module (`access.viewable_or_404(...)`), and a
test walks every URL pattern to check that each view taking a deck or collection does.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as Account
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from slideshelf.presentations.models import Collection, Presentation, Tag, Visibility

User = AbstractBaseUser | AnonymousUser


def is_staff(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and getattr(user, "is_staff", False))


def is_owner(user: User | None, deck: Presentation) -> bool:
    return bool(user is not None and user.is_authenticated and deck.owner_id == user.pk)


def is_public(deck: Presentation) -> bool:
    """Listed, and anyone's to see: what shared caches may keep."""
    return deck.visibility == Visibility.PUBLIC and not deck.hidden_by_staff


def can_view(user: User | None, deck: Presentation) -> bool:
    """Public and unlisted decks are anyone's to see; private ones, and decks staff hid after a
    report, only the owner's and staff's."""
    if deck.visibility != Visibility.PRIVATE and not deck.hidden_by_staff:
        return True
    return is_owner(user, deck) or is_staff(user)


def can_change(user: User | None, deck: Presentation) -> bool:
    """Edit, replace, retry, delete, answer staff: the owner; staff too."""
    return is_owner(user, deck) or is_staff(user)


def listed_presentations() -> QuerySet[Presentation]:
    """Every deck that may appear in a listing, newest first.

    A deck is listed once it has slides to show: while a replacement converts, its previous
    version stays up.
    """
    return Presentation.objects.filter(
        visibility=Visibility.PUBLIC, hidden_by_staff=False, revision__gt=0
    )


def owned_presentations(user: User) -> QuerySet[Presentation]:
    """The user's own decks, listed or not."""
    return Presentation.objects.filter(owner_id=user.pk)


def viewable_or_404(user: User | None, public_id: str) -> Presentation:
    """The deck, or 404 — also for a private deck, so its existence is not revealed."""
    deck = _deck_or_404(public_id)
    if not can_view(user, deck):
        raise Http404("No such presentation")
    return deck


def shown_elsewhere(public_id: str) -> Presentation | None:
    """The deck when other sites may show it (embed player, oEmbed): when anyone may see it,
    whoever is asking. None for a private deck, one staff hid, and an unknown id alike."""
    try:
        deck = _deck_or_404(public_id)
    except Http404:
        return None
    return deck if can_view(None, deck) else None


def changeable_or_404(user: User, public_id: str) -> Presentation:
    """The deck when the user may change it (its owner or staff); 404 otherwise."""
    deck = _deck_or_404(public_id)
    if not can_change(user, deck):
        raise Http404("No such presentation")
    return deck


def moderatable_or_404(user: User, public_id: str) -> Presentation:
    """Any deck, for staff; 404 for everyone else."""
    if not is_staff(user):
        raise Http404("No such page")
    return _deck_or_404(public_id)


def _deck_or_404(public_id: str) -> Presentation:
    try:
        # A plain get: this runs on every page view, cached or not, and must stay cheap.
        return Presentation.objects.get(public_id=public_id)
    except Presentation.DoesNotExist:
        raise Http404("No such presentation") from None


def owned_collections(user: User) -> QuerySet[Collection]:
    return Collection.objects.filter(owner_id=user.pk)


def editable_collections(user: User) -> QuerySet[Collection]:
    """The collections the user may change and put decks in: their own; staff, every one."""
    collections = Collection.objects.order_by("name", "pk")
    return collections if is_staff(user) else collections.filter(owner_id=user.pk)


def listed_collections() -> QuerySet[Collection]:
    """Collections with at least one listed deck, counting only those; newest date first.

    A collection without a listed deck is not shown: its name alone could tell of a private
    deck.
    """
    return (
        Collection.objects.annotate(
            deck_count=Count("presentations", filter=Q(presentations__in=listed_presentations()))
        )
        .filter(deck_count__gt=0)
        .order_by(F("date").desc(nulls_last=True), "name")
    )


def listed_collection_or_404(slug: str) -> Collection:
    found = listed_collections().filter(slug=slug).first()
    if found is None:
        raise Http404("No such collection")
    return found


def listed_tags() -> QuerySet[Tag]:
    """Tags with at least one listed deck: a tag only private decks carry is not shown."""
    return Tag.objects.filter(presentations__in=listed_presentations()).distinct()


def listed_tag_or_404(slug: str) -> Tag:
    found = listed_tags().filter(slug=slug).first()
    if found is None:
        raise Http404("No such tag")
    return found


def listed_uploaders() -> QuerySet[Account]:
    """Active accounts with at least one listed deck: the others have no page of their own."""
    listed = listed_presentations()
    return Account.objects.filter(is_active=True, presentations__in=listed).distinct()


def listed_uploader_or_404(username: str) -> Account:
    found = listed_uploaders().filter(**{Account.USERNAME_FIELD: username}).first()
    if found is None:
        raise Http404("No such uploader")
    return found


def editable_collection_or_404(user: User, slug: str) -> Collection:
    found = editable_collections(user).filter(slug=slug).first()
    if found is None:
        raise Http404("No such collection")
    return found


def decks_to_add(user: User, collection: Collection) -> QuerySet[Presentation]:
    """The decks the user may put in the collection: their own; staff also the collection
    owner's."""
    owners = {user.pk, collection.owner_id} if is_staff(user) else {user.pk}
    return Presentation.objects.filter(owner_id__in=owners)
