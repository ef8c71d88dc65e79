"""Personal API tokens: made and revoked on the profile page, shown once, stored hashed, and
what a request with one may see."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from slideshelf.accounts import tokens
from slideshelf.accounts.models import ApiToken
from slideshelf.presentations.models import Visibility
from tests.factories import deck_with_slides

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada():
    return get_user_model().objects.create_user("ada", password="pw")


@pytest.fixture
def private_decks(media, ada):
    eve = get_user_model().objects.create_user("eve", password="pw")
    return {
        "ada": deck_with_slides(1, owner=ada, title="Ada's draft", visibility=Visibility.PRIVATE),
        "eve": deck_with_slides(1, owner=eve, title="Eve's draft", visibility=Visibility.PRIVATE),
    }


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_token_is_made_on_the_profile_page_shown_once_and_kept_hashed(client, ada):
    client.force_login(ada)
    made = client.post("/account/tokens/new/", {"token-name": "Intranet", "token-scope": "read"})
    html = made.content.decode()
    token = re.search(r'id="new-token" type="text" readonly value="(ss_[^"]+)"', html).group(1)
    assert "it is not shown again" in html
    row = ApiToken.objects.get(user=ada)
    assert row.name == "Intranet" and row.scope == "read"
    assert row.digest == tokens.digest_of(token) and token not in row.digest
    assert row.hint == token[:7] and len(token) > 40
    again = client.get("/account/profile/").content.decode()
    assert token not in again and f"{row.hint}…" in again and "Intranet" in again


def test_a_token_without_a_name_is_refused_with_the_reason(client, ada):
    client.force_login(ada)
    refused = client.post("/account/tokens/new/", {"token-name": "", "token-scope": "read"})
    assert refused.status_code == 400 and not ApiToken.objects.exists()
    assert 'aria-describedby="id_token-name_error' in refused.content.decode()


def test_a_token_reads_as_its_owner_and_no_further(client, ada, private_decks):
    _, token = tokens.issue(ada, "Script", "read")
    own = client.get(f"/api/v1/decks/{private_decks['ada'].public_id}/", **bearer(token))
    assert own.status_code == 200
    others = client.get(f"/api/v1/decks/{private_decks['eve'].public_id}/", **bearer(token))
    assert others.status_code == 404
    assert client.get(f"/api/v1/decks/{private_decks['ada'].public_id}/").status_code == 404


def test_a_revoked_token_stops_working_at_once(client, ada, private_decks):
    row, token = tokens.issue(ada, "Script", "read")
    path = f"/api/v1/decks/{private_decks['ada'].public_id}/"
    assert client.get(path, **bearer(token)).status_code == 200
    client.force_login(ada)
    assert client.post(f"/account/tokens/{row.pk}/revoke/").status_code == 302
    client.logout()
    refused = client.get(path, **bearer(token))
    assert refused.status_code == 401
    assert refused["Content-Type"] == "application/problem+json"
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert b'"code": "invalid_token"' in refused.content


def test_only_the_owner_may_revoke_a_token(client, ada):
    row, _ = tokens.issue(ada, "Script", "read")
    client.force_login(get_user_model().objects.create_user("eve", password="pw"))
    assert client.post(f"/account/tokens/{row.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=row.pk).exists()
    client.logout()
    assert client.post(f"/account/tokens/{row.pk}/revoke/").status_code == 302  # to log in
    assert ApiToken.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("header", ["Bearer ss_nonsense", "Bearer ", "Basic YWRhOnB3", "Token x"])
def test_an_unusable_token_is_refused_not_taken_for_anonymous(client, media, header):
    refused = client.get("/api/v1/decks/", HTTP_AUTHORIZATION=header)
    assert refused.status_code == 401 and b"invalid_token" in refused.content


def test_an_inactive_accounts_token_stops_working(client, ada, private_decks):
    _, token = tokens.issue(ada, "Script", "read")
    ada.is_active = False
    ada.save()
    assert client.get("/api/v1/decks/", **bearer(token)).status_code == 401


def test_last_use_is_written_at_most_once_a_minute(client, ada, media):
    row, token = tokens.issue(ada, "Script", "read")
    assert row.last_used_at is None
    client.get("/api/v1/decks/", **bearer(token))
    row.refresh_from_db()
    first = row.last_used_at
    assert first is not None
    client.get("/api/v1/decks/", **bearer(token))
    row.refresh_from_db()
    assert row.last_used_at == first
    ApiToken.objects.filter(pk=row.pk).update(last_used_at=first - timedelta(minutes=2))
    client.get("/api/v1/decks/", **bearer(token))
    row.refresh_from_db()
    assert row.last_used_at > first - timedelta(seconds=1)
    assert row.last_used_at <= timezone.now()
