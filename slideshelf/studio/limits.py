"""How much one person may upload."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from slideshelf.presentations.access import User
from slideshelf.presentations.models import Presentation


def uploads_left(user: User) -> int:
    """How many more files the user may upload this hour: new decks and replaced ones."""
    since = timezone.now() - timedelta(hours=1)
    recent = (
        Presentation.objects.filter(owner_id=user.pk)
        .filter(Q(created_at__gte=since) | Q(conversion__replaced_at__gte=since))
        .count()
    )
    return max(settings.UPLOADS_PER_HOUR - recent, 0)
