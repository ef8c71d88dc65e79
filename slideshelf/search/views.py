"""The search page: decks matching a visitor's words, each with its matching slides."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from slideshelf.search import api
from slideshelf.search.forms import SearchForm, filters_of, sort_of
from slideshelf.search.results import page_context

PER_PAGE = 10


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    given = SearchForm(request.GET).values()
    found = api.find(
        given.get("q", ""), filters_of(given), sort_of(given), given.get("page", 1), PER_PAGE
    )
    response = render(request, "search/search.html", page_context(found, given, PER_PAGE))
    if request.user.is_authenticated:
        # The header carries the person's name: no shared cache may keep their copy.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response
