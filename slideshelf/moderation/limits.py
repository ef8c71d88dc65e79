"""At most REPORTS_PER_HOUR reports per signed-in user or, for anonymous visitors, per session.

No address is stored, so an anonymous visitor is known only by the session cookie this creates:
one who throws cookies away gets a fresh allowance. That is the price of not tracking people,
and it is bearable because reports never hide anything by themselves — the worst a flood does
is lengthen the staff queue.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from slideshelf.moderation.models import Report

HOUR = 3600


def may_report(request: HttpRequest) -> bool:
    if request.user.is_authenticated:
        since = timezone.now() - timedelta(seconds=HOUR)
        # The reports themselves are the count: nothing extra to keep or lose.
        made = Report.objects.filter(reporter_id=request.user.pk, created_at__gte=since).count()
    else:
        made = int(cache.get(_session_cache_key(request), 0))
    return made < settings.REPORTS_PER_HOUR


def count_report(request: HttpRequest) -> None:
    """Count one stored report against an anonymous visitor's hour (a user's are rows)."""
    if request.user.is_authenticated:
        return
    key = _session_cache_key(request)
    # The hour starts at the first report; add() is a no-op when the counter exists.
    if not cache.add(key, 1, HOUR):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, HOUR)


def _session_cache_key(request: HttpRequest) -> str:
    session = request.session
    # Writing a value marks the session modified, so the middleware sends its cookie.
    session["may_report"] = True
    if session.session_key is None:
        session.save()
    return f"reports:session:{session.session_key}"
