"""The embed player's page as a client sees it: who may frame it, what it keeps from the
visitor (nothing), where it starts, and the notice instead of a broken frame."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from slideshelf.conversion.models import Conversion, Status
from slideshelf.presentations.models import Presentation, Visibility
from tests.factories import deck_with_slides

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("ada", password="pw", first_name="Ada")


@pytest.fixture
def deck(media, owner):
    return deck_with_slides(5, owner=owner, title="Budget 2027", language="sv")


def embed(client, deck, query="", **headers):
    return client.get(f"/embed/{deck.public_id}/{query}", **headers)


def counter(html: str) -> str:
    return re.search(r'<p class="counter"[^>]*>([^<]*)</p>', html).group(1)


def test_the_player_may_be_framed_by_any_site_and_nothing_else_may(client, deck):
    response = embed(client, deck)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "script-src 'self'" in policy
    assert "X-Frame-Options" not in response
    page = client.get(deck.get_absolute_url())
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"


def test_the_sites_allowed_to_frame_it_are_configurable(client, deck, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://www.example.se", "https://intra.example.se"]
    policy = embed(client, deck)["Content-Security-Policy"]
    assert "frame-ancestors https://www.example.se https://intra.example.se" in policy


def test_no_cookie_no_session_and_no_index(client, deck, owner):
    client.force_login(owner)  # a signed-in visitor's cookie is sent, and not looked at
    response = embed(client, deck)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://testserver{deck.get_absolute_url()}">' in html
    assert "csrfmiddlewaretoken" not in html


def test_it_shows_the_deck_and_links_back_to_its_page(client, deck):
    html = embed(client, deck).content.decode()
    assert counter(html) == "Slide 1 of 5"
    assert 'class="embed-title"' in html
    assert f'href="http://testserver{deck.get_absolute_url()}" target="_blank"' in html
    assert f'src="{deck.slide_image_prefix}1.webp"' in html
    # Every slide's alt text, for the script to give each picture as it shows it.
    alts = re.search(r'<ol class="slide-alts" hidden>(.*?)</ol>', html).group(1)
    assert alts.count("<li>") == 5 and "<li>Part 3</li>" in alts
    # The oEmbed discovery links are the deck page's.
    assert 'type="application/json+oembed"' in html and "format=xml" in html


def test_it_starts_at_the_slide_asked_for_and_stays_in_the_deck(client, deck):
    html = embed(client, deck, "?slide=3").content.decode()
    assert counter(html) == "Slide 3 of 5"
    assert f'src="{deck.slide_image_prefix}3.webp"' in html
    # Without JavaScript the bar's arrows are links to the neighbours.
    assert 'class="prev" href="?slide=2"' in html and 'class="next" href="?slide=4"' in html
    assert counter(embed(client, deck, "?slide=99").content.decode()) == "Slide 5 of 5"
    assert counter(embed(client, deck, "?slide=-2").content.decode()) == "Slide 1 of 5"
    assert counter(embed(client, deck, "?slide=x").content.decode()) == "Slide 1 of 5"


def test_a_link_made_before_a_replacement_opens_where_its_slide_went(client, deck):
    # Version 2 put a new slide first: old slide 2 is slide 3 now.
    Presentation.objects.filter(pk=deck.pk).update(slide_history=[[2, 3, 4, 5]])
    deck.refresh_from_db()
    html = embed(client, deck, "?slide=2&v=1").content.decode()
    assert counter(html) == "Slide 3 of 5"


def test_the_language_is_the_browsers_or_the_one_asked_for(client, deck):
    swedish = embed(client, deck, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<html lang="sv">' in swedish and counter(swedish) == "Bild 1 av 5"
    asked = embed(client, deck, "?lang=en", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert '<html lang="en">' in asked and counter(asked) == "Slide 1 of 5"


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.UNLISTED])
def test_public_and_unlisted_decks_play(client, deck, visibility):
    deck.visibility = visibility
    deck.save()
    response = embed(client, deck)
    assert response.status_code == 200
    caches = "public" if visibility == Visibility.PUBLIC else "private"
    assert response["Cache-Control"] == f"{caches}, max-age=60"


def test_a_private_or_hidden_deck_gets_a_notice_even_for_its_owner(client, deck, owner):
    client.force_login(owner)
    deck.visibility = Visibility.PRIVATE
    deck.save()
    response = embed(client, deck)
    assert response.status_code == 404
    html = response.content.decode()
    assert "This presentation is not available." in html
    assert "Budget 2027" not in html, "the notice does not tell what the deck is"
    assert "frame-ancestors *" in response["Content-Security-Policy"], "framed, not broken"
    deck.visibility = Visibility.PUBLIC
    deck.save()
    deck.hide_by_staff(True)
    assert embed(client, deck).status_code == 404
    assert client.get("/embed/no-such-deck/").status_code == 404


def test_a_deck_converting_or_failed_gets_a_notice(client, media, owner):
    converting = Presentation.objects.create(owner=owner, title="Soon", original_name="a.pptx")
    Conversion.objects.create(presentation=converting, status=Status.QUEUED)
    response = embed(client, converting)
    assert (
        response.status_code == 200 and "frame-ancestors *" in response["Content-Security-Policy"]
    )
    assert "being prepared" in response.content.decode()
    converting.conversion.status = Status.FAILED
    converting.conversion.save()
    assert "could not be converted" in embed(client, converting).content.decode()


def test_a_player_view_is_counted_but_not_a_robots(client, deck):
    embed(client, deck)  # the tests' counter writes at once
    embed(client, deck, HTTP_USER_AGENT="Googlebot/2.1")
    deck.refresh_from_db()
    assert deck.view_count == 1


def test_a_kept_player_is_served_without_reading_the_database_and_still_counted(
    client, deck, settings
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from slideshelf.pages.views.embed import KEEP_SECONDS

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    first = embed(client, deck, "?slide=2")
    with CaptureQueriesContext(connection) as queries:
        again = embed(client, deck, "?slide=2")
    # Only the view counter's write, which the tests' counter does at once.
    assert not [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert again.content == first.content and again["Cache-Control"] == "public, max-age=60"
    deck.refresh_from_db()
    assert deck.view_count == 2
    assert KEEP_SECONDS <= 10, "a change of visibility reaches the player within seconds"
    cache.clear()
