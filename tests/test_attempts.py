"""Counting attempts (slideshelf.limits), the one way every limit counts; and the client address.

The races run on whichever database the suite runs on: SQLite, and PostgreSQL in CI.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test import RequestFactory

from slideshelf.lib.clients import address_group, client_address, networks
from slideshelf.lib.env import ConfigError
from slideshelf.limits import api as attempts
from slideshelf.limits.api import Claim
from slideshelf.limits.models import Attempt
from tests.stored import everything_stored

pytestmark = pytest.mark.django_db(transaction=True)


def claim(limit: int = 3, who: str = "203.0.113.9", kind: str = "test") -> Claim:
    return Claim(kind, who, limit)


def age(delta: timedelta) -> None:
    Attempt.objects.update(at=F("at") - delta)


def test_a_claim_takes_attempts_up_to_its_limit():
    assert [attempts.take(claim(3)) for _ in range(4)] == [True, True, True, False]
    assert Attempt.objects.count() == 3


def test_a_batch_that_does_not_fit_takes_nothing():
    attempts.take(claim(3))
    assert not attempts.take(claim(3), amount=3)
    assert attempts.take(claim(3), amount=2)
    assert Attempt.objects.count() == 3


def test_attempts_older_than_the_window_do_not_count():
    for _ in range(3):
        attempts.take(claim(3))
    age(timedelta(minutes=61))
    assert attempts.take(claim(3))
    assert attempts.recent("test", "203.0.113.9", attempts.HOUR).count == 1


def test_each_kind_and_each_client_is_counted_apart():
    assert attempts.take(claim(1))
    assert attempts.take(claim(1, who="203.0.113.10"))
    assert attempts.take(claim(1, kind="other"))
    assert not attempts.take(claim(1))


def test_a_window_longer_than_rows_are_kept_is_refused():
    with pytest.raises(ValueError, match="longer than attempts are kept"):
        Claim("test", "x", 1, timedelta(days=2))


def test_a_request_at_the_limit_waits_for_the_one_before_it_and_is_refused():
    """The race itself, made certain: the first request has counted the last place but not
    committed when the second counts. The second must wait for it, then see it."""
    counted, release, results = threading.Event(), threading.Event(), {}

    def first() -> None:
        try:
            with transaction.atomic():
                results["first"] = attempts.take(claim(1))
                counted.set()
                release.wait(10)
        finally:
            connection.close()

    def second() -> None:
        try:
            results["second"] = attempts.take(claim(1))
        finally:
            connection.close()

    holder = threading.Thread(target=first)
    holder.start()
    assert counted.wait(10)
    racer = threading.Thread(target=second)
    racer.start()
    racer.join(0.5)
    assert racer.is_alive(), "the second request did not wait for the first"
    release.set()
    holder.join(10)
    racer.join(30)
    assert results == {"first": True, "second": False}
    assert Attempt.objects.count() == 1


def test_requests_racing_for_the_last_places_get_exactly_the_limit():
    racers = 8
    start, results = threading.Barrier(racers), []

    def race() -> None:
        try:
            start.wait(10)
            results.append(attempts.take(claim(3)))
        finally:
            connection.close()

    threads = [threading.Thread(target=race) for _ in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(results) == [False] * 5 + [True] * 3
    assert Attempt.objects.count() == 3


def test_rows_keep_a_hash_keyed_with_the_secret_key_never_the_value(settings):
    attempts.take(claim(who="203.0.113.9"))
    assert "203.0.113.9" not in everything_stored()
    row = Attempt.objects.get()
    # The key is secret: without it, hashing every IPv4 address does not find this one.
    unkeyed = hashlib.sha256(b"test\n203.0.113.9").hexdigest()
    assert len(row.key) == 64 and row.key != unkeyed
    secret = hashlib.sha256(b"slideshelf.limits" + settings.SECRET_KEY.encode()).digest()
    keyed = hmac.new(secret, b"test\n203.0.113.9", hashlib.sha256).hexdigest()
    assert row.key == keyed
    settings.SECRET_KEY = "another secret key, another site"
    assert attempts.hashed("test", "203.0.113.9") != row.key


def test_attempts_older_than_a_day_are_deleted_by_the_next_count():
    attempts.take(claim(who="203.0.113.9"))
    age(timedelta(hours=24, minutes=1))
    attempts.take(claim(who="198.51.100.1", kind="other"))
    assert Attempt.objects.count() == 1
    assert Attempt.objects.get().kind == "other"


def test_a_quiet_site_forgets_them_too():
    """What the worker runs every ten minutes."""
    attempts.take(claim())
    age(timedelta(hours=25))
    attempts.forget_expired()
    assert not Attempt.objects.exists()


def test_failures_are_recorded_without_a_limit_and_cleared():
    for _ in range(50):
        attempts.record("login-username", "ada")
    found = attempts.recent("login-username", "ada")
    assert found.count == 50 and found.last is not None
    attempts.clear("login-username", "ada")
    assert attempts.recent("login-username", "ada").count == 0


# Where a request comes from

PROXY = networks(["10.0.0.2"], "SLIDESHELF_TRUSTED_PROXIES")
PROXIES = networks(["10.0.0.0/24", "fd00::/8"], "SLIDESHELF_TRUSTED_PROXIES")


def test_without_trusted_proxies_the_client_is_the_connecting_address():
    assert client_address("203.0.113.9", "198.51.100.1", ()) == "203.0.113.9"


def test_a_forwarded_address_from_an_untrusted_connection_is_ignored():
    assert client_address("203.0.113.9", "198.51.100.1", PROXY) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwarded():
    assert client_address("10.0.0.2", "198.51.100.1", PROXY) == "198.51.100.1"


def test_what_a_client_wrote_left_of_the_proxies_is_ignored():
    forwarded = "1.2.3.4, 198.51.100.1, 10.0.0.7"
    assert client_address("10.0.0.2", forwarded, PROXIES) == "198.51.100.1"


def test_only_trusted_proxies_all_the_way_gives_the_first_of_them():
    assert client_address("10.0.0.2", "10.0.0.5", PROXIES) == "10.0.0.5"


def test_ipv6_clients_are_counted_by_their_64_network():
    assert address_group("2001:db8:1:2:aaaa::1") == address_group("2001:db8:1:2:bbbb::9")
    assert address_group("2001:db8:1:2::1") != address_group("2001:db8:1:3::1")
    assert ipaddress.ip_network(address_group("2001:db8:1:2::1")).prefixlen == 64
    assert address_group("::ffff:203.0.113.9") == "203.0.113.9"
    assert address_group("203.0.113.9") == "203.0.113.9"


def test_a_trusted_proxy_that_is_not_an_address_stops_start_up():
    with pytest.raises(ConfigError, match=r"SLIDESHELF_TRUSTED_PROXIES: 'proxy\.local'"):
        networks(["10.0.0.1", "proxy.local"], "SLIDESHELF_TRUSTED_PROXIES")


def test_requests_are_counted_by_the_client_the_setting_trusts(settings):
    factory = RequestFactory()
    forwarded = factory.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert attempts.client_of(forwarded) == "10.0.0.2"
    settings.TRUSTED_PROXIES = PROXY
    assert attempts.client_of(forwarded) == "198.51.100.1"
