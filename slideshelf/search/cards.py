"""The result cards: the decks a search found, loaded for showing, with their slides' images.

Decks are loaded through `listed_presentations()`, so a deck that stopped being listed after
the search is not shown. A page of cards takes two queries however many decks it shows: the
decks with their owners, and the slide images.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
from django.utils.safestring import SafeString

from slideshelf.lib.languages import language_name
from slideshelf.presentations.access import listed_presentations
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.search.marking import mark
from slideshelf.search.types import DeckHit

# What a result card shows (the query-count test fails if the template reads more).
CARD_FIELDS = (
    *("public_id", "title", "original_name", "language", "created_at", "slide_count"),
    *("slide_history", "revision", "owner__username", "owner__first_name", "owner__last_name"),
    *("visibility", "hidden_by_staff"),  # the audience in the thumbnails' addresses
)

Images = dict[tuple[int, int], Slide]  # (deck id, slide number) → the slide, for its thumbnail


@dataclass(frozen=True)
class ShownSlide:
    number: int
    url: str
    image: Slide | None
    snippet: SafeString  # the slide's text around its matches, the query's words marked


@dataclass(frozen=True)
class ShownDeck:
    deck: Presentation
    url: str
    language: str
    slides: list[ShownSlide]
    cover: Slide | None  # the first slide, when no slide matched (a title or tag did)


def shown_decks(hits: tuple[DeckHit, ...], text: str) -> list[ShownDeck]:
    """The hits as their cards show them, for a search of `text`."""
    ids = [hit.deck_id for hit in hits]
    decks = listed_presentations().select_related("owner").only(*CARD_FIELDS).in_bulk(ids)
    shown = [hit for hit in hits if hit.deck_id in decks]
    images = slide_images(decks, shown)
    return [_card(decks[hit.deck_id], hit, images, text) for hit in shown]


def _card(deck: Presentation, hit: DeckHit, images: Images, text: str) -> ShownDeck:
    base = deck.get_absolute_url()
    version = {"v": deck.slide_version} if deck.slide_version > 1 else {}
    query = urlencode({"q": text, **version})
    slides = [
        ShownSlide(
            slide.number,
            f"{base}{slide.number}/?{query}",
            images.get((deck.pk, slide.number)),
            mark(slide.text, slide.spans),
        )
        for slide in hit.slides
    ]
    cover = None if slides else images.get((deck.pk, 1))
    return ShownDeck(
        deck, f"{base}?{urlencode({'q': text})}", language_name(deck.language), slides, cover
    )


def slide_images(decks: dict[int, Presentation], hits: list[DeckHit]) -> Images:
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
            "SELECT presentation_id, number, thumb_width, thumb_height,"  # noqa: S608 - no input
            f" thumbnail_2x, thumb_width_2x FROM {Slide._meta.db_table} WHERE {pairs}",
            [value for pair in wanted for value in pair],
        )
        rows = cursor.fetchall()
    # Built on the decks already loaded: their image addresses start with the deck's.
    return {
        (deck_id, number): Slide(
            presentation=decks[deck_id],
            number=number,
            thumb_width=width,
            thumb_height=height,
            thumbnail_2x=thumbnail_2x,
            thumb_width_2x=width_2x,
        )
        for deck_id, number, width, height, thumbnail_2x, width_2x in rows
    }
