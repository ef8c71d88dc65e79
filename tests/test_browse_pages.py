from __future__ import annotations

import datetime
import itertools
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from slideshelf.presentations.models import Collection, Presentation, Visibility
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
CURRENT = '<strong aria-current="page"><span class="visually-hidden">Page </span>{}</strong>'


@pytest.fixture
def owner():
    return get_user_model().objects.create_user(
        "anna", password="pw", first_name="Anna", last_name="Berg"
    )


@pytest.fixture
def event():
    return Collection.objects.create(
        name="Kommundagen 2026",
        slug="kommundagen-2026",
        date=datetime.date(2026, 10, 15),
        place="Sjöbacka",
        description="En dag om samverkan.",
    )


def deck(title: str, *, path=PDF, **fields) -> Presentation:
    return convert_now(upload(path, title=title, **fields))


def html_of(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def cards(html: str) -> int:
    return html.count('<li class="card">')


def test_unlisted_private_failed_and_queued_decks_never_appear_in_any_listing(
    client, media, owner, event
):
    same = {"owner": owner, "tags": ["kommun"], "collection": event}
    deck("Shown deck", **same)
    deck("Canary unlisted", visibility=Visibility.UNLISTED, **same)
    deck("Canary private", visibility=Visibility.PRIVATE, **same)
    failed = deck("Canary failed", path=CORPUS / "broken/unst_password.pdf", **same)
    upload(PDF, title="Canary queued", **same)
    assert failed.conversion.status == "failed"
    # Views would put them among the most viewed if the listing let them through.
    Presentation.objects.filter(title__startswith="Canary").update(view_count=1000)
    for url in ("/", "/t/kommun/", "/c/kommundagen-2026/", "/u/anna/"):
        html = html_of(client, url)
        assert "Shown deck" in html, url
        assert "Canary" not in html, url
        assert cards(html) == (2 if url == "/" else 1), url  # home: latest, collections
    for url in ("/t/kommun/", "/c/kommundagen-2026/", "/u/anna/", "/c/"):
        html = html_of(client, url)
        assert "1 presentation<" in html, f"{url} counts only the listed deck"
    assert "1 presentation<" in html_of(client, "/")  # the collection on the home page


def test_pagination_shows_24_decks_then_the_rest_on_every_listing(client, media, owner, event):
    for n in range(25):
        deck(f"Deck {n:02}", owner=owner, tags=["kommun"], collection=event)
    for url in ("/", "/t/kommun/", "/c/kommundagen-2026/", "/u/anna/"):
        first = html_of(client, url)
        rest = html_of(client, url + "?page=2")
        assert cards(first) == 24 + (1 if url == "/" else 0), url  # + the collection
        assert cards(rest) == 1, url
        if url.startswith("/c/"):
            assert "Deck 00" in first and "Deck 24" in rest, "the collection's running order"
        else:
            assert "Deck 24" in first and "Deck 00" in rest, "newest first"
        assert '<nav aria-label="Pages" class="pager">' in first
        assert CURRENT.format(1) in first and CURRENT.format(2) in rest
        assert 'href="?page=2" rel="next">Next page</a>' in first
        assert f'href="{url}" rel="prev">Previous page</a>' in rest


def test_a_single_page_has_no_pager(client, media):
    deck("Alone")
    assert "pager" not in html_of(client, "/")


def test_unknown_tags_collections_and_uploaders_are_404(client, media, owner, event):
    for url in ("/t/nothing/", "/c/nothing/", "/u/nobody/"):
        assert client.get(url).status_code == 404, url


def test_tags_collections_and_uploaders_with_only_hidden_decks_are_404(client, media, owner, event):
    deck("Secret", visibility=Visibility.PRIVATE, owner=owner, tags=["omorg"], collection=event)
    deck("Link only", visibility=Visibility.UNLISTED, owner=owner, tags=["omorg"])
    for url in ("/t/omorg/", "/c/kommundagen-2026/", "/u/anna/"):
        assert client.get(url).status_code == 404, url
    assert "Kommundagen" not in html_of(client, "/c/")


def test_tag_page_answers_at_its_unicode_slug(client, media):
    deck("Trender", tags=["Samhällsutveckling"])
    url = reverse("tag", args=["samhällsutveckling"])
    assert url == "/t/samh%C3%A4llsutveckling/"
    html = html_of(client, url)
    assert "<h1>Presentations tagged “Samhällsutveckling”</h1>" in html
    assert "Trender" in html


def test_collection_page_shows_its_name_date_place_and_description(client, media, event):
    deck("Samverkan i praktiken", collection=event)
    html = html_of(client, "/c/kommundagen-2026/")
    assert "<h1>Kommundagen 2026</h1>" in html
    assert '<time datetime="2026-10-15">Oct. 15, 2026</time> · Sjöbacka' in html
    assert "<p>En dag om samverkan.</p>" in html
    assert "Samverkan i praktiken" in html


def test_collection_date_is_in_swedish_for_swedish_visitors(client, media, event):
    deck("Samverkan", collection=event)
    html = html_of(client, "/c/kommundagen-2026/", HTTP_ACCEPT_LANGUAGE="sv")
    assert ">15 oktober 2026</time>" in html


def test_uploader_page_is_named_by_full_name_or_else_username(client, media, owner):
    deck("Anna's deck", owner=owner)
    html = html_of(client, "/u/anna/")
    assert "<h1>Presentations by Anna Berg</h1>" in html
    assert '<span class="meta">Anna Berg' not in html, "cards do not repeat the uploader"
    plain = get_user_model().objects.create_user("bertil")
    deck("Bertil's deck", owner=plain)
    assert "<h1>Presentations by bertil</h1>" in html_of(client, "/u/bertil/")


def test_card_shows_thumbnail_title_in_deck_language_uploader_date_and_slide_count(
    client, media, owner
):
    shown = deck("Umlaute", owner=owner, language="de")
    first = shown.slides.get(number=1)
    html = html_of(client, "/")
    assert f'<img src="{first.thumbnail_url()}" width="{first.thumb_width}"' in html
    assert '<span class="card-title" lang="de">Umlaute</span>' in html
    assert '<span class="meta">Anna Berg · <time datetime=' in html
    assert "1 slide</span>" in html


def test_home_shows_the_most_viewed_decks_once_any_has_views(client, media):
    quiet = deck("Quiet deck")
    assert "Most viewed" not in html_of(client, "/")
    popular = deck("Popular deck")
    Presentation.objects.filter(pk=popular.pk).update(view_count=7)
    Presentation.objects.filter(pk=quiet.pk).update(view_count=2)
    html = html_of(client, "/")
    most_viewed = html.split('id="most-viewed-heading"')[1].split("</section>")[0]
    assert most_viewed.index("Popular deck") < most_viewed.index("Quiet deck")


def test_home_lists_collections_newest_first_and_links_to_all_of_them(client, media, event):
    older = Collection.objects.create(
        name="Vårkonferensen", slug="var", date=datetime.date(2025, 4, 2)
    )
    deck("Ny", collection=event)
    deck("Gammal", collection=older)
    html = html_of(client, "/")
    listed = html.split('id="collections-heading"')[1]
    assert listed.index("Kommundagen 2026") < listed.index("Vårkonferensen")
    assert '<a href="/c/">All collections</a>' in listed
    index = html_of(client, "/c/")
    assert index.index("Kommundagen 2026") < index.index("Vårkonferensen")
    assert '<a href="/c/var/">' in index


def test_every_listing_has_one_h1_and_no_skipped_heading_levels(client, media, owner, event):
    popular = deck("Deck", owner=owner, tags=["kommun"], collection=event)
    Presentation.objects.filter(pk=popular.pk).update(view_count=3)
    for url in ("/", "/t/kommun/", "/c/kommundagen-2026/", "/u/anna/", "/c/"):
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", html_of(client, url))]
        assert levels.count(1) == 1 and levels[0] == 1, url
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), url
