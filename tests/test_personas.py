"""Every view, as the deck's owner, another signed-in user and an anonymous visitor (and staff).

The tables below name every URL the site has; a test fails when a new view is added without
saying here who may use it. Private decks and decks hidden by staff answer 404 to everyone but
their owner and staff, never 403, so an address does not even tell that the deck exists.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from slideshelf.moderation.services import hide
from slideshelf.presentations.models import Collection, Presentation
from tests.conftest import CORPUS
from tests.factories import convert_now, upload
from tests.uploading import make_user

pytestmark = pytest.mark.django_db(transaction=True)

OWNER, OTHER, ANONYMOUS, STAFF = "owner", "other", "anonymous", "staff"
PERSONAS = (OWNER, OTHER, ANONYMOUS, STAFF)

# Pages of one deck that anyone who may see the deck may use.
DECK_PAGES = {
    "presentation-short": "/p/{id}/",
    "presentation": "/p/{id}/{slug}/",
    "presentation-slide": "/p/{id}/{slug}/1/",
    "download-original": "/p/{id}/download/",
    "download-pdf": "/p/{id}/download/pdf/",
    "transcript-markdown": "/p/{id}/transcript.md",
    "transcript-text": "/p/{id}/transcript.txt",
    "slide-image": "/p/{id}/r{revision}.{audience}/1.webp",
    "presentation-status": "/p/{id}/status.json",
    "report-presentation": "/p/{id}/report/",
    "api-deck": "/api/v1/decks/{id}/",
    "api-similar": "/api/v1/decks/{id}/similar/",
    "api-conversion": "/api/v1/decks/{id}/conversion/",
}
# The API's writes: a person who may write (tests/test_api_publishing.py); anonymous: 401.
API_WRITES = {
    "api-upload": ("post", "/api/v1/decks/"),
    "api-change-deck": ("patch", "/api/v1/decks/{id}/"),
    "api-delete": ("delete", "/api/v1/decks/{id}/"),
    "api-replace-file": ("post", "/api/v1/decks/{id}/file/"),
}
# A deck as other sites show it: anyone, whoever is signed in, for public and unlisted decks;
# no one, not even the owner or staff, for private and hidden ones.
ELSEWHERE = {
    "embed": "/embed/{id}/",
    "oembed": "/oembed/?url=http://testserver/p/{id}/",
}
# Pages that change a deck: its owner's and staff's alone.
OWNER_PAGES = {
    "edit-presentation": "/my/{id}/edit/",
    "replace-presentation": "/my/{id}/replace/",
    "delete-presentation": "/p/{id}/delete/",
    "deck-moderation": "/my/{id}/moderation/",
    "deck-statistics": "/my/{id}/statistics/",
}
# POST only; the owner's answer: make-new-version has no earlier version to go to here (see
# tests/test_near_duplicates.py for one that has).
OWNER_ACTIONS = {
    "retry-presentation": ("/my/{id}/retry/", 302),
    "make-new-version": ("/my/{id}/make-new-version/", 404),
}
COLLECTION_PAGES = {
    "edit-collection": "/my/collections/{collection}/edit/",
    "delete-collection": "/my/collections/{collection}/delete/",
}
COLLECTION_ACTIONS = {
    "reorder-collection": "/my/collections/{collection}/order/",
    "add-to-collection": "/my/collections/{collection}/add/",
}
STAFF_PAGES = {"moderation-queue": "/moderation/", "moderation-deck": "/moderation/{id}/"}
STAFF_ACTIONS = {
    "moderation-hide": "/moderation/{id}/hide/",
    "moderation-restore": "/moderation/{id}/restore/",
    "moderation-dismiss": "/moderation/{id}/dismiss/",
    "moderation-reply": "/moderation/{id}/reply/",
}
# Pages of one's own account: any signed-in user; anonymous visitors are asked to log in.
ACCOUNT_PAGES = {
    "upload": "/upload/",
    "my-presentations": "/my/",
    "my-collections": "/my/collections/",
    "new-collection": "/my/collections/new/",
    "profile": "/account/profile/",
    "password_change": "/account/password/",
}
# Actions on one's own account (POST): a signed-in user; anonymous visitors go to log in.
ACCOUNT_ACTIONS = {
    "export": ("/my/export/", 302),  # queued; to My presentations
    "bulk-change": ("/my/bulk/", 302),  # nothing chosen: back to My presentations
    "new-api-token": ("/account/tokens/new/", 400),  # an empty form
    "revoke-api-token": ("/account/tokens/999/revoke/", 404),  # not theirs
    "download-export": ("/my/export/999/", 404),  # GET; not theirs (tests/test_export.py)
}
# Lists of decks: everyone, and they never show an unlisted, private or hidden deck.
LISTINGS = {
    "home": "/",
    "tag": "/t/kommun/",
    "collections": "/c/",
    "collection": "/c/{collection}/",
    "uploader": "/u/ada/",
    "search": "/search/?q=canary",
    "feed-rss": "/feed/rss/",
    "feed-atom": "/feed/atom/",
    "tag-feed-rss": "/t/kommun/feed/rss/",
    "tag-feed-atom": "/t/kommun/feed/atom/",
    "collection-feed-rss": "/c/{collection}/feed/rss/",
    "collection-feed-atom": "/c/{collection}/feed/atom/",
    "uploader-feed-rss": "/u/ada/feed/rss/",
    "uploader-feed-atom": "/u/ada/feed/atom/",
    "api-decks": "/api/v1/decks/",
    "api-search": "/api/v1/search/?q=canary",
    "api-collections": "/api/v1/collections/",
    "api-collection": "/api/v1/collections/{collection}/",
}
# The API's own pages: everyone.
API_PAGES = {
    "api-root": "/api/v1/",  # answered by api-index, which comes first
    "api-index": "/api/v1/",
    "openapi-json": "/api/v1/openapi.json",
    "openapi-view": "/api/v1/docs/",
}
# For crawlers and browsers: everyone; the decks' sitemap names listed decks alone.
CRAWLING = {
    "sitemap": "/sitemap.xml",
    "sitemap-section": "/sitemap-decks.xml",
    "robots": "/robots.txt",
    "favicon": "/favicon.ico",
    "manifest": "/manifest.webmanifest",
}
# For load balancers and Prometheus: the same answer whoever is signed in, and no cookie.
# /metrics answers the allowed addresses alone (the test client's is 127.0.0.1), anyone else a
# 404; /healthz answers everyone (tests/test_health.py, tests/test_metrics.py).
MONITORING = {"healthz": "/healthz", "metrics": "/metrics"}
# Signing up, logging in and out, password reset: covered by tests/test_accounts_*.py.
ACCOUNT_FLOW = {
    "signup",
    "signup_sent",
    "signup_confirm",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "language",
}
# How far a view got, sent by the viewer's beacon (POST): anyone who may see the deck, counted
# unless robot or owner (tests/test_statistics_counting.py).
BEACONS = {"deck-reach"}


def url_names(patterns=None) -> set[str]:
    names: set[str] = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                names |= url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def test_every_view_is_in_a_table():
    tables = [
        DECK_PAGES,
        ELSEWHERE,
        OWNER_PAGES,
        OWNER_ACTIONS,
        COLLECTION_PAGES,
        COLLECTION_ACTIONS,
        STAFF_PAGES,
        STAFF_ACTIONS,
        ACCOUNT_PAGES,
        ACCOUNT_ACTIONS,
        LISTINGS,
        CRAWLING,
        API_PAGES,
        API_WRITES,
        MONITORING,
    ]
    known = set(ACCOUNT_FLOW).union(BEACONS, *tables)
    assert url_names() - known == set(), "say who may use these views"


@pytest.fixture
def people(db):
    return {
        OWNER: make_user("ada"),
        OTHER: make_user("eve"),
        STAFF: make_user("sam", is_staff=True),
        ANONYMOUS: None,
    }


@pytest.fixture
def decks(people, media):
    """A converted deck of each kind, all ada's, tagged and in one collection with a public one."""
    owner = people[OWNER]
    event = Collection.objects.create(name="Kommundagen", slug="kommundagen", owner=owner)

    def deck(title: str, **fields) -> Presentation:
        pdf = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"  # a one-page PDF converts in a blink
        return convert_now(upload(pdf, owner=owner, title=title, **fields))

    fields = {"tags": ["kommun"], "collection": event}
    hidden = deck("Canary hidden", **fields)
    hide(hidden, people[STAFF], "An advert.")
    hidden.refresh_from_db()
    return {
        "public": deck("Canary public", **fields),
        "unlisted": deck("Canary unlisted", visibility="unlisted", **fields),
        "private": deck("Canary private", visibility="private", **fields),
        "hidden": hidden,
    }


def client_for(client, people, persona):
    if people[persona] is not None:
        client.force_login(people[persona])
    return client


def fill(path: str, deck: Presentation) -> str:
    return path.format(
        id=deck.public_id,
        slug=deck.slug,
        revision=deck.revision,
        audience=deck.audience,
        collection="kommundagen",
    )


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("kind", ["private", "hidden"])
def test_deck_pages_of_a_private_or_hidden_deck(client, people, decks, persona, kind):
    client = client_for(client, people, persona)
    for name, path in DECK_PAGES.items():
        response = client.get(fill(path, decks[kind]))
        if persona in (OWNER, STAFF):
            assert response.status_code in (200, 301, 302), (name, response.status_code)
        else:
            assert response.status_code == 404, name


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("kind", ["public", "unlisted"])
def test_deck_pages_of_a_public_or_unlisted_deck(client, people, decks, persona, kind):
    client = client_for(client, people, persona)
    for name, path in DECK_PAGES.items():
        response = client.get(fill(path, decks[kind]))
        assert response.status_code in (200, 301, 302), (name, response.status_code)


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_deck_as_other_sites_show_it(client, people, decks, persona):
    client = client_for(client, people, persona)
    for kind, deck in decks.items():
        for name, path in ELSEWHERE.items():
            response = client.get(fill(path, deck))
            expected = 200 if kind in ("public", "unlisted") else 404
            assert response.status_code == expected, (name, kind)


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_that_change_a_deck(client, people, decks, persona):
    client = client_for(client, people, persona)
    deck = decks["hidden"]  # hidden: its moderation page has something to show
    for name, path in OWNER_PAGES.items():
        response = client.get(fill(path, deck))
        if persona in (OWNER, STAFF):
            assert response.status_code == 200, name
        elif persona == OTHER:
            assert response.status_code == 404, name
        else:
            assert is_login_redirect(response), name
    for name, (path, owners_answer) in OWNER_ACTIONS.items():
        response = client.post(fill(path, deck))
        if persona in (OWNER, STAFF):
            assert response.status_code == owners_answer and not is_login_redirect(response), name
        elif persona == OTHER:
            assert response.status_code == 404, name
        else:
            assert is_login_redirect(response), name


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_that_change_a_collection(client, people, decks, persona):
    client = client_for(client, people, persona)
    for name, path in COLLECTION_PAGES.items():
        response = client.get(fill(path, decks["public"]))
        if persona in (OWNER, STAFF):
            assert response.status_code == 200, name
        elif persona == OTHER:
            assert response.status_code == 404, name
        else:
            assert is_login_redirect(response), name
    for name, path in COLLECTION_ACTIONS.items():
        response = client.post(fill(path, decks["public"]), {})
        if persona == OTHER:
            assert response.status_code == 404, name
        elif persona == ANONYMOUS:
            assert is_login_redirect(response), name
        else:
            assert response.status_code in (302, 400), name


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_pages(client, people, decks, persona):
    client = client_for(client, people, persona)
    for name, path in STAFF_PAGES.items():
        response = client.get(fill(path, decks["hidden"]))
        assert response.status_code == (200 if persona == STAFF else 404), name
    for name, path in STAFF_ACTIONS.items():
        if persona != STAFF:  # staff's own actions are tested in tests/test_moderation.py
            response = client.post(fill(path, decks["hidden"]), {"reason": "x", "text": "x"})
            assert response.status_code == 404, name
    decks["hidden"].refresh_from_db()
    assert decks["hidden"].hidden_by_staff


@pytest.mark.parametrize("persona", PERSONAS)
def test_account_pages(client, people, decks, persona):
    client = client_for(client, people, persona)
    for name, path in ACCOUNT_PAGES.items():
        response = client.get(path)
        if persona == ANONYMOUS:
            assert is_login_redirect(response), name
        else:
            assert response.status_code == 200, name


@pytest.mark.parametrize("persona", PERSONAS)
def test_account_actions(client, people, persona):
    client = client_for(client, people, persona)
    for name, (path, signed_in) in ACCOUNT_ACTIONS.items():
        read = client.get(path)
        response = read if read.status_code != 405 else client.post(path, {})
        if persona == ANONYMOUS:
            assert is_login_redirect(response), name
        else:
            assert response.status_code == signed_in, name


@pytest.mark.parametrize("persona", PERSONAS)
def test_listings_show_only_public_decks(client, people, decks, persona):
    client = client_for(client, people, persona)
    for name, path in LISTINGS.items():
        response = client.get(fill(path, decks["public"]))
        html = response.content.decode()
        assert response.status_code == 200, name
        if name not in ("collections", "api-collections"):  # lists of collections name no deck
            assert "Canary public" in html, name
        for kind in ("unlisted", "private", "hidden"):
            assert f"Canary {kind}" not in html, (name, kind)
            assert decks[kind].public_id not in html, (name, kind)


@pytest.mark.parametrize("persona", PERSONAS)
def test_similar_lists_show_only_public_decks(client, people, decks, persona):
    client = client_for(client, people, persona)
    for kind in ("public", "unlisted", "private"):
        if persona not in (OWNER, STAFF) and kind == "private":
            continue
        html = client.get(decks[kind].get_absolute_url()).content.decode()
        for other in ("unlisted", "private", "hidden"):
            if other != kind:
                assert decks[other].public_id not in html, (kind, other)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_apis_own_pages_are_everyones(client, people, persona):
    client = client_for(client, people, persona)
    for name, path in API_PAGES.items():
        assert client.get(path).status_code in (200, 302), name


@pytest.mark.parametrize("persona", (OTHER, ANONYMOUS))
def test_the_apis_writes_want_a_person_who_may(client, people, decks, persona):
    client = client_for(client, people, persona)
    for name, (method, path) in API_WRITES.items():
        response = getattr(client, method)(fill(path, decks["public"]))
        if persona == ANONYMOUS:
            assert response.status_code == 401, name
        elif "{id}" in path:
            assert response.status_code in (404, 422), name  # not theirs; or no file sent
    assert Presentation.objects.filter(pk=decks["public"].pk).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_crawlers_are_shown_listed_decks_only(client, people, decks, persona):
    client = client_for(client, people, persona)
    for name, path in CRAWLING.items():
        response = client.get(fill(path, decks["public"]))
        assert response.status_code == 200, name
    decks_map = client.get(CRAWLING["sitemap-section"]).content.decode()
    assert decks["public"].public_id in decks_map
    for kind in ("unlisted", "private", "hidden"):
        assert decks[kind].public_id not in decks_map, kind


@pytest.mark.parametrize("persona", PERSONAS)
def test_monitoring_answers_the_same_to_everyone_and_sets_no_cookie(client, people, persona):
    client = client_for(client, people, persona)
    for name, path in MONITORING.items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert not response.cookies, name
        outsider = client.get(path, REMOTE_ADDR="203.0.113.7")
        assert outsider.status_code == (200 if name == "healthz" else 404), name
