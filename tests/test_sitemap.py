"""The sitemap, an index and its sections, read with lxml as a crawler would; and robots.txt,
which points to it."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from slideshelf.pages import sitemaps
from slideshelf.presentations.models import Collection, Presentation
from tests.factories import decks_no_list_may_show, one_slide_deck
from tests.uploading import make_user

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


@pytest.fixture
def shelf(media):
    """Two listed decks and, beside them, every kind of deck no sitemap may name: in the same
    tag, collection and account, and alone in a tag, collection and account of their own."""
    anna = make_user("anna", first_name="Anna", last_name="Berg")
    event = Collection.objects.create(name="Kommundagen 2026", slug="kommundagen-2026")
    same = {"owner": anna, "tags": ["kommun"], "collection": event}
    now = timezone.now()
    older = one_slide_deck("Older deck", created_at=now - datetime.timedelta(days=2), **same)
    newer = one_slide_deck("Newer deck", created_at=now - datetime.timedelta(days=1), **same)
    hidden = decks_no_list_may_show(**same)
    closed = Collection.objects.create(name="Internt möte", slug="internt")
    hidden += decks_no_list_may_show(tags=["hemligt"], owner=make_user("bertil"), collection=closed)
    # Changed after every listed deck: no date in the sitemap may tell of it.
    Presentation.objects.filter(pk__in=[deck.pk for deck in hidden]).update(
        updated_at=now + datetime.timedelta(days=1)
    )
    return newer, older, hidden


def xml_of(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def section_pages(client) -> list[str]:
    index = xml_of(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    return [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)]


def every_url(client) -> list:
    """Every `<url>` of every section page the index names."""
    return [
        url
        for page in section_pages(client)
        for url in xml_of(client, local(page)).iterfind("s:url", NS)
    ]


def w3c(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")


def test_the_index_names_a_page_of_each_section(client, shelf):
    assert section_pages(client) == [
        f"{SITE}/sitemap-{name}.xml" for name in ("decks", "collections", "tags", "uploaders")
    ]


def test_every_listed_deck_is_named_once_with_its_date_and_first_slide(client, shelf):
    newer, older, _ = shelf
    urls = every_url(client)
    counted = Counter(url.findtext("s:loc", namespaces=NS) for url in urls)
    for deck in (newer, older):
        loc = SITE + deck.get_absolute_url()
        assert counted[loc] == 1, loc
        (url,) = [url for url in urls if url.findtext("s:loc", namespaces=NS) == loc]
        assert url.findtext("s:lastmod", namespaces=NS) == w3c(deck.updated_at)
        image = SITE + deck.slides.get(number=1).image_url()
        assert url.findtext("image:image/image:loc", namespaces=NS) == image


def test_only_listed_decks_and_the_collections_tags_and_uploaders_of_them_are_named(client, shelf):
    newer, older, _ = shelf
    locs = {url.findtext("s:loc", namespaces=NS) for url in every_url(client)}
    assert locs == {
        SITE + newer.get_absolute_url(),
        SITE + older.get_absolute_url(),
        f"{SITE}/c/kommundagen-2026/",
        f"{SITE}/t/kommun/",
        f"{SITE}/u/anna/",
    }


def test_no_sitemap_page_tells_of_a_deck_no_list_may_show(client, shelf):
    *_, hidden = shelf
    bodies = [client.get("/sitemap.xml").content]
    bodies += [client.get(local(page)).content for page in section_pages(client)]
    for body in bodies:
        text = body.decode()
        for deck in hidden:
            assert deck.public_id not in text
        for word in ("hemligt", "internt", "bertil", "Canary"):
            assert word not in text


def test_a_collections_tags_and_uploaders_date_is_their_newest_listed_decks(client, shelf):
    newer, *_ = shelf
    dates = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in every_url(client)
    }
    for page in ("/c/kommundagen-2026/", "/t/kommun/", "/u/anna/"):
        assert dates[SITE + page] == w3c(newer.updated_at), page


def test_sections_are_split_into_pages_of_the_page_size(client, media, monkeypatch):
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 2)
    now = timezone.now()
    decks = [one_slide_deck(f"Deck {n}", tags=[f"tag{n}"]) for n in range(5)]
    for n, deck in enumerate(decks):  # the newest change on the first page
        Presentation.objects.filter(pk=deck.pk).update(updated_at=now - datetime.timedelta(hours=n))
    index = xml_of(client, "/sitemap.xml")
    pages = {
        entry.findtext("s:loc", namespaces=NS): entry.findtext("s:lastmod", namespaces=NS)
        for entry in index.iterfind("s:sitemap", NS)
    }
    deck_pages = [page for page in pages if "/sitemap-decks.xml" in page]
    assert deck_pages == [
        f"{SITE}/sitemap-decks.xml",
        *(f"{SITE}/sitemap-decks.xml?p={n}" for n in (2, 3)),
    ]
    assert pages[f"{SITE}/sitemap-decks.xml"] == w3c(now)
    assert pages[f"{SITE}/sitemap-decks.xml?p=3"] == w3c(now - datetime.timedelta(hours=4))
    named = []
    for page in deck_pages:
        urls = xml_of(client, local(page)).findall("s:url", NS)
        assert 1 <= len(urls) <= 2
        named += [url.findtext("s:loc", namespaces=NS) for url in urls]
    assert sorted(named) == sorted(SITE + deck.get_absolute_url() for deck in decks)
    assert len([page for page in pages if "/sitemap-tags.xml" in page]) == 3
    for beyond in ("?p=4", "?p=0", "?p=-1", "?p=two", "?p=²"):
        assert client.get(f"/sitemap-decks.xml{beyond}").status_code == 404, beyond


def test_an_unknown_or_empty_section_is_404(client, media):
    assert section_pages(client) == []
    for name in ("decks", "collections", "tags", "uploaders", "nothing"):
        assert client.get(f"/sitemap-{name}.xml").status_code == 404, name


def test_every_address_starts_with_the_site_url_when_it_is_set(client, shelf, settings):
    settings.SITE_URL = "https://slides.example.se"
    pages = section_pages(client)
    assert pages[0] == "https://slides.example.se/sitemap-decks.xml"
    for page in pages:
        body = client.get(local(page)).content.decode()
        assert "testserver" not in body
        tree = etree.fromstring(body.encode())
        for loc in tree.xpath(".//s:loc | .//image:loc", namespaces=NS):
            assert loc.text.startswith("https://slides.example.se/"), loc.text


def test_sitemaps_may_be_kept_by_shared_caches_for_an_hour(client, shelf):
    for url in ("/sitemap.xml", "/sitemap-decks.xml"):
        assert client.get(url)["Cache-Control"] == "public, max-age=3600", url


def robots_rules(client) -> tuple[list[str], list[str]]:
    """The Disallow patterns and Sitemap addresses of robots.txt."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    rules = [line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow: ")]
    maps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    return rules, maps


def disallowed(path: str, rules: list[str]) -> bool:
    """As crawlers read a rule: a path prefix, where `*` stands for any characters."""
    return any(re.match(".*".join(map(re.escape, rule.split("*"))), path) for rule in rules)


def test_robots_txt_names_the_sitemaps_absolute_address(client, settings):
    assert robots_rules(client)[1] == [f"{SITE}/sitemap.xml"]
    settings.SITE_URL = "https://slides.example.se"
    assert robots_rules(client)[1] == ["https://slides.example.se/sitemap.xml"]


def test_robots_txt_keeps_crawlers_out_of_accounts_actions_and_search_only(client, shelf):
    newer, *_ = shelf
    rules, _ = robots_rules(client)
    kept_out = [
        "/admin/",
        reverse("upload"),
        reverse("my-presentations"),
        reverse("edit-presentation", args=[newer.public_id]),
        reverse("login"),
        reverse("signup"),
        reverse("password_reset"),
        reverse("profile"),
        reverse("moderation-queue"),
        reverse("search") + "?q=kommun",
        reverse("language", args=["sv"]) + "?next=/",
        reverse("report-presentation", args=[newer.public_id]),
        reverse("delete-presentation", args=[newer.public_id]),
    ]
    for path in kept_out:
        assert disallowed(path, rules), path
    first = newer.slides.get(number=1)
    open_to_crawlers = [
        "/",
        newer.get_absolute_url(),
        reverse("presentation-slide", args=[newer.public_id, newer.slug, 1]),
        first.image_url(),
        reverse("download-original", args=[newer.public_id]),
        "/t/kommun/",
        "/c/",
        "/c/kommundagen-2026/",
        "/u/anna/",
        "/feed/rss/",
        "/u/anna/feed/atom/",
        "/sitemap.xml",
        "/sitemap-decks.xml",
        f"/embed/{newer.public_id}/",  # the player says noindex: crawlers must read it
    ]
    for path in open_to_crawlers:
        assert not disallowed(path, rules), path
