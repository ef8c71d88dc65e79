"""oEmbed: what the endpoint answers, and what a real consumer (oembedpy, from PyPI) reads
from the running site, JSON and XML, found through the page's discovery links."""

from __future__ import annotations

import json
from urllib.parse import urlencode
from xml.etree import ElementTree

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from oembedpy import consumer, discovery

from slideshelf.pages.embedding import BAR_HEIGHT
from slideshelf.presentations.models import Presentation, Visibility
from tests.factories import deck_with_slides

# The generated slides are 640 × 360: 16:9.
pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return get_user_model().objects.create_user(
        "ada", password="pw", first_name="Ada", last_name="L"
    )


@pytest.fixture
def deck(media, owner):
    return deck_with_slides(5, owner=owner, title="Budget <2027>")


def ask(client, url, **params):
    return client.get("/oembed/?" + urlencode({"url": url, **params}))


def page_url(deck, tail=""):
    return f"http://testserver{deck.get_absolute_url()}{tail}"


def frame_of(html: str):
    return lxml.html.fragment_fromstring(html)


def test_json_answer_is_a_rich_player_with_everything_a_consumer_shows(client, deck):
    response = ask(client, page_url(deck))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "Budget <2027>"
    assert data["author_name"] == "Ada L" and data["author_url"] == "http://testserver/u/ada/"
    assert data["provider_name"] == "slideshelf" and data["provider_url"] == "http://testserver/"
    assert (data["width"], data["height"]) == (640, 360 + BAR_HEIGHT)
    assert data["thumbnail_url"] == f"http://testserver{deck.slide_image_prefix}1-thumb.webp"
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (160, 90)
    frame = frame_of(data["html"])
    assert frame.tag == "iframe"
    assert frame.get("src") == f"http://testserver/embed/{deck.public_id}/"
    assert (frame.get("width"), frame.get("height")) == ("640", str(360 + BAR_HEIGHT))
    assert frame.get("title") == "Budget <2027> (presentation)"
    assert "allowfullscreen" in frame.attrib


def test_xml_answer_says_the_same(client, deck):
    response = ask(client, page_url(deck), format="xml")
    assert response["Content-Type"].startswith("text/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "oembed"
    fields = {child.tag: child.text for child in root}
    json_fields = json.loads(ask(client, page_url(deck)).content)
    assert fields == {name: str(value) for name, value in json_fields.items()}


@pytest.mark.parametrize(
    ("limits", "size"),
    [
        ({"maxwidth": 400}, (400, 225 + BAR_HEIGHT)),
        ({"maxwidth": 2000}, (640, 360 + BAR_HEIGHT)),  # never larger than the default
        ({"maxheight": 200}, (270, 200)),
        ({"maxwidth": 400, "maxheight": 200}, (270, 200)),
        ({"maxwidth": "wide"}, (640, 360 + BAR_HEIGHT)),
    ],
)
def test_sizes_respect_maxwidth_and_maxheight(client, deck, limits, size):
    data = json.loads(ask(client, page_url(deck), **limits).content)
    assert (data["width"], data["height"]) == size
    frame = frame_of(data["html"])
    assert (int(frame.get("width")), int(frame.get("height"))) == size
    if "thumbnail_url" in data:
        assert data["thumbnail_width"] <= size[0] and data["thumbnail_height"] <= size[1]


def test_a_thumbnail_larger_than_the_limits_is_left_out(client, deck):
    data = json.loads(ask(client, page_url(deck), maxwidth=120).content)
    assert data["width"] == 120 and "thumbnail_url" not in data


def test_slide_and_player_addresses_open_the_player_at_their_slide(client, deck):
    for url in (page_url(deck, "3/"), f"http://testserver/embed/{deck.public_id}/?slide=3"):
        data = json.loads(ask(client, url).content)
        assert frame_of(data["html"]).get("src").endswith(f"/embed/{deck.public_id}/?slide=3")
    short = json.loads(ask(client, f"http://testserver/p/{deck.public_id}/").content)
    assert short["title"] == "Budget <2027>"


def test_unlisted_decks_answer_private_ones_and_strangers_are_404(client, deck, owner):
    deck.visibility = Visibility.UNLISTED
    deck.save()
    unlisted = ask(client, page_url(deck))
    assert unlisted.status_code == 200 and unlisted["Cache-Control"].startswith("private")
    client.force_login(owner)  # not even the owner: the answer is for other sites
    deck.visibility = Visibility.PRIVATE
    deck.save()
    assert ask(client, page_url(deck)).status_code == 404
    for url in (
        "http://elsewhere.example/p/x/",
        "http://testserver/search/?q=budget",
        "http://testserver/p/no-such-deck/",
        "javascript:alert(1)",
        "",
    ):
        assert ask(client, url).status_code == 404, url


def test_a_deck_without_slides_yet_is_404(client, media, owner):
    converting = Presentation.objects.create(owner=owner, title="Soon", original_name="a.pptx")
    assert ask(client, page_url(converting)).status_code == 404


def test_unknown_format_is_501(client, deck):
    response = ask(client, page_url(deck), format="yaml")
    assert response.status_code == 501


def test_the_site_address_setting_is_what_links_and_matches(client, deck, settings):
    settings.SITE_URL = "https://slides.example.se"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "slides.example.se"]
    assert ask(client, page_url(deck)).status_code == 404, "only the site's own addresses"
    data = json.loads(ask(client, f"https://slides.example.se{deck.get_absolute_url()}").content)
    assert data["provider_url"] == "https://slides.example.se/"
    assert frame_of(data["html"]).get("src").startswith("https://slides.example.se/embed/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("answer_format", ["json", "xml"])
def test_a_consumer_discovers_and_reads_both_formats(live_server, media, answer_format):
    owner = get_user_model().objects.create_user("ada", password="pw")
    deck = deck_with_slides(4, owner=owner, title="Årsredovisning")
    page = live_server.url + deck.get_absolute_url()
    endpoint, params = discovery.find_from_content(page)
    assert endpoint == live_server.url + "/oembed/"
    assert params.url == page and params.format == "json"
    params.format = answer_format
    params.max_width = 480
    content = consumer.fetch_content(endpoint, params)
    assert type(content).__name__ == "Rich"
    assert content.title == "Årsredovisning"
    assert (int(content.width), int(content.height)) == (480, 270 + BAR_HEIGHT)
    frame = frame_of(content.html)
    assert frame.get("src") == f"{live_server.url}/embed/{deck.public_id}/"
    assert int(frame.get("width")) == 480
    assert content.thumbnail_url == f"{live_server.url}{deck.slide_image_prefix}1-thumb.webp"
