"""The feeds, RSS 2.0 and Atom 1.0 of the latest decks, an uploader's, a tag's and a
collection's, read with feedparser as a feed reader would read them."""

from __future__ import annotations

import datetime
import html
import re

import feedparser
import pytest
from django.utils import timezone, translation

from slideshelf.presentations.models import Collection, Visibility
from tests.factories import decks_no_list_may_show, one_slide_deck
from tests.uploading import make_user

pytestmark = pytest.mark.django_db

# A feed's address (with {kind}) -> the page it belongs to.
FEEDS = {
    "/feed/{kind}/": "/",
    "/u/anna/feed/{kind}/": "/u/anna/",
    "/t/kommun/feed/{kind}/": "/t/kommun/",
    "/c/kommundagen-2026/feed/{kind}/": "/c/kommundagen-2026/",
}
KINDS = {"rss": "rss20", "atom": "atom10"}
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
SITE = "http://testserver"


@pytest.fixture
def anna():
    return make_user("anna", first_name="Anna", last_name="Berg")


@pytest.fixture
def event():
    return Collection.objects.create(name="Kommundagen 2026", slug="kommundagen-2026")


@pytest.fixture
def shelf(media, anna, event):
    """Two listed decks, the newer first, and one of each kind no feed may show."""
    same = {"owner": anna, "tags": ["kommun"], "collection": event}
    now = timezone.now()
    older = one_slide_deck(
        "Older deck",
        created_at=now - datetime.timedelta(days=2),
        language="sv",
        description="Om samverkan.",
        **same,
    )
    newer = one_slide_deck("Newer deck", created_at=now - datetime.timedelta(days=1), **same)
    decks_no_list_may_show(**same)
    return newer, older


def read(client, url: str, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return feedparser.parse(response.content)


def shown(detail) -> str:
    """A title as a reader shows it: RSS titles are HTML to readers, Atom's here are text."""
    return html.unescape(detail.value) if detail.type == "text/html" else detail.value


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("address", FEEDS)
def test_every_feed_reads_without_errors_and_lists_exactly_the_listed_decks(
    client, shelf, address, kind
):
    newer, older = shelf
    url = address.format(kind=kind)
    response = client.get(url)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == KINDS[kind]
    assert [entry.link for entry in feed.entries] == [
        SITE + deck.get_absolute_url() for deck in (newer, older)
    ], "newest first, and nothing private, unlisted, hidden or unconverted"
    assert b"Canary" not in response.content
    assert feed.feed.link == SITE + FEEDS[address]
    assert {"rel": "self", "href": SITE + url} in [
        {"rel": link.rel, "href": link.href} for link in feed.feed.links
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_an_entry_carries_title_link_author_dates_tags_language_and_the_first_slide(
    client, shelf, media, kind
):
    _, older = shelf
    entry = read(client, f"/feed/{kind}/").entries[1]
    first = older.slides.get(number=1)
    image, thumbnail = SITE + first.image_url(), SITE + first.thumbnail_url()
    assert shown(entry.title_detail) == "Older deck"
    assert entry.id == entry.link == SITE + older.get_absolute_url()
    assert entry.author == "Anna Berg"
    assert entry.published_parsed[:6] == older.created_at.utctimetuple()[:6]
    assert [tag.term for tag in entry.tags] == ["kommun"]
    assert "sv" in (entry.get("language"), entry.title_detail.language)
    size = (media / first.image).stat().st_size
    assert [(e.href, e.type, e.length) for e in entry.enclosures] == [
        (image, "image/webp", str(size))
    ]
    assert entry.media_content == [
        {
            "url": image,
            "type": "image/webp",
            "medium": "image",
            "width": "640",
            "height": "360",
            "filesize": str(size),
        }
    ]
    assert entry.media_thumbnail == [{"url": thumbnail, "width": "160", "height": "90"}]
    assert f'<img alt="{first.alt}" height="360" src="{image}" width="640" />' in entry.summary
    assert "<p>Om samverkan.</p>" in entry.summary


@pytest.mark.parametrize("kind", KINDS)
def test_a_title_with_markup_characters_reads_as_written(client, media, kind):
    one_slide_deck("Q&A <tips> för 2026")
    entry = read(client, f"/feed/{kind}/").entries[0]
    assert shown(entry.title_detail) == "Q&A <tips> för 2026"


def test_a_feed_holds_the_50_newest_decks(client, media):
    now = timezone.now()
    for n in range(51):
        one_slide_deck(f"Deck {n:02}", created_at=now - datetime.timedelta(minutes=60 - n))
    entries = read(client, "/feed/atom/").entries
    assert len(entries) == 50
    assert shown(entries[0].title_detail) == "Deck 50"
    assert shown(entries[-1].title_detail) == "Deck 01"


@pytest.mark.parametrize("kind", KINDS)
def test_every_address_in_a_feed_starts_with_the_site_url_when_it_is_set(
    client, shelf, settings, kind
):
    settings.SITE_URL = "https://slides.example.se"
    for address in FEEDS:
        response = client.get(address.format(kind=kind))
        body = response.content.decode()
        assert "testserver" not in body, address
        feed = feedparser.parse(response.content)
        entry = feed.entries[0]
        assert feed.feed.link == "https://slides.example.se" + FEEDS[address]
        assert entry.link.startswith("https://slides.example.se/p/")
        assert entry.enclosures[0].href.startswith("https://slides.example.se/p/")
        assert 'src="https://slides.example.se/p/' in entry.summary


def test_a_deck_whose_picture_is_missing_is_listed_without_one(client, media):
    deck = one_slide_deck("No picture")
    (media / deck.slides.get(number=1).image).unlink()
    entry = read(client, "/feed/rss/").entries[0]
    assert entry.link == SITE + deck.get_absolute_url()
    assert entry.enclosures == [] and "media_content" not in entry
    assert "<img" not in entry.summary


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_uploaders_tags_and_collections_and_those_with_only_hidden_decks_are_404(
    client, media, kind
):
    closed = Collection.objects.create(name="Internt möte", slug="internt")
    private = {"visibility": Visibility.PRIVATE, "collection": closed}
    one_slide_deck("Hemlig", tags=["hemligt"], owner=make_user("bertil"), **private)
    decks_no_list_may_show(tags=["halvhemligt"], owner=make_user("cecilia"), collection=closed)
    for page in (
        "/u/nobody/",
        "/u/bertil/",
        "/u/cecilia/",
        "/t/nothing/",
        "/t/hemligt/",
        "/t/halvhemligt/",
        "/c/nothing/",
        "/c/internt/",
    ):
        assert client.get(f"{page}feed/{kind}/").status_code == 404, page


def test_an_inactive_uploaders_feed_is_404_like_their_page(client, shelf, anna):
    anna.is_active = False
    anna.save()
    assert client.get("/u/anna/").status_code == 404
    assert client.get("/u/anna/feed/rss/").status_code == 404
    entry = read(client, "/feed/atom/").entries[0]
    assert entry.author == "Anna Berg" and "href" not in entry.author_detail


@pytest.mark.parametrize("kind", KINDS)
def test_feeds_may_be_kept_by_shared_caches_for_five_minutes(client, shelf, kind):
    response = client.get(f"/feed/{kind}/")
    assert response["Content-Type"] == f"{TYPES[kind]}; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Last-Modified" in response


def test_a_feed_answers_only_get_and_head(client, shelf):
    assert client.post("/feed/rss/").status_code == 405
    assert client.head("/feed/rss/").status_code == 200


def test_a_feed_speaks_the_readers_language(client, shelf):
    feed = read(client, "/feed/atom/", HTTP_ACCEPT_LANGUAGE="sv")
    assert feed.feed.language == "sv"
    with translation.override("sv"):
        assert feed.feed.title == f"{translation.gettext('Latest presentations')} · slideshelf"


@pytest.mark.parametrize("page", FEEDS.values())
def test_each_list_page_announces_its_own_feeds_and_they_answer(client, shelf, page):
    response = client.get(page)
    assert response.status_code == 200
    head = response.content.decode().split("</head>")[0]
    announced = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)" title="', head)
    address = next(address for address, of in FEEDS.items() if of == page)
    assert announced == [(TYPES[kind], address.format(kind=kind)) for kind in KINDS]
    for media_type, href in announced:
        answer = client.get(href)
        assert answer.status_code == 200, href
        assert answer["Content-Type"].startswith(media_type)
    body = response.content.decode().split("</head>")[1]
    assert f'<a href="{address.format(kind="rss")}" type="application/rss+xml">' in body
    assert "Subscribe (RSS)" in body
