"""One row per counted attempt: an upload, a report, a sign-up, a password reset, a failed login."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Attempt(models.Model):
    # What was tried: "upload", "report", "login-address", … (see each limit's module).
    kind = models.CharField(max_length=32)
    # A keyed hash (HMAC-SHA256 with the secret key) of who tried: a client address, an
    # e-mail address, a username or an account. The value itself is never stored.
    key = models.CharField(max_length=64)
    # The n-th attempt under this kind and key. Unique, so two requests that counted the same
    # rows cannot both add the next one: the second fails, counts again and sees the first.
    number = models.PositiveBigIntegerField()
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "number"], name="one_attempt_a_number")
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.number} at {self.at:%Y-%m-%d %H:%M:%S}"
