"""The API's request rate: each token, and each address without one, a number a minute."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from slideshelf.accounts import tokens
from slideshelf.api.rates import RequestRate

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_minutes_requests_and_then_the_wait_until_the_next():
    clock = Clock(120.0 + 45)  # 45 s into a minute
    rate = RequestRate(3, clock)
    assert [rate.wait_for("a") for _ in range(3)] == [0, 0, 0]
    assert rate.wait_for("a") == 15
    assert rate.wait_for("b") == 0, "each client counts for itself"
    clock.now = 180.0
    assert rate.wait_for("a") == 0, "a new minute starts every count again"


def test_past_the_limit_a_token_gets_429_with_retry_after(settings, media):
    settings.API_REQUESTS_PER_MINUTE = 2
    ada = get_user_model().objects.create_user("ada", password="pw")
    first = {"HTTP_AUTHORIZATION": f"Bearer {tokens.issue(ada, 'One', 'read')[1]}"}
    second = {"HTTP_AUTHORIZATION": f"Bearer {tokens.issue(ada, 'Two', 'read')[1]}"}
    client = Client()  # its middleware is made now, with the setting above
    answers = [client.get("/api/v1/decks/", **first).status_code for _ in range(3)]
    if answers != [200, 200, 429]:  # the minute turned between two requests
        answers = [client.get("/api/v1/decks/", **first).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    refused = client.get("/api/v1/decks/", **first)
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert json.loads(refused.content)["code"] == "too_many_requests"
    assert client.get("/api/v1/decks/", **second).status_code == 200, "another token's own"
    assert client.get("/").status_code == 200, "the site's pages are not counted"
