"""What the API answers, as typed schemas: the OpenAPI document is generated from these."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Schema

from slideshelf.lib.addresses import absolute
from slideshelf.presentations.models import Presentation, Slide

# What an operation may answer with a problem (`problems.py`); the schema says so for each.
PROBLEMS = frozenset({400, 401, 403, 404, 409, 413, 422, 429, 507})


class ProblemOut(Schema):
    """RFC 9457 problem details, with a `code` for programs and the invalid values' `errors`."""

    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    errors: list[dict[str, str]] | None = None


def request_of(context: dict[str, object]) -> HttpRequest:
    request = context["request"]
    assert isinstance(request, HttpRequest)
    return request


class SlideOut(Schema):
    number: int
    title: str
    text: str
    notes: str
    tables: list[str]
    alt_texts: list[str]
    ocr_text: str
    hidden: bool
    source: str
    image_url: str
    thumbnail_url: str
    width: int
    height: int

    @staticmethod
    def resolve_tables(slide: Slide) -> list[str]:
        return slide.table_list

    @staticmethod
    def resolve_alt_texts(slide: Slide) -> list[str]:
        return slide.alt_text_list

    @staticmethod
    def resolve_source(slide: Slide) -> str:
        return str(slide.text_source)

    @staticmethod
    def resolve_image_url(slide: Slide, context: dict[str, object]) -> str:
        return absolute(request_of(context), slide.image_url())

    @staticmethod
    def resolve_thumbnail_url(slide: Slide, context: dict[str, object]) -> str:
        return absolute(request_of(context), slide.thumbnail_url())


class DeckOut(Schema):
    """A deck as lists show it."""

    id: str
    title: str
    description: str
    language: str
    url: str
    owner: str | None
    visibility: str
    tags: list[str]
    collection: str | None
    slide_count: int
    view_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_id(deck: Presentation) -> str:
        return deck.public_id

    @staticmethod
    def resolve_title(deck: Presentation) -> str:
        return deck.display_title

    @staticmethod
    def resolve_url(deck: Presentation, context: dict[str, object]) -> str:
        return absolute(request_of(context), deck.get_absolute_url())

    @staticmethod
    def resolve_owner(deck: Presentation) -> str | None:
        return deck.owner.get_username() if deck.owner else None

    @staticmethod
    def resolve_visibility(deck: Presentation) -> str:
        return str(deck.visibility)

    @staticmethod
    def resolve_tags(deck: Presentation) -> list[str]:
        return [tag.name for tag in deck.tags.all()]

    @staticmethod
    def resolve_collection(deck: Presentation) -> str | None:
        return deck.collection.slug if deck.collection else None


class DeckDetailOut(DeckOut):
    """A deck with everything read from its slides."""

    status: str
    licence: str
    embed_url: str
    original_url: str | None
    pdf_url: str | None
    transcript_markdown_url: str
    transcript_text_url: str
    slides: list[SlideOut]

    @staticmethod
    def resolve_transcript_markdown_url(deck: Presentation, context: dict[str, object]) -> str:
        return absolute(request_of(context), reverse("transcript-markdown", args=[deck.public_id]))

    @staticmethod
    def resolve_transcript_text_url(deck: Presentation, context: dict[str, object]) -> str:
        return absolute(request_of(context), reverse("transcript-text", args=[deck.public_id]))

    @staticmethod
    def resolve_status(deck: Presentation) -> str:
        return str(deck.conversion.status)

    @staticmethod
    def resolve_licence(deck: Presentation) -> str:
        return str(deck.licence_info.value)

    @staticmethod
    def resolve_embed_url(deck: Presentation, context: dict[str, object]) -> str:
        return absolute(request_of(context), reverse("embed", args=[deck.public_id]))

    @staticmethod
    def resolve_original_url(deck: Presentation, context: dict[str, object]) -> str | None:
        if not deck.download_allowed:
            return None
        return absolute(request_of(context), reverse("download-original", args=[deck.public_id]))

    @staticmethod
    def resolve_pdf_url(deck: Presentation, context: dict[str, object]) -> str | None:
        if not (deck.download_allowed and deck.pdf):
            return None
        return absolute(request_of(context), reverse("download-pdf", args=[deck.public_id]))

    @staticmethod
    def resolve_slides(deck: Presentation) -> list[Slide]:
        return list(deck.slides.all())
