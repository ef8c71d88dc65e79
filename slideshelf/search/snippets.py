"""Where a query's words are in a text, and the part of a long text a result shows.

A word is marked when one of its index terms (in the text's language) is one of the query's
forms, which is how the engines match it: "samverkan" marks "samverkansformer", "cafe" marks
"Café". Engine-independent, so every engine's snippets agree. Data only: offsets, never HTML
(`search.marking` marks them up, once, for every page).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set

from slideshelf.search import analysis
from slideshelf.search.types import SlideHit, Span

WINDOW = 200  # characters of a snippet
LEAD = 50  # of them before the first marked word, so it reads in context
ELLIPSIS = "…"


def query_forms(words: Iterable[str], languages: Sequence[str]) -> set[str]:
    """Every term any of the words may match, analysed like the engines analyse a query."""
    forms: set[str] = set()
    for word in words:
        for piece in analysis.query_words(word):
            forms.update(analysis.query_forms(piece, languages))
    return forms


def marked_spans(text: str, forms: Set[str], language: str) -> list[Span]:
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


def _marked_pairs(text: str, forms: Set[str], language: str) -> list[Span]:
    spans: list[Span] = []
    for word, start, end in analysis.words(text):
        if forms.isdisjoint(analysis.terms_of_word(word, language)):
            continue
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))  # CJK pairs overlap
        else:
            spans.append((start, end))
    return spans


def slide_hit(number: int, text: str, forms: Set[str], language: str) -> SlideHit:
    """A matching slide with about WINDOW characters of its text, around its densest run of
    matching words, and where in them the words are.

    `forms` are the query's, from `query_forms` (computed once for all of a page's slides);
    `language` is the text's own.
    """
    spans = marked_spans(text, forms, language)
    start, end = _window(text, spans)
    lead = ELLIPSIS if start > 0 else ""
    shift = len(lead) - start
    inside = tuple(
        (max(first, start) + shift, min(last, end) + shift)
        for first, last in spans
        if last > start and first < end
    )
    tail = ELLIPSIS if end < len(text) else ""
    return SlideHit(number, f"{lead}{text[start:end]}{tail}", inside)


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
