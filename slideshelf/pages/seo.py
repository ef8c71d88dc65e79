"""What search engines and link previews read: JSON-LD and OpenGraph values."""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

from slideshelf.lib.text import cut_at_word
from slideshelf.presentations.models import Presentation, Slide

# The page's transcript holds every word; JSON-LD repeats the start, so a big deck's page
# does not carry its text twice.
TEXT_IN_JSON_LD = 10_000


def transcript_text(slides: list[Slide]) -> str:
    text = "\n".join(f"{slide.number} {slide.full_text}".strip() for slide in slides)
    return text if len(text) <= TEXT_IN_JSON_LD else cut_at_word(text, TEXT_IN_JSON_LD)


def json_ld(deck: Presentation, slides: list[Slide], url: str, image: str) -> SafeString:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "PresentationDigitalDocument",
        "name": deck.display_title,
        "url": url,
        "inLanguage": deck.language or None,
        "dateCreated": deck.created_at.isoformat(),
        "dateModified": deck.updated_at.isoformat(),
        "description": deck.description or None,
        "keywords": [tag.name for tag in deck.tags.all()] or None,
        "thumbnailUrl": image or None,
        "numberOfPages": deck.slide_count,
        # None for all rights reserved: no licence to point at.
        "license": deck.licence_info.url or None,
        "text": transcript_text(slides),
    }
    if deck.owner:
        data["author"] = {
            "@type": "Person",
            "name": deck.owner.get_full_name() or deck.owner.get_username(),
        }
    if deck.collection:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": deck.collection.name}
    payload = json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)
    # "</script>" inside a title must not end the script element.
    return mark_safe(payload.replace("<", "\\u003c"))  # noqa: S308 - escaped above
