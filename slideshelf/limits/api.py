"""Counting attempts: the one way every limit of the site counts, whatever it limits (uploads,
reports, sign-ups, password resets, failed logins). The only module of `slideshelf.limits` the
rest of slideshelf imports.

Who tried is kept as a keyed hash (HMAC-SHA256 with the site's secret key): a client address,
an e-mail address or a username cannot be read back from a row, nor found by hashing guesses
without the key. Nothing is kept longer than a day: every count that writes first deletes the
rows older than that, and the worker does so every few minutes for a quiet site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from slideshelf.lib.clients import address_group, client_address
from slideshelf.limits.models import Attempt

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
RETENTION = DAY
# Counting again after losing a race to another request for the same key: each loss means
# that request's attempt was counted, so only a flood of them can use these up, and then
# refusing is the right answer.
TRIES = 20


@dataclass(frozen=True)
class Claim:
    """At most `limit` attempts of `kind` by `who` in any `window`."""

    kind: str
    who: str
    limit: int
    window: timedelta = HOUR

    def __post_init__(self) -> None:
        if self.window > RETENTION:
            raise ValueError(f"{self.kind}: a window longer than attempts are kept")


@dataclass(frozen=True)
class Recent:
    count: int
    last: datetime | None


def take(claim: Claim, amount: int = 1) -> bool:
    """Count `amount` attempts when the window has room for all of them; otherwise count none
    and say False. Two requests at the limit cannot both get the last place, on SQLite or
    PostgreSQL (see `Attempt.number`)."""
    return _add(claim.kind, claim.who, amount, claim)


def record(kind: str, who: str) -> None:
    """Count an attempt that nothing refuses: a failed login, whose cost is a later wait."""
    _add(kind, who, 1, None)


def recent(kind: str, who: str, window: timedelta = RETENTION) -> Recent:
    found = Attempt.objects.filter(
        kind=kind, key=hashed(kind, who), at__gte=timezone.now() - window
    ).aggregate(count=Count("pk"), last=Max("at"))
    return Recent(found["count"], found["last"])


def clear(kind: str, who: str) -> None:
    Attempt.objects.filter(kind=kind, key=hashed(kind, who)).delete()


def forget_expired() -> None:
    Attempt.objects.filter(at__lt=timezone.now() - RETENTION).delete()


def hashed(kind: str, who: str) -> str:
    # The kind is hashed too, so one address's rows of different kinds cannot be linked.
    return salted_hmac("slideshelf.limits", f"{kind}\n{who}", algorithm="sha256").hexdigest()


def client_of(request: HttpRequest) -> str:
    """The client a request comes from, as limits count it (see `lib/clients.py`)."""
    address = client_address(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        settings.TRUSTED_PROXIES,
    )
    return address_group(address)


def _add(kind: str, who: str, amount: int, claim: Claim | None) -> bool:
    key = hashed(kind, who)
    forget_expired()
    for _ in range(TRIES):
        try:
            with transaction.atomic():
                return _add_once(kind, key, amount, claim)
        except IntegrityError:
            continue  # another request added the same numbers first: count again
    return False


def _add_once(kind: str, key: str, amount: int, claim: Claim | None) -> bool:
    # On SQLite the transaction already holds the write lock (IMMEDIATE), so nothing races.
    # On PostgreSQL two requests may count the same rows; both then insert number last + 1,
    # the second waits on the unique index until the first commits, and fails.
    now = timezone.now()
    since = now - (claim.window if claim else RETENTION)
    seen = Attempt.objects.filter(kind=kind, key=key).aggregate(
        recent=Count("pk", filter=Q(at__gte=since)), last=Max("number")
    )
    if claim is not None and seen["recent"] + amount > claim.limit:
        return False
    first = (seen["last"] or 0) + 1
    Attempt.objects.bulk_create(
        Attempt(kind=kind, key=key, number=first + n, at=now) for n in range(amount)
    )
    return True
