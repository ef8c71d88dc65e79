"""Slide images: who may keep a copy, and new addresses whenever who may see the deck changes.

A public deck's images are cached by anyone for good; an unlisted or private deck's by the
visitor's browser alone. A copy a shared cache kept while the deck was public stays there, so
the deck's images move: pages link the new addresses at once, and the old ones serve no one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.test import Client

from slideshelf.moderation.services import hide, restore
from slideshelf.presentations.models import Presentation, Visibility
from tests.factories import deck_with_slides
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

NAMES = ("1.webp", "1-thumb.webp", "1@2x.webp", "1-thumb@2x.webp")
PUBLIC_FOR_GOOD = "public, max-age=31536000, immutable"


@pytest.fixture
def owner():
    return make_user("owner")


@pytest.fixture
def staff():
    return make_user("staff", is_staff=True)


@pytest.fixture
def deck(media, owner) -> Presentation:
    deck = deck_with_slides(3, owner=owner, title="Caching talk")
    folder = Path(media) / deck.media_prefix()
    for number in range(1, 4):  # the 2× pictures are served by the same view
        os.link(folder / "picture.webp", folder / f"{number}@2x.webp")
        os.link(folder / "small.webp", folder / f"{number}-thumb@2x.webp")
    return deck


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def image_folders(html: str, deck: Presentation) -> set[str]:
    """The image folders (`/p/<id>/r<revision>.<audience>/`) the page links, anywhere in it:
    the viewer, the strip, the transcript, og:image and JSON-LD."""
    return set(re.findall(rf"/p/{deck.public_id}/r[0-9]+\.[a-z-]+/", html))


def folder_on_page(client: Client, deck: Presentation) -> str:
    response = client.get(deck.get_absolute_url())
    assert response.status_code == 200
    folders = image_folders(response.content.decode(), deck)
    assert len(folders) == 1, folders
    return folders.pop()


def set_visibility(owner, deck: Presentation, visibility: str, title: str = "") -> None:
    """As the owner does it: the edit form."""
    response = signed_in(owner).post(
        f"/my/{deck.public_id}/edit/",
        {"title": title or deck.title, "visibility": visibility, "download_allowed": "on"},
    )
    assert response.status_code == 302


def answers(client: Client, url: str) -> int:
    response = client.get(url)
    if response.status_code == 200:
        b"".join(response.streaming_content)  # close the file
    return response.status_code


@pytest.mark.parametrize("name", NAMES)
def test_public_deck_images_may_be_cached_by_anyone_for_good(client, deck, name):
    response = client.get(f"{deck.slide_image_prefix}{name}")
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == PUBLIC_FOR_GOOD
    response.close()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("visibility", [Visibility.UNLISTED, Visibility.PRIVATE])
def test_unlisted_and_private_deck_images_are_for_the_visitors_browser_alone(
    deck, owner, visibility, name
):
    set_visibility(owner, deck, visibility)
    deck.refresh_from_db()
    response = signed_in(owner).get(f"{deck.slide_image_prefix}{name}")
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert cache_control.startswith("private, max-age=")
    assert "public" not in cache_control and "immutable" not in cache_control
    response.close()


def test_images_of_a_deck_hidden_by_staff_are_not_cached_by_shared_caches(deck, owner, staff):
    hide(deck, staff, "A reason.")
    response = signed_in(owner).get(f"{deck.slide_image_prefix}1.webp")
    assert response.status_code == 200 and response["Cache-Control"].startswith("private,")
    response.close()


def test_making_a_public_deck_private_moves_its_images_and_the_old_ones_serve_no_one(
    client, deck, owner, staff
):
    public = folder_on_page(client, deck)
    assert answers(client, f"{public}1.webp") == 200

    set_visibility(owner, deck, Visibility.PRIVATE)
    private = folder_on_page(signed_in(owner), deck)
    assert private != public
    for visitor in (client, signed_in(owner), signed_in(staff)):
        for name in NAMES:
            assert answers(visitor, f"{public}{name}") == 404, name
    assert answers(client, f"{private}1.webp") == 404, "a private deck's images need access"
    assert answers(signed_in(owner), f"{private}1.webp") == 200

    set_visibility(owner, deck, Visibility.PUBLIC)
    again = folder_on_page(client, deck)
    assert again == public, "public again: the public's address, whatever caches kept of it"
    for visitor in (client, signed_in(owner)):
        assert answers(visitor, f"{private}1.webp") == 404
    response = client.get(f"{again}1.webp")
    assert response["Cache-Control"] == PUBLIC_FOR_GOOD
    response.close()


def test_the_cached_page_of_an_anonymous_visitor_shows_the_new_addresses_at_once(
    client, deck, owner, settings
):
    settings.PAGE_CACHE_SECONDS = 60
    before = folder_on_page(client, deck)
    assert folder_on_page(client, deck) == before  # the cached copy

    set_visibility(owner, deck, Visibility.UNLISTED)  # still anyone's to see with the link
    html = client.get(deck.get_absolute_url()).content.decode()
    after = image_folders(html, deck)
    assert len(after) == 1 and before not in after, "every image address on the page moved"
    (folder,) = after
    assert f'<meta property="og:image" content="http://testserver{folder}1.webp">' in html
    assert f'"thumbnailUrl": "http://testserver{folder}1.webp"' in html
    assert answers(client, f"{folder}1-thumb.webp") == 200


def test_hiding_and_restoring_by_staff_move_the_images(client, deck, owner, staff, settings):
    settings.PAGE_CACHE_SECONDS = 60
    shown = folder_on_page(client, deck)
    hide(deck, staff, "A reason.")
    hidden = folder_on_page(signed_in(owner), deck)
    assert hidden != shown and answers(signed_in(owner), f"{shown}1.webp") == 404

    restore(deck, staff)
    again = folder_on_page(client, deck)
    assert again == shown
    assert answers(client, f"{hidden}1.webp") == 404 and answers(client, f"{again}1.webp") == 200


def test_editing_anything_else_keeps_the_addresses_and_what_browsers_kept(client, deck, owner):
    before = folder_on_page(client, deck)
    set_visibility(owner, deck, Visibility.PUBLIC, title="A new title")
    deck.refresh_from_db()
    assert deck.title == "A new title"
    assert folder_on_page(client, deck) == before
    assert answers(client, f"{before}1.webp") == 200
