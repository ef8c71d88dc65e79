"""`{{ deck.language|language_name }}`: "Svenska", "English"; the code for one Django lacks."""

from __future__ import annotations

from django import template

from slideshelf.lib import languages

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    return languages.language_name(code)
