"""Lists shown a page at a time (`?page=`), and the page numbers a pager links to."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, per_page: int) -> dict[str, Any]:
    """The requested page of `items` (the last for a number past it, the first for nonsense)
    and the numbers for its pager, as pagination.html takes them."""
    page: Page[Any] = Paginator(items, per_page).get_page(request.GET.get("page"))
    return {"page": page, "page_numbers": page_numbers(page)}


def page_numbers(page: Page[Any]) -> list[int | None]:
    """The first and last page and two on each side of this one; None where pages are left out."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [n if isinstance(n, int) else None for n in numbers]
