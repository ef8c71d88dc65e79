"""Who is counted: people reading, not robots, and never the deck's owner. Nothing about the
visitor is looked at beyond whether the User-Agent names a robot, and nothing is kept."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest

from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation

ROBOTS = re.compile(r"bot|crawl|spider|slurp|preview|fetch", re.IGNORECASE)


def is_robot(request: HttpRequest) -> bool:
    return bool(ROBOTS.search(request.headers.get("User-Agent", "")))


def counts(request: HttpRequest) -> bool:
    """Counting is on and the request is not a robot's. Reads no session: the embed player,
    which reads none, asks this alone."""
    return settings.COUNT_VIEWS and not is_robot(request)


def counts_for(request: HttpRequest, deck: Presentation) -> bool:
    """As `counts`, and the visitor is not the deck's owner."""
    return counts(request) and not access.is_owner(request.user, deck)


def whole_download(request: HttpRequest) -> bool:
    """A download from its start: a range request further in resumes one already counted."""
    asked = request.headers.get("Range", "")
    return request.method == "GET" and (not asked or asked.replace(" ", "").startswith("bytes=0-"))
