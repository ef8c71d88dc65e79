"""Lists a page at a time: `?page=` (from 1) and `?page_size=` (at most 100), answered with
the count and the absolute addresses of the pages before and after."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

from slideshelf.lib.addresses import absolute

T = TypeVar("T")
PAGE_SIZE = 24
LARGEST_PAGE = 100
# Beyond any real list, and inside what a database takes as an offset.
LAST_PAGE = 100_000


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=LAST_PAGE)
    page_size: int = Field(PAGE_SIZE, ge=1, le=LARGEST_PAGE)


class Page(Schema, Generic[T]):
    count: int
    next: str | None
    previous: str | None
    results: list[T]


def page_of(request: HttpRequest, items: QuerySet[Any], asked: PageQuery) -> dict[str, Any]:
    count = items.count()
    start = (asked.page - 1) * asked.page_size
    results = list(items[start : start + asked.page_size])
    return {
        "count": count,
        "next": address_of_page(request, asked.page + 1)
        if start + asked.page_size < count
        else None,
        "previous": address_of_page(request, asked.page - 1) if asked.page > 1 else None,
        "results": results,
    }


def address_of_page(request: HttpRequest, page: int) -> str:
    """This address at page `page`, absolute."""
    query = request.GET.copy()
    query["page"] = str(page)
    return absolute(request, f"{request.path}?{query.urlencode()}")
