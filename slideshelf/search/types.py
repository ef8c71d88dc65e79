"""What goes into a search engine and what comes out, independent of the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Span = tuple[int, int]  # (start, end) of a word in a text, to mark


@dataclass(frozen=True)
class SlideDoc:
    number: int
    text: str  # title, body, tables, alt text, text in pictures and speaker notes, in that order


@dataclass(frozen=True)
class DeckDoc:
    """A listed deck as the engines index it; built by `documents.deck_document`."""

    deck_id: int
    title: str
    description: str
    tags: tuple[str, ...]
    language: str  # ISO 639-1 code, or "" when unknown
    collection: str  # the collection's slug, or ""
    uploader: str  # the owner's username, or ""
    year: int
    created: float  # seconds since the epoch
    slides: tuple[SlideDoc, ...]


@dataclass(frozen=True)
class ParsedQuery:
    """A visitor's query: words that must all match, "quoted phrases", and -excluded words."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases)

    @property
    def highlight_words(self) -> tuple[str, ...]:
        """Every word a visitor asked for, to mark on the page they land on."""
        return self.words + tuple(word for phrase in self.phrases for word in phrase)


class Sort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"


@dataclass(frozen=True)
class Filters:
    language: str = ""
    tag: str = ""
    collection: str = ""
    uploader: str = ""
    year: int | None = None
    exclude_ids: frozenset[int] = frozenset()  # decks that must not show, whatever the index says


@dataclass(frozen=True)
class SlideHit:
    """A matching slide as data: the page marks the words (`search.marking`), not the engine."""

    number: int
    text: str  # the slide's text around its matches, with "…" where it was cut
    spans: tuple[Span, ...]  # where in `text` the query's words are


@dataclass(frozen=True)
class DeckHit:
    deck_id: int
    score: float
    slides: tuple[SlideHit, ...]


# Each facet's values among the results, the most common first, with their counts.
Facets = dict[str, list[tuple[str, int]]]


@dataclass(frozen=True)
class Results:
    total: int  # matching decks, not slides
    hits: tuple[DeckHit, ...]
    facets: Facets = field(default_factory=dict)
    too_broad: bool = False  # the engine gave up ranking within its time limit
    # Where the hits start among all matches: the offset asked for, or the last page's when
    # that was past the end (the results shrank, or the address was edited).
    offset: int = 0
