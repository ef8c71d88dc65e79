"""The search page: decks matching a visitor's words, each with its matching slides.

Parameters are read by a form and a bad one is dropped, not refused: a hand-edited address
(`?page=abc`, `?year=x`, `?sort=bogus`) still shows a page of results. Everything listed comes
from `api.find`, which only ever returns listed decks, and so do the facet counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Collection, Presentation, Slide
from slideshelf.presentations.views.pages import slide_version_query
from slideshelf.search import api
from slideshelf.search.query import MAX_LENGTH
from slideshelf.search.types import DeckHit, Filters, Sort

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PER_PAGE = 10
# What a result card shows (the query-count test fails if the template reads more).
CARD_FIELDS = (
    *("public_id", "title", "original_name", "language", "created_at", "slide_count"),
    *("slide_history", "revision", "owner__username", "owner__first_name", "owner__last_name"),
)
MAX_PAGE = 1000  # deeper pages help nobody and make the engine collect 10,000 hits first
FILTERS = ("language", "tag", "collection", "uploader", "year")
FILTER_LABELS = {
    "language": _("Language"),
    "tag": _("Tag"),
    "collection": _("Collection"),
    "uploader": _("Uploader"),
    "year": _("Year"),
}


class SearchForm(forms.Form):
    q = forms.CharField(required=False)
    language = forms.CharField(required=False, max_length=16)
    tag = forms.CharField(required=False, max_length=64)
    collection = forms.CharField(required=False, max_length=200)
    uploader = forms.CharField(required=False, max_length=150)
    year = forms.IntegerField(required=False, min_value=1, max_value=9999)
    sort = forms.ChoiceField(required=False, choices=[(sort.value, sort.value) for sort in Sort])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean_q(self) -> str:
        # The parser reads no further either; a 10 kB query is cut, not refused.
        return str(self.cleaned_data["q"])[:MAX_LENGTH].strip()

    def values(self) -> dict[str, Any]:
        """The valid parameters that were given; an invalid one is as if it were absent."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


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


@dataclass(frozen=True)
class ShownSlide:
    number: int
    url: str
    image: Slide | None
    snippet: str  # HTML from the engine, escaped there


@dataclass(frozen=True)
class ShownDeck:
    deck: Presentation
    url: str
    language: str
    slides: list[ShownSlide]
    cover: Slide | None  # the first slide, when no slide matched (a title or tag did)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    given = SearchForm(request.GET).values()
    text: str = given.get("q", "")
    sort = Sort(given.get("sort", Sort.RELEVANCE))
    filters = Filters(**{name: given[name] for name in FILTERS if name in given})
    number = given.get("page", 1)
    found = api.find(text, filters, sort, number, PER_PAGE)
    pages = Paginator(range(found.total), PER_PAGE)
    if found.total and number > pages.num_pages:
        # Past the last page (the results shrank, or the address was edited): show the last.
        number = pages.num_pages
        found = api.find(text, filters, sort, number, PER_PAGE)
    page = pages.get_page(number)
    links = Links({name: value for name, value in given.items() if name != "page"})
    context = {
        "q": text,
        "query": found.query,
        "total": found.total,
        "too_broad": found.too_broad,
        "results": shown_decks(found, text),
        "facets": facet_groups(found, given, links),
        "active": active_filters(given, links),
        "sorts": [
            Option(str(label), None, links.url(sort=value), sort == value)
            for value, label in ((Sort.RELEVANCE, _("Relevance")), (Sort.DATE, _("Newest")))
        ],
        "hidden": [(name, given[name]) for name in (*FILTERS, "sort") if name in given],
        "without_filters": links.url(**dict.fromkeys(FILTERS)),
        "page": page,
        "pager": pager(page, links),
    }
    response = render(request, "search/search.html", context)
    if request.user.is_authenticated:
        # The header carries the person's name: no shared cache may keep their copy.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


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


def shown_decks(found: api.SearchPage, text: str) -> list[ShownDeck]:
    """The results as their cards show them: the decks in one query, their images in another.

    Decks are loaded through `listed_presentations()`, so a deck that stopped being listed
    after the search is not shown.
    """
    ids = [hit.deck_id for hit in found.hits]
    decks = listed_presentations().select_related("owner").only(*CARD_FIELDS).in_bulk(ids)
    hits = [hit for hit in found.hits if hit.deck_id in decks]
    images = slide_images(decks, hits)
    shown = []
    for hit in hits:
        deck = decks[hit.deck_id]
        base = deck.get_absolute_url()
        version = slide_version_query(deck).removeprefix("?v=")
        query = urlencode({"q": text, **({"v": version} if version else {})})
        slides = [
            ShownSlide(
                slide.number,
                f"{base}{slide.number}/?{query}",
                images.get((deck.pk, slide.number)),
                slide.snippet,
            )
            for slide in hit.slides
        ]
        shown.append(
            ShownDeck(
                deck,
                f"{base}?{urlencode({'q': text})}",
                language_name(deck.language),
                slides,
                None if slides else images.get((deck.pk, 1)),
            )
        )
    return shown


def slide_images(
    decks: dict[int, Presentation], hits: list[DeckHit]
) -> dict[tuple[int, int], Slide]:
    """The slides whose thumbnails the cards show (the cover where no slide matched).

    One lookup of exact (deck, number) pairs, in SQL: the ORM says it with a Q object per
    pair, which takes longer to compile than the lookup takes to run. An OR of pairs, not
    `(deck, number) IN (VALUES …)`, which SQLite answers by scanning every slide.
    """
    wanted = sorted({(hit.deck_id, slide.number) for hit in hits for slide in hit.slides})
    wanted += [(hit.deck_id, 1) for hit in hits if not hit.slides]
    if not wanted:
        return {}
    pairs = " OR ".join(["(presentation_id = %s AND number = %s)"] * len(wanted))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT presentation_id, number, thumb_width, thumb_height"  # noqa: S608 - no input
            f" FROM {Slide._meta.db_table} WHERE {pairs}",
            [value for pair in wanted for value in pair],
        )
        rows = cursor.fetchall()
    # Built on the decks already loaded: their image addresses start with the deck's.
    return {
        (deck_id, number): Slide(
            presentation=decks[deck_id], number=number, thumb_width=width, thumb_height=height
        )
        for deck_id, number, width, height in rows
    }


def language_name(code: str) -> str:
    """The language's name in the visitor's language; the code when Django does not know it."""
    for candidate in (code, code.split("-")[0]) if code else ():
        try:
            return str(get_language_info(candidate)["name_translated"]).capitalize()
        except KeyError:
            continue
    return code


def facet_groups(found: api.SearchPage, given: dict[str, Any], links: Links) -> list[FacetGroup]:
    """Each filter not in force with its values among the results and their counts.

    A filter whose one value every result has would narrow nothing, so it is left out.
    """
    names = display_names(found.facets)
    groups = []
    for name in FILTERS:
        values = found.facets.get(name) or []
        if name in given or not values or (len(values) == 1 and values[0][1] >= found.total):
            continue
        options = [
            Option(names.get(name, {}).get(value, value), count, links.url(**{name: value}), False)
            for value, count in values
        ]
        groups.append(FacetGroup(name, FILTER_LABELS[name], options))
    return groups


def display_names(facets: dict[str, list[tuple[str, int]]]) -> dict[str, dict[str, str]]:
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
    in_force = {name: str(given[name]) for name in FILTERS if name in given}
    names = display_names({name: [(value, 0)] for name, value in in_force.items()})
    return [
        Option(
            f"{FILTER_LABELS[name]}: {names.get(name, {}).get(value, value)}",
            None,
            links.url(**{name: None}),
            True,
        )
        for name, value in in_force.items()
    ]


def pager(page: Page[int], links: Links) -> dict[str, Any]:
    """Links to the neighbouring pages and the page numbers around this one (None: a gap)."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {
        "previous": links.url(page=page.number - 1) if page.has_previous() else "",
        "next": links.url(page=page.number + 1) if page.has_next() else "",
        "numbers": [(n, links.url(page=n)) if isinstance(n, int) else (None, "") for n in numbers],
    }
