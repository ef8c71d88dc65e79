"""RSS 2.0 and Atom 1.0 as Django writes them, with each deck's first slide as Media RSS and
its language.

An item carries two values beside Django's own, given to `add_item()`: `picture`, a `Picture`
or None, and `language`, the deck's language code or "". The picture is in the item's HTML too
(for every reader); Media RSS is for the readers and aggregators that show a picture beside an
item without reading its HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.xmlutils import SimplerXMLGenerator

MEDIA_RSS = "http://search.yahoo.com/mrss/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class Picture:
    """A slide's picture and its thumbnail, at absolute addresses."""

    url: str
    width: int
    height: int
    length: int  # bytes
    thumbnail_url: str
    thumbnail_width: int
    thumbnail_height: int
    alt: str
    media_type: str = "image/webp"


class RssWithMedia(Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS, "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        # RSS has no language per item; Dublin Core's is the one readers know.
        if item["language"]:
            handler.addQuickElement("dc:language", item["language"])
        if item["picture"]:
            add_media(handler, item["picture"])


class AtomWithMedia(Atom1Feed):
    def root_attributes(self) -> dict[str, str]:
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        return {"xml:lang": item["language"]} if item["language"] else {}

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item["picture"]:
            add_media(handler, item["picture"])


def add_media(handler: SimplerXMLGenerator, picture: Picture) -> None:
    content = {"url": picture.url, "type": picture.media_type, "medium": "image"}
    content |= sizes(picture.width, picture.height) | {"fileSize": str(picture.length)}
    handler.addQuickElement("media:content", None, content)
    thumbnail = {"url": picture.thumbnail_url}
    thumbnail |= sizes(picture.thumbnail_width, picture.thumbnail_height)
    handler.addQuickElement("media:thumbnail", None, thumbnail)


def sizes(width: int, height: int) -> dict[str, str]:
    """Width and height, when known (a slide that does not know them has 0)."""
    return {"width": str(width), "height": str(height)} if width and height else {}
