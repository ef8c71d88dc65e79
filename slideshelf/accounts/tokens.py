"""Personal API tokens: made, found by the token a request sends, and revoked.

A token is "ss_" and 43 random characters. Only its SHA-256 is stored, so the database never
holds one that works; a revoked token's row is deleted, so it stops working at the next
request. When it was last used is written at most once a minute: a script reading a thousand
decks must not write a thousand times.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.contrib.auth.models import User
from django.utils import timezone

from slideshelf.accounts.models import ApiToken

PREFIX = "ss_"
HINT_LENGTH = 7  # "ss_" and four characters
TOUCH_EVERY = datetime.timedelta(minutes=1)


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token for `user`: its row, and the token itself, to show once."""
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user, name=name, scope=scope, digest=digest_of(token), hint=token[:HINT_LENGTH]
    )
    return row, token


def holder_of(token: str) -> ApiToken | None:
    """The token's row, its user loaded, when it is a live token of an active account."""
    if not token.startswith(PREFIX):
        return None
    found = ApiToken.objects.select_related("user").filter(digest=digest_of(token)).first()
    if found is None or not found.user.is_active:
        return None
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        found.last_used_at = now
    return found


def revoke(user: User, token_id: int) -> bool:
    """Delete the user's token; False when they have no such token."""
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)
