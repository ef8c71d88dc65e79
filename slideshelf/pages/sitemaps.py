"""What the sitemap lists, section by section: every listed deck, collection, tag and uploader,
each with the date its page last changed, and a deck with its first slide's picture.

Every section starts from `access`, so nothing private, unlisted, hidden or unconverted is
named, not even by a tag only such decks carry. A section is read a page at a time, in the
order rows were made, so a new deck lands on the last page and the others keep theirs; each
page is one query, however many rows it holds (no query per row).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet
from django.urls import reverse

from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation, Slide

# The sitemap protocol's most addresses in one file.
PAGE_SIZE = 50_000
# Rows read from the database at a time while a page is written.
CHUNK = 2_000


@dataclass(frozen=True)
class Address:
    """One page for the sitemap: its path, when it last changed, and its picture's path."""

    path: str
    lastmod: datetime.datetime | None
    image: str | None = None


class Section:
    """A kind of page. `rows()` is ordered by primary key and annotates `lastmod`."""

    def rows(self) -> QuerySet[Any]:
        raise NotImplementedError

    def address(self, row: Any) -> Address:
        raise NotImplementedError

    def page_count(self) -> int:
        return math.ceil(self.rows().count() / PAGE_SIZE)

    def page(self, number: int) -> Iterator[Address]:
        """Page `number` (from 1) of the section's addresses."""
        start = (number - 1) * PAGE_SIZE
        for row in self.rows()[start : start + PAGE_SIZE].iterator(chunk_size=CHUNK):
            yield self.address(row)

    def page_lastmod(self, number: int) -> datetime.datetime | None:
        """The newest date on page `number`: what the index says of that page."""
        start = (number - 1) * PAGE_SIZE
        dates = self.rows().values("lastmod")[start : start + PAGE_SIZE]
        newest = dates.aggregate(newest=Max("lastmod"))
        value: datetime.datetime | None = newest["newest"]
        return value


class Decks(Section):
    def rows(self) -> QuerySet[Presentation]:
        pictured = Slide.objects.filter(presentation=OuterRef("pk"), number=1).exclude(image="")
        # What the deck's address and its picture's are made of, and no more.
        fields = ("public_id", "title", "original_name", "revision", "visibility")
        return (
            access.listed_presentations()
            .only(*fields, "hidden_by_staff", "updated_at")
            .annotate(lastmod=F("updated_at"), pictured=Exists(pictured))
            .order_by("pk")
        )

    def address(self, row: Presentation) -> Address:
        first = Slide(presentation=row, number=1)
        image = first.image_url() if getattr(row, "pictured", False) else None
        return Address(row.get_absolute_url(), row.updated_at, image)


class Collections(Section):
    def rows(self) -> QuerySet[Any]:
        listed = Q(presentations__in=access.listed_presentations())
        return (
            access.listed_collections()
            .annotate(lastmod=Max("presentations__updated_at", filter=listed))
            .order_by("pk")
            .values("slug", "lastmod")
        )

    def address(self, row: dict[str, Any]) -> Address:
        return Address(reverse("collection", args=[row["slug"]]), row["lastmod"])


class Tags(Section):
    def rows(self) -> QuerySet[Any]:
        # After the filter on listed decks, the newest is the newest listed deck's date.
        return (
            access.listed_tags()
            .annotate(lastmod=Max("presentations__updated_at"))
            .order_by("pk")
            .values("slug", "lastmod")
        )

    def address(self, row: dict[str, Any]) -> Address:
        return Address(reverse("tag", args=[row["slug"]]), row["lastmod"])


class Uploaders(Section):
    def rows(self) -> QuerySet[Any]:
        rows: QuerySet[Any] = (
            access.listed_uploaders()
            .annotate(lastmod=Max("presentations__updated_at"))
            .order_by("pk")
            .values(User.USERNAME_FIELD, "lastmod")
        )
        return rows

    def address(self, row: dict[str, Any]) -> Address:
        return Address(reverse("uploader", args=[row[User.USERNAME_FIELD]]), row["lastmod"])


SECTIONS: dict[str, Section] = {
    "decks": Decks(),
    "collections": Collections(),
    "tags": Tags(),
    "uploaders": Uploaders(),
}
