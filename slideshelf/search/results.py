"""What the search page shows of a search: cards, facets, filters in force, sorts and pages.

Everything listed comes from `api.find`, which only ever returns listed decks, and so do the
facet counts. Every link is this search's address with one thing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.utils.translation import gettext_lazy as _

from slideshelf.lib.languages import language_name
from slideshelf.lib.paging import page_numbers
from slideshelf.presentations.models import Collection
from slideshelf.search.cards import shown_decks
from slideshelf.search.facets import FACETS, LABELS
from slideshelf.search.finding import SearchPage
from slideshelf.search.forms import sort_of
from slideshelf.search.types import Facets, Sort

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SORTS = ((Sort.RELEVANCE, _("Relevance")), (Sort.DATE, _("Newest")))


@dataclass(frozen=True)
class Option:
    label: str
    count: int | None
    url: str
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: StrOrPromise
    options: list[Option]


class Links:
    """Addresses of this search with one thing changed; any change goes back to page 1."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def url(self, **changes: Any) -> str:
        params = {**self.params, **changes}
        # Defaults are left out: one search, one address.
        if params.get("sort") == Sort.RELEVANCE:
            del params["sort"]
        if params.get("page") == 1:
            del params["page"]
        query = urlencode({name: value for name, value in params.items() if value})
        return f"?{query}" if query else "?"


def page_context(found: SearchPage, given: dict[str, Any], per_page: int) -> dict[str, Any]:
    """The search page's template context for the page of results `found`.

    `given` are the page's valid parameters; `found.page` is the page served, which is the last
    one when the address asked for a page past the end.
    """
    page = Paginator(range(found.total), per_page).get_page(found.page)
    links = Links({name: value for name, value in given.items() if name != "page"})
    sort = sort_of(given)
    return {
        "q": given.get("q", ""),
        "query": found.query,
        "total": found.total,
        "too_broad": found.too_broad,
        "results": shown_decks(found.hits, given.get("q", "")),
        "facets": facet_groups(found, given, links),
        "active": active_filters(given, links),
        "sorts": [
            Option(str(label), None, links.url(sort=value), sort == value) for value, label in SORTS
        ],
        "hidden": [(name, given[name]) for name in (*FACETS, "sort") if name in given],
        "without_filters": links.url(**dict.fromkeys(FACETS)),
        "page": page,
        "pager": pager(page, links),
    }


def facet_groups(found: SearchPage, given: dict[str, Any], links: Links) -> list[FacetGroup]:
    """Each filter not in force with its values among the results and their counts.

    A filter whose one value every result has would narrow nothing, so it is left out.
    """
    names = display_names(found.facets)
    groups = []
    for name in FACETS:
        values = found.facets.get(name) or []
        if name in given or not values or (len(values) == 1 and values[0][1] >= found.total):
            continue
        options = [
            Option(names.get(name, {}).get(value, value), count, links.url(**{name: value}), False)
            for value, count in values
        ]
        groups.append(FacetGroup(name, LABELS[name], options))
    return groups


def display_names(facets: Facets) -> dict[str, dict[str, str]]:
    """What a person reads for values that are codes, slugs or usernames."""
    names = {"language": {code: language_name(code) for code, _ in facets.get("language", [])}}
    if slugs := [slug for slug, _ in facets.get("collection", [])]:
        names["collection"] = dict(
            Collection.objects.filter(slug__in=slugs).values_list("slug", "name")
        )
    if usernames := [username for username, _ in facets.get("uploader", [])]:
        users = get_user_model().objects.filter(
            **{f"{get_user_model().USERNAME_FIELD}__in": usernames}
        )
        names["uploader"] = {
            user.get_username(): user.get_full_name() or user.get_username() for user in users
        }
    return names


def active_filters(given: dict[str, Any], links: Links) -> list[Option]:
    """The filters in force, each with the address of this search without it."""
    in_force = {name: str(given[name]) for name in FACETS if name in given}
    names = display_names({name: [(value, 0)] for name, value in in_force.items()})
    return [
        Option(
            f"{LABELS[name]}: {names.get(name, {}).get(value, value)}",
            None,
            links.url(**{name: None}),
            True,
        )
        for name, value in in_force.items()
    ]


def pager(page: Page[int], links: Links) -> dict[str, Any]:
    """Links to the neighbouring pages and the page numbers around this one (None: a gap)."""
    return {
        "previous": links.url(page=page.number - 1) if page.has_previous() else "",
        "next": links.url(page=page.number + 1) if page.has_next() else "",
        "numbers": [(n, links.url(page=n) if n else "") for n in page_numbers(page)],
    }
