"""A query's words in <mark>: the one place search output becomes HTML.

The engines and `search.snippets` give texts and the offsets of the words to mark; the search
page's snippets and the presentation page's transcript are both marked up here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from slideshelf.search import query, snippets
from slideshelf.search.types import Span


def mark(text: str, spans: Iterable[Span]) -> SafeString:
    """The text escaped, each span (in order, not overlapping) in <mark>."""
    parts: list[str] = []
    cursor = 0
    for first, last in spans:
        parts.append(escape(text[cursor:first]))
        parts.append(f"<mark>{escape(text[first:last])}</mark>")
        cursor = last
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text is escaped above


@dataclass(frozen=True)
class TranscriptMarks:
    """The words of the search that led to a page (`?q=`), to mark in the page's texts."""

    query: str  # what the visitor typed, to show; "" when it has no word to mark
    forms: frozenset[str]
    language: str  # the texts' own

    def mark(self, text: str) -> SafeString:
        """The whole text escaped, every word matching one of the query's in <mark>."""
        return mark(text, snippets.marked_spans(text, self.forms, self.language))


def transcript_marks(text: str, language: str) -> TranscriptMarks:
    """What to mark in texts in `language` for a visitor who searched for `text`."""
    words = query.parse(text).highlight_words
    if not words:
        return TranscriptMarks("", frozenset(), language)
    forms = snippets.query_forms(words, [language])
    return TranscriptMarks(query.clean(text), frozenset(forms), language)
