"""Feeds of listed decks, newest first: the site's latest, an uploader's, a tag's and a
collection's, each as RSS 2.0 and as Atom 1.0 (one class per kind, given its format).

A feed lists what its page lists, from `access`: an uploader, tag or collection without a
listed deck is a 404 like an unknown one. Every address in a feed is absolute, from
`absolute()`, so a feed read far from the site links back to its configured address.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.utils.feedgenerator import Enclosure, RssFeed, SyndicationFeed
from django.utils.html import escape
from django.utils.translation import gettext

from slideshelf.lib.addresses import absolute
from slideshelf.pages.feed_formats import AtomWithMedia, Picture, RssWithMedia
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation, Slide, with_cards

RSS = RssWithMedia
ATOM = AtomWithMedia
ITEMS = 50
NEWEST_FIRST = ("-created_at", "-pk")
# Readers poll; a shared cache may answer them for five minutes.
CACHE_CONTROL = "public, max-age=300"
SITE_NAME = "slideshelf"


@dataclass(frozen=True)
class Channel:
    """What one feed is of: its page, its names and its decks (in no order yet)."""

    request: HttpRequest
    title: str
    description: str
    page: str
    decks: QuerySet[Presentation]
    # Atom wants an author for the feed or for every entry: the uploader on theirs, the site
    # on the others (a deck may have no owner).
    author: str = SITE_NAME
    author_page: str = "/"


@dataclass(frozen=True)
class Entry:
    deck: Presentation
    link: str
    author: str | None
    author_link: str | None
    picture: Picture | None


class DeckFeed(Feed[Entry, Channel]):
    item_guid_is_permalink = True

    def __init__(self, feed_type: type[SyndicationFeed]) -> None:
        self.feed_type = feed_type

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = CACHE_CONTROL
        return response

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Channel:
        return self.channel(request, **kwargs)

    def channel(self, request: HttpRequest, **kwargs: str) -> Channel:
        raise NotImplementedError

    def title(self, channel: Channel) -> str:
        return f"{channel.title} · {SITE_NAME}"

    def description(self, channel: Channel) -> str:
        return channel.description

    def subtitle(self, channel: Channel) -> str:
        return channel.description

    def link(self, channel: Channel) -> str:
        return absolute(channel.request, channel.page)

    def feed_url(self, channel: Channel) -> str:
        return absolute(channel.request, escape_uri_path(channel.request.path))

    def author_name(self, channel: Channel) -> str:
        return channel.author

    def author_link(self, channel: Channel) -> str:
        return absolute(channel.request, channel.author_page)

    def items(self, channel: Channel) -> list[Entry]:
        newest = with_cards(channel.decks.order_by(*NEWEST_FIRST)).prefetch_related("tags")
        return [entry(channel.request, deck) for deck in newest[:ITEMS]]

    def item_title(self, item: Entry) -> str:
        # RSS readers read a title as HTML, so it is escaped once more (as Django's default
        # does); an Atom title says it is text.
        title = item.deck.display_title
        return escape(title) if issubclass(self.feed_type, RssFeed) else title

    def item_description(self, item: Entry) -> str:
        return render_to_string("pages/feed_entry.html", {"entry": item})

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.link

    def item_pubdate(self, item: Entry) -> datetime.datetime:
        return item.deck.created_at

    def item_updateddate(self, item: Entry) -> datetime.datetime:
        return item.deck.updated_at

    def item_author_name(self, item: Entry) -> str | None:
        return item.author

    def item_author_link(self, item: Entry) -> str | None:
        return item.author_link

    def item_categories(self, item: Entry) -> list[str]:
        return [tag.name for tag in item.deck.tags.all()]

    def item_copyright(self, item: Entry) -> str:
        return item.deck.licence_info.short_name

    def item_enclosures(self, item: Entry) -> list[Enclosure]:
        if item.picture is None:
            return []
        picture = item.picture
        return [Enclosure(picture.url, str(picture.length), picture.media_type)]

    def item_extra_kwargs(self, item: Entry) -> dict[str, Any]:
        return {"picture": item.picture, "language": item.deck.language}


def entry(request: HttpRequest, deck: Presentation) -> Entry:
    owner = deck.owner
    first = next(iter(getattr(deck, "first_slides", [])), None)
    return Entry(
        deck=deck,
        link=absolute(request, deck.get_absolute_url()),
        author=name_of(owner) if owner else None,
        # An inactive account's page is a 404: its decks stay listed, without the link.
        author_link=absolute(request, uploader_page(owner)) if owner and owner.is_active else None,
        picture=picture(request, first) if first else None,
    )


def picture(request: HttpRequest, slide: Slide) -> Picture | None:
    """The slide's picture, or None when its file cannot be read: a feed announces no
    picture that is not there. Its size is one `stat` (the storage is a local folder)."""
    if not slide.image:
        return None
    try:
        length = default_storage.size(slide.image)
    except OSError:
        return None
    return Picture(
        url=absolute(request, slide.image_url()),
        width=slide.width,
        height=slide.height,
        length=length,
        thumbnail_url=absolute(request, slide.thumbnail_url()),
        thumbnail_width=slide.thumb_width,
        thumbnail_height=slide.thumb_height,
        alt=slide.alt,
    )


def name_of(user: User) -> str:
    return user.get_full_name() or user.get_username()


def uploader_page(user: User) -> str:
    return reverse("uploader", args=[user.get_username()])


class LatestFeed(DeckFeed):
    def channel(self, request: HttpRequest, **kwargs: str) -> Channel:
        return Channel(
            request,
            title=gettext("Latest presentations"),
            description=gettext("The latest presentations shared on %(site)s.")
            % {"site": SITE_NAME},
            page=reverse("home"),
            decks=access.listed_presentations(),
        )


class UploaderFeed(DeckFeed):
    def channel(self, request: HttpRequest, **kwargs: str) -> Channel:
        user = access.listed_uploader_or_404(kwargs["username"])
        name = name_of(user)
        return Channel(
            request,
            title=gettext("Presentations by %(name)s") % {"name": name},
            description=gettext("The latest presentations by %(name)s.") % {"name": name},
            page=uploader_page(user),
            decks=access.listed_presentations().filter(owner=user),
            author=name,
            author_page=uploader_page(user),
        )


class TagFeed(DeckFeed):
    def channel(self, request: HttpRequest, **kwargs: str) -> Channel:
        tag = access.listed_tag_or_404(kwargs["slug"])
        return Channel(
            request,
            title=gettext("Presentations tagged “%(tag)s”") % {"tag": tag.name},
            description=gettext("The latest presentations tagged “%(tag)s”.") % {"tag": tag.name},
            page=reverse("tag", args=[tag.slug]),
            decks=access.listed_presentations().filter(tags=tag),
        )


class CollectionFeed(DeckFeed):
    def channel(self, request: HttpRequest, **kwargs: str) -> Channel:
        collection = access.listed_collection_or_404(kwargs["slug"])
        fallback = gettext("The latest presentations in “%(collection)s”.")
        return Channel(
            request,
            title=collection.name,
            description=collection.description or fallback % {"collection": collection.name},
            page=reverse("collection", args=[collection.slug]),
            decks=access.listed_presentations().filter(collection=collection),
        )
