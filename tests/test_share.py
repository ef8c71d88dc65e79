"""What a deck's page offers for taking it elsewhere: the share box (as the server writes it,
for visitors without JavaScript too), oEmbed discovery, the uploader's feed, and who is kept
out of search engines."""

from __future__ import annotations

import html
import re

import lxml.html
import pytest
from django.contrib.auth import get_user_model

from slideshelf.pages.embedding import BAR_HEIGHT
from slideshelf.presentations.models import Visibility
from tests.factories import deck_with_slides

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("ada", password="pw")


@pytest.fixture
def deck(media, owner):
    return deck_with_slides(6, owner=owner, title='Say "hello" </textarea>')


def page_of(client, deck, tail=""):
    return client.get(deck.get_absolute_url() + tail).content.decode()


def embed_code(page: str) -> str:
    return html.unescape(
        re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page).group(1)
    )


def test_the_share_box_holds_both_links_and_the_code_as_text(client, deck):
    page = page_of(client, deck, "3/")
    base = f"http://testserver{deck.get_absolute_url()}"
    assert f'id="share-page" type="text" readonly value="{base}"' in page
    assert f'id="share-slide" type="text" readonly value="{base}3/"' in page
    frame = lxml.html.fragment_fromstring(embed_code(page))
    # Opened at slide 3, the code starts there too; the title survives quotes and tags.
    assert frame.get("src") == f"http://testserver/embed/{deck.public_id}/?slide=3"
    assert (frame.get("width"), frame.get("height")) == ("640", str(360 + BAR_HEIGHT))
    assert frame.get("title") == 'Say "hello" </textarea> (presentation)'
    assert '<details class="share" id="share">' in page, "closed until asked for"


def test_the_form_makes_the_code_asked_for_without_javascript(client, deck):
    page = page_of(client, deck, "?embed_width=1024&embed_slide=5")
    frame = lxml.html.fragment_fromstring(embed_code(page))
    assert frame.get("width") == "1024" and frame.get("height") == str(576 + BAR_HEIGHT)
    assert frame.get("src").endswith("?slide=5")
    assert '<details class="share" id="share" open>' in page
    odd = lxml.html.fragment_fromstring(embed_code(page_of(client, deck, "?embed_width=7")))
    assert odd.get("width") == "640", "only the sizes offered"


def test_a_public_deck_is_discoverable_and_announces_its_uploaders_feed(client, deck):
    page = page_of(client, deck)
    assert 'type="application/json+oembed"' in page and 'type="text/xml+oembed"' in page
    assert 'href="/u/ada/feed/rss/"' in page and 'href="/u/ada/feed/atom/"' in page
    assert 'name="robots"' not in page


def test_an_unlisted_deck_is_embeddable_but_kept_from_search_engines(client, deck):
    deck.visibility = Visibility.UNLISTED
    deck.save()
    page = page_of(client, deck)
    assert '<meta name="robots" content="noindex">' in page
    assert "json+oembed" in page and "/embed/" in embed_code(page)
    assert "/u/ada/feed/" not in page, "its uploader's feed does not list it"


def test_a_private_deck_offers_links_to_its_owner_and_no_embed_code(client, deck, owner):
    deck.visibility = Visibility.PRIVATE
    deck.save()
    client.force_login(owner)
    page = page_of(client, deck)
    assert 'id="share-page"' in page and 'id="embed-code"' not in page
    assert "cannot be embedded" in page
    assert "json+oembed" not in page
