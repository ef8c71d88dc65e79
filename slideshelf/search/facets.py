"""The filters a search can be narrowed by, which the engines count as facets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

FACETS = ("language", "tag", "collection", "uploader", "year")
FACET_SIZE = 10  # values a facet offers, the most common first
LABELS = {
    "language": _("Language"),
    "tag": _("Tag"),
    "collection": _("Collection"),
    "uploader": _("Uploader"),
    "year": _("Year"),
}
