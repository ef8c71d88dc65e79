"""How a deck is shown on another site: the player's address, its frame's size, the iframe.

The share box and oEmbed both hand out the code made here, so a pasted code and an oEmbed
consumer's get the same player at the same size.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from slideshelf.lib.addresses import absolute
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.presentations.slide_map import follow

# The player's bar under the slide (embed.css: .embed .controls), in CSS pixels.
BAR_HEIGHT = 48
DEFAULT_WIDTH = 640
WIDTHS = (480, 640, 800, 1024)  # offered in the share box
# A slide's shape when the deck has none yet: 16:9.
DEFAULT_SHAPE = (16, 9)


@dataclass(frozen=True)
class FrameSize:
    width: int
    height: int

    @classmethod
    def for_width(cls, width: int, shape: tuple[int, int]) -> FrameSize:
        """A frame `width` wide that shows a slide of `shape` whole, with the bar under it."""
        slide_width, slide_height = shape
        return cls(width, round(width * slide_height / slide_width) + BAR_HEIGHT)

    @classmethod
    def within(
        cls, shape: tuple[int, int], max_width: int | None, max_height: int | None
    ) -> FrameSize:
        """The largest frame up to the default width that fits both limits (oEmbed's maxwidth
        and maxheight, which a provider must respect)."""
        size = cls.for_width(min(DEFAULT_WIDTH, max_width or DEFAULT_WIDTH), shape)
        if max_height is not None and size.height > max_height:
            slide_width, slide_height = shape
            width = max(int((max_height - BAR_HEIGHT) * slide_width / slide_height), 1)
            size = cls(width, max_height)
        return size


def slide_shape(first: Slide | None) -> tuple[int, int]:
    """The first slide's width and height: the deck's shape."""
    return (first.width, first.height) if first and first.width and first.height else DEFAULT_SHAPE


def start_slide(deck: Presentation, asked: str | int | None, version: str | None = None) -> int:
    """Slide `asked` within the deck; one a link made before a replacement moved the slides
    meant (`version`, the link's `v`) is followed to where it went."""
    try:
        number = int(asked or 1)
        made_in = int(version or deck.slide_version)
    except ValueError:
        return 1
    if made_in < deck.slide_version:
        number = follow(deck.slide_history, number, made_in)
    return min(max(number, 1), max(deck.slide_count, 1))


def oembed_links(request: HttpRequest, deck: Presentation) -> dict[str, str]:
    """The oEmbed answers' addresses for the deck's page, for its discovery links."""
    endpoint = absolute(request, reverse("oembed"))
    page = absolute(request, deck.get_absolute_url())
    return {
        f"oembed_{name}": f"{endpoint}?{urlencode({'url': page, 'format': name})}"
        for name in ("json", "xml")
    }


def player_url(request: HttpRequest, deck: Presentation, slide: int = 1) -> str:
    """The player's absolute address, opening at `slide`; the numbering the link was made in
    (`v`) rides along once a replacement has moved slides, as on slide links."""
    query = {"slide": slide} if slide > 1 else {}
    if slide > 1 and deck.slide_version > 1:
        query["v"] = deck.slide_version
    address = reverse("embed", args=[deck.public_id])
    return absolute(request, address + (f"?{urlencode(query)}" if query else ""))


def iframe(request: HttpRequest, deck: Presentation, size: FrameSize, slide: int = 1) -> SafeString:
    """The code another page pastes to show the deck."""
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" allowfullscreen loading="lazy" '
        'style="border:0;max-width:100%"></iframe>',
        player_url(request, deck, slide),
        size.width,
        size.height,
        _("%(title)s (presentation)") % {"title": deck.display_title},
    )
