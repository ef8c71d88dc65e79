"""A site made of the labelled similar set (and the demo decks), built in the database and
indexed: the similar lists are about text, not about how it was extracted."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from slideshelf.demo.decks import DECKS as DEMO_DECKS
from slideshelf.demo.decks import DemoDeck, DemoSlide
from slideshelf.presentations.models import Collection, Presentation
from slideshelf.search import api
from tests.factories import text_deck
from tests.similar_set import DECKS, SimilarDeck

# The demo site's pairs: its conference deck and its cooperation deck, and its two decks on
# accessible documents; every other demo deck is on a subject of its own.
DEMO_TOPICS = {
    "hostkonferensen-2026-kommunen-som-motor": "demo-samverkan",
    "samverkan-mellan-kommuner": "demo-samverkan",
}


@dataclass(frozen=True)
class Site:
    decks: dict[str, Presentation]  # by key
    labels: dict[str, SimilarDeck]

    def partners(self, key: str) -> set[str]:
        label = self.labels[key]
        if label.decoy_of:
            return set()
        return {k for k, other in self.labels.items() if other.topic == label.topic} - {key}

    @property
    def decoys(self) -> set[str]:
        return {key for key, label in self.labels.items() if label.decoy_of}

    def ranked(self, key: str) -> list[api.Similar]:
        return api.similar_to(self.decks[key])

    def keys(self, items: list[api.Similar]) -> list[str]:
        by_id = {deck.pk: key for key, deck in self.decks.items()}
        return [by_id[item.deck.pk] for item in items]


def build(labels: list[SimilarDeck]) -> Site:
    """The decks, each in its own transaction as uploads come, then indexed."""
    decks = {label.key: _deck(label) for label in labels}
    api.sync()
    return Site(decks, {label.key: label for label in labels})


def _deck(label: SimilarDeck) -> Presentation:
    owner = _user(label.uploader) if label.uploader else None
    collection = _collection(label.collection) if label.collection else None
    return text_deck(
        owner, label.title, label.slides, label.language, label.tags, collection=collection
    )


def _user(username: str):
    return get_user_model().objects.get_or_create(username=username)[0]


def _collection(name: str) -> Collection:
    return Collection.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]


def demo_labels() -> list[SimilarDeck]:
    """The demo decks as labelled decks, their slides' text as the converter would give it."""
    return [_demo_label(deck) for deck in DEMO_DECKS]


def _demo_label(deck: DemoDeck) -> SimilarDeck:
    key = deck.filename.removesuffix(".pptx")
    return SimilarDeck(
        key=key,
        topic=DEMO_TOPICS.get(key, key),
        language=deck.language,
        title=deck.title,
        slides=tuple(_demo_text(slide) for slide in deck.slides),
        tags=deck.tags,
        collection=deck.collection or "",
        uploader="demo",
    )


def _demo_text(slide: DemoSlide) -> str:
    rows = [" | ".join(row) for row in slide.table]
    return "\n".join([slide.title, *slide.bullets, *rows, slide.notes])


def labelled_site(keys: tuple[str, ...] | None = None, demo: bool = False) -> Site:
    labels = [label for label in DECKS if keys is None or label.key in keys]
    return build(labels + (demo_labels() if demo else []))
