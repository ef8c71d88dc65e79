"""How much one person may upload: UPLOADS_PER_HOUR files (new decks and replaced ones).

Counted as uploads made, not decks held, so deleting decks gives nothing back; and counted
before the file is stored, in one step with the check (slideshelf.limits), so uploads racing
each other cannot slip past the limit together. An upload the server then fails to store
still counts: a person it happens to is told to try later anyway. Decks added from the command
line (`slideshelf import`, `slideshelf demo`) are the administrator's, and count against no one.
"""

from __future__ import annotations

from django.conf import settings

from slideshelf.limits import api as attempts
from slideshelf.presentations.access import User

UPLOAD = "upload"


def take_uploads(user: User, files: int) -> bool:
    """Count `files` uploads by the user, or none when the hour has not room for them all."""
    claim = attempts.Claim(UPLOAD, _who(user), settings.UPLOADS_PER_HOUR)
    return attempts.take(claim, files)


def uploads_left(user: User) -> int:
    """How many more files the user may upload this hour."""
    made = attempts.recent(UPLOAD, _who(user), attempts.HOUR).count
    return max(settings.UPLOADS_PER_HOUR - made, 0)


def _who(user: User) -> str:
    return f"user:{user.pk}"
