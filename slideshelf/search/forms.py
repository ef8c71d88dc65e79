"""The search page's parameters. A bad one is dropped, not refused: a hand-edited address
(`?page=abc`, `?year=x`, `?sort=bogus`) still shows a page of results."""

from __future__ import annotations

from typing import Any

from django import forms

from slideshelf.search import query
from slideshelf.search.facets import FACETS
from slideshelf.search.types import Filters, Sort

MAX_PAGE = 1000  # deeper pages help nobody and make the engine collect 10,000 hits first


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
        return query.clean(str(self.cleaned_data["q"]))

    def values(self) -> dict[str, Any]:
        """The valid parameters that were given; an invalid one is as if it were absent."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def filters_of(given: dict[str, Any]) -> Filters:
    return Filters(**{name: given[name] for name in FACETS if name in given})


def sort_of(given: dict[str, Any]) -> Sort:
    return Sort(given.get("sort", Sort.RELEVANCE))
