"""Every view that takes a deck or a collection asks the access module about it.

The module's functions are wrapped with a recorder (a spy: each still does its work), and
every URL pattern whose address names a deck or a collection is requested. A view that
decides on its own, or imports an access function by name and so escapes the spy, fails.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from slideshelf.presentations import access
from slideshelf.presentations.models import Collection
from slideshelf.urls import deck_routes
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = pytest.mark.django_db

# Addresses whose `slug` is a collection's; every other `slug` beside a `public_id` is a deck's.
COLLECTION_ROUTES = {
    "collection",
    "collection-feed-rss",
    "collection-feed-atom",
    "edit-collection",
    "delete-collection",
    "reorder-collection",
    "add-to-collection",
}

DECK_ROUTES = {route.name for route in deck_routes if route.name}
# Addresses that take no deck and never show one: monitoring, which names routes, not paths.
MONITORING_ROUTES = {"healthz", "metrics"}


def patterns(resolvers: list | None = None) -> Iterator[URLPattern]:
    for pattern in get_resolver().url_patterns if resolvers is None else resolvers:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                yield from patterns(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern


def takes_a_deck_or_collection(pattern: URLPattern) -> bool:
    route = str(pattern.pattern)
    return "public_id" in route or pattern.name in COLLECTION_ROUTES


def deck_and_collection_views() -> list[str]:
    names = {pattern.name for pattern in patterns() if takes_a_deck_or_collection(pattern)}
    # The `p/<public_id>/` prefix is on the include, not the pattern: take its routes too.
    return sorted(names | DECK_ROUTES)


@pytest.fixture
def world(media):
    owner = make_user("ada")
    deck = convert_now(upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", owner=owner))
    collection = Collection.objects.create(name="Höstmöte", slug="hostmote", owner=owner)
    deck.collection = collection
    deck.save()
    return owner, deck, collection


def address(name: str, deck, collection) -> str:
    kwargs = {
        "public_id": deck.public_id,
        "slug": collection.slug if name in COLLECTION_ROUTES else deck.slug,
        "number": 1,
        "revision": deck.revision,
        "audience": deck.audience,
        "name": "1.webp",
    }
    wanted = _parameters(name)
    kwargs = {key: value for key, value in kwargs.items() if key in wanted}
    return reverse(qualified_names()[name], kwargs=kwargs)


def qualified_names(resolvers: list | None = None, namespace: str = "") -> dict[str, str]:
    """Each address's name, with its namespace where it has one (the API's: `api:…`)."""
    names: dict[str, str] = {}
    for pattern in get_resolver().url_patterns if resolvers is None else resolvers:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                names |= qualified_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names[pattern.name] = namespace + pattern.name
    return names


def _parameters(name: str) -> set[str]:
    """The names an address takes, the `p/<public_id>/` prefix of the deck routes included."""
    for pattern in patterns():
        if pattern.name == name:
            taken = set(re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern)))
            return taken | ({"public_id"} if name in DECK_ROUTES else set())
    raise LookupError(name)


@pytest.fixture
def recorded() -> Iterator[list[str]]:
    calls: list[str] = []
    public = [
        name
        for name, value in vars(access).items()
        if inspect.isfunction(value) and value.__module__ == access.__name__
    ]
    patches = [
        mock.patch.object(access, name, side_effect=_recording(getattr(access, name), calls))
        for name in public
    ]
    for patch in patches:
        patch.start()
    yield calls
    for patch in patches:
        patch.stop()


def _recording(function, calls: list[str]):
    def record(*args, **kwargs):
        calls.append(function.__name__)
        return function(*args, **kwargs)

    return record


def test_the_walk_finds_every_kind_of_view():
    views = deck_and_collection_views()
    assert {"presentation", "slide-image", "edit-presentation", "moderation-hide"} <= set(views)
    assert {"collection", "edit-collection", "add-to-collection"} <= set(views)


@pytest.mark.parametrize("name", deck_and_collection_views())
def test_view_asks_the_access_module(client, world, recorded, name):
    owner, deck, collection = world
    owner.is_staff = True  # staff pages too; the owner's pages let staff in as well
    owner.save()
    client.force_login(owner)
    url = address(name, deck, collection)
    response = client.get(url)
    if response.status_code == 405:
        # A file too, for the API's operations that take one: they check their input first.
        response = client.post(url, {"file": SimpleUploadedFile("deck.pdf", b"%PDF-1.4")})
    assert response.status_code < 500
    assert recorded, f"{name} ({url}) decided who may use it without the access module"


def test_monitoring_takes_no_deck_and_shows_none(client, world):
    _, deck, collection = world
    client.get(deck.get_absolute_url())  # timed, by its route's name
    assert not MONITORING_ROUTES & set(deck_and_collection_views())
    for name in MONITORING_ROUTES:
        text = client.get(reverse(name)).content.decode()
        assert deck.public_id not in text and collection.slug not in text, name
