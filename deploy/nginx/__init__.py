"""nginx in front of slideshelf: deploy/nginx/slideshelf.conf, filled in from the settings in
effect, so that nginx and slideshelf agree on the upload limit and the folders.

    cd /opt/slideshelf
    .venv/bin/python -m deploy.nginx --env-file /etc/slideshelf/slideshelf.env \\
        > /etc/nginx/sites-available/slideshelf
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slideshelf.core.sizes import FORM_ROOM

TEMPLATE = Path(__file__).with_name("slideshelf.conf")
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# Each value goes into the configuration as one word: nothing in it may end a directive,
# open a block or a comment, or quote.
WORD = re.compile(r"[^\s;{}'\"#]+")
# The location rendered when SLIDESHELF_ACCEL_REDIRECT is not set (the site then streams
# files itself, and nginx's location is never used).
DEFAULT_ACCEL_REDIRECT = "/_media/"


@dataclass(frozen=True)
class Site:
    """What nginx needs to know that slideshelf's settings do not say."""

    server_name: str
    certificate: str
    certificate_key: str
    upstream: str = "127.0.0.1:8000"  # where slideshelf-web.service's gunicorn listens
    http_port: int = 80
    https_port: int = 443


def render(site: Site, settings: Any) -> str:
    """The configuration for `site`, with the folders and limits of `settings` (Django's)."""
    return fill(
        TEMPLATE.read_text(),
        {
            "server_name": site.server_name,
            "certificate": site.certificate,
            "certificate_key": site.certificate_key,
            "upstream": site.upstream,
            "http_port": str(site.http_port),
            "https_port": str(site.https_port),
            "static_root": str(settings.STATIC_ROOT),
            "media_root": str(settings.MEDIA_ROOT),
            "accel_redirect": settings.ACCEL_REDIRECT or DEFAULT_ACCEL_REDIRECT,
            "client_max_body_size": str(settings.MAX_UPLOAD_BYTES + FORM_ROOM),
        },
    )


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each {{name}} replaced by its value; every name must have one."""
    if missing := set(PLACEHOLDER.findall(template)) - set(values):
        raise KeyError(f"no value for {', '.join(sorted(missing))}")
    for name, value in values.items():
        if not WORD.fullmatch(value):
            raise ValueError(f"{name} must be one word without ; {{ }} # or quotes: {value!r}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)
