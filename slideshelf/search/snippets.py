"""Marking a query's words in text, for result snippets and the presentation page.

A word is marked when one of its index terms (in the text's language) is one of the query's
forms, which is how the engines match it: "samverkan" marks "samverkansformer", "cafe" marks
"Café". Engine-independent, so every engine's snippets agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from slideshelf.search import analysis

WINDOW = 200  # characters of a snippet
LEAD = 50  # of them before the first marked word, so it reads in context
ELLIPSIS = "…"

Span = tuple[int, int]


def query_forms(words: Iterable[str], languages: Sequence[str]) -> set[str]:
    """Every term any of the words may match, analysed like the engines analyse a query."""
    forms: set[str] = set()
    for word in words:
        for piece in analysis.query_words(word):
            forms.update(analysis.query_forms(piece, languages))
    return forms


def marked_spans(text: str, forms: set[str], language: str) -> list[Span]:
    """(start, end) of the text's words whose terms are among the forms, overlaps merged."""
    language = analysis.language_of(language)
    if analysis.IS_CJK.search(text):
        return _marked_pairs(text, forms, language)
    # Each distinct word is analysed once; then one pass finds where the marked ones are.
    # Snippets are made while a visitor waits.
    marked = {
        word
        for word in {chunk.lower() for chunk in analysis.TOKEN.findall(text)}
        if not forms.isdisjoint(analysis.terms_of_word(word, language))
    }
    if not marked:
        return []
    return [
        match.span() for match in analysis.TOKEN.finditer(text) if match.group().lower() in marked
    ]


def _marked_pairs(text: str, forms: set[str], language: str) -> list[Span]:
    spans: list[Span] = []
    for word, start, end in analysis.words(text):
        if forms.isdisjoint(analysis.terms_of_word(word, language)):
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))  # CJK pairs overlap
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, words: Iterable[str], language: str) -> SafeString:
    """The whole text escaped, every word matching one of the query words in <mark>."""
    forms = query_forms(words, [language])
    return _render(text, marked_spans(text, forms, language), 0, len(text))


def snippet(text: str, forms: set[str], language: str) -> str:
    """About WINDOW characters of the text around its densest run of matching words, as HTML.

    `forms` are the query's, from `query_forms` (computed once for all of a page's snippets);
    `language` is the text's own.
    """
    spans = marked_spans(text, forms, language)
    start, end = _window(text, spans)
    return _render(text, spans, start, end)


def _window(text: str, spans: list[Span]) -> Span:
    if len(text) <= WINDOW:
        return 0, len(text)
    best, most = 0, 0
    for index, (first, _) in enumerate(spans):
        inside = sum(1 for span in spans[index:] if span[1] <= first + WINDOW - LEAD)
        if inside > most:
            best, most = index, inside
    start = max(0, spans[best][0] - LEAD) if spans else 0
    start = min(start, len(text) - WINDOW)
    end = start + WINDOW
    # Whole words only: move the cuts to the nearest space inside the window.
    if start > 0:
        space = text.find(" ", start, start + LEAD)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", end - LEAD, end)
        end = space if space > start else end
    return start, end


def _render(text: str, spans: list[Span], start: int, end: int) -> SafeString:
    parts = [ELLIPSIS] if start > 0 else []
    cursor = start
    for first, last in spans:
        if last <= start or first >= end:
            continue
        first, last = max(first, start), min(last, end)
        parts.append(escape(text[cursor:first]))
        parts.append(f"<mark>{escape(text[first:last])}</mark>")
        cursor = last
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(ELLIPSIS)
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text is escaped above
