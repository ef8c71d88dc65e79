"""A generated search corpus: Swedish and English decks whose words follow Zipf's law.

Each language has a vocabulary of 50,000 word forms in rank order: first the words of the
demo decks (slideshelf/demo/decks.py) by how often they occur there, so "och", "att", "the"
and "and" lead as in real text; then, shuffled together, inflections of those words and
invented but pronounceable stems with the endings Snowball strips (kommun → kommunen,
kommunerna; deck → decks, decked), Swedish s-compounds among them. A word of rank r is drawn
with weight r^-1.07.

Everything is derived from one seed: `Corpus(slides).deck(deck_id)` is the same deck on every
run and machine, and decks can be rebuilt one at a time in any process, in any order.
`Rows` writes decks (these, or any others as `DeckDoc`s) to the database in bulk, with their
uploaders, collections and tags.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from slideshelf.demo.decks import DECKS
from slideshelf.search.types import DeckDoc, SlideDoc

SEED = 2026
ZIPF_S = 1.07
VOCABULARY = 50_000
LANGUAGES = ("sv", "sv", "en")  # two decks in three are Swedish
SLIDES_MIN, SLIDES_MODE, SLIDES_MAX = 10, 20, 60  # triangular: a mean of 30
YEARS = (2015, 2026)
DECKS_PER_UPLOADER = 15
DECKS_PER_COLLECTION = 100
IN_A_COLLECTION = 0.3
TAG_RANKS = (60, 3_000)  # content words, past the function words
TAGS_PER_DECK = (1, 5)
WORD = re.compile(r"[^\W\d_]+")

SWEDISH = {
    "onsets": "b d f g h j k l m n p r s t v st sk sp tr kr fr gr bl fl sl sn sv dr br pl kl sj tj",
    "vowels": "a e i o u y å ä ö a e i o",
    "codas": "- n r l s t k g m nd ng rt st ck ll rk lk ft mm",
    "endings": "- en et er ar or na arna erna orna ande ade ning ningar ningen het heten lig"
    " liga isk iska are arens ens",
}
ENGLISH = {
    "onsets": "b c d f g h j l m n p r s t v w br cl cr dr fl fr gr pl pr sc sh sl sp st"
    " str th tr wh",
    "vowels": "a e i o u ea ou ai oo a e i o",
    "codas": "- n r l s t ck nd nt st rk sh ch th mp",
    "endings": "- s ed ing er ers ly tion tions ment ments ness able ive al ity",
}
SOUNDS = {"sv": SWEDISH, "en": ENGLISH}
FIRST_NAMES = [
    "anna",
    "erik",
    "maria",
    "lars",
    "karin",
    "johan",
    "sara",
    "anders",
    "emma",
    "per",
    "lena",
    "nils",
    "ida",
    "olof",
]
LAST_NAMES = [
    "lindqvist",
    "berg",
    "holm",
    "nyström",
    "sandberg",
    "ek",
    "dahl",
    "lund",
    "forsberg",
    "wikström",
]


@dataclass(frozen=True)
class Vocabulary:
    language: str
    words: tuple[str, ...]  # rank 1 first
    cum_weights: tuple[float, ...]  # of r^-ZIPF_S, for random.choices

    def rank(self, word: str) -> int:
        return self._ranks().get(word, 0)

    def _ranks(self) -> dict[str, int]:
        ranks: dict[str, int] | None = self.__dict__.get("_rank_cache")
        if ranks is None:
            ranks = {word: rank for rank, word in enumerate(self.words, start=1)}
            object.__setattr__(self, "_rank_cache", ranks)
        return ranks

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=count)


@dataclass(frozen=True)
class Uploader:
    username: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class CollectionRow:
    slug: str
    name: str


class Corpus:
    """`slides` slides in decks of 10–60 (about 33 decks per 1,000 slides)."""

    def __init__(self, slides: int, seed: int = SEED) -> None:
        self.seed = seed
        self.vocabularies = {lang: build_vocabulary(lang, seed) for lang in ("sv", "en")}
        rng = random.Random(seed)
        counts = []
        remaining = slides
        while remaining > 0:
            count = round(rng.triangular(SLIDES_MIN, SLIDES_MAX, SLIDES_MODE))
            counts.append(min(count, remaining))
            remaining -= counts[-1]
        self.slide_counts = tuple(counts)  # deck n (from 1) has slide_counts[n - 1] slides
        decks = len(counts)
        self.uploaders = tuple(_uploader(n) for n in range(max(decks // DECKS_PER_UPLOADER, 1)))
        self.collections = tuple(
            CollectionRow(f"event-{n + 1}", f"Event {n + 1}")
            for n in range(max(decks // DECKS_PER_COLLECTION, 1))
        )
        # A few people upload much, most a little.
        self._uploader_weights = list(
            itertools.accumulate(1 / (n + 1) for n in range(len(self.uploaders)))
        )

    @property
    def deck_ids(self) -> range:
        return range(1, len(self.slide_counts) + 1)

    @property
    def slide_total(self) -> int:
        return sum(self.slide_counts)

    def deck(self, deck_id: int) -> DeckDoc:
        rng = random.Random(self.seed * 1_000_003 + deck_id)
        language = rng.choice(LANGUAGES)
        vocabulary = self.vocabularies[language]
        year = rng.randint(*YEARS)
        created = datetime(year, 1, 1, 12, tzinfo=UTC) + timedelta(
            days=rng.randrange(365), seconds=rng.randrange(36_000)
        )
        uploader = rng.choices(self.uploaders, cum_weights=self._uploader_weights)[0]
        collection = rng.choice(self.collections).slug if rng.random() < IN_A_COLLECTION else ""
        low, high = TAG_RANKS
        tags = tuple(
            dict.fromkeys(
                vocabulary.words[int(low + (high - low) * rng.random() ** 3)]
                for _ in range(rng.randint(*TAGS_PER_DECK))
            )
        )
        slides = tuple(
            SlideDoc(number, _slide_text(vocabulary, rng))
            for number in range(1, self.slide_counts[deck_id - 1] + 1)
        )
        return DeckDoc(
            deck_id=deck_id,
            title=_sentence(vocabulary, rng, 3, 8),
            description=_sentence(vocabulary, rng, 10, 25) + ".",
            tags=tags,
            language=language,
            collection=collection,
            uploader=uploader.username,
            year=year,
            created=created.timestamp(),
            slides=slides,
        )

    def decks(self, start: int = 1, stop: int | None = None) -> Iterator[DeckDoc]:
        last = len(self.slide_counts)
        for deck_id in range(start, min(stop or last + 1, last + 1)):
            yield self.deck(deck_id)

    def fitted_exponent(self, docs: Sequence[DeckDoc], language: str, top: int = 1_000) -> float:
        """Zipf's s as generated: the slope of log(count) on log(rank) of the words in the
        decks' slides, over the `top` most frequent words."""
        counts: Counter[str] = Counter()
        for doc in docs:
            if doc.language == language:
                for slide in doc.slides:
                    counts.update(WORD.findall(slide.text.lower()))
        frequencies = [count for _, count in counts.most_common(top)]
        xs = [math.log(rank) for rank in range(1, len(frequencies) + 1)]
        ys = [math.log(count) for count in frequencies]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mean_x) ** 2 for x in xs
        )
        return -slope


# --- database rows ------------------------------------------------------------------------


class Rows:
    """Decks given as `DeckDoc`s written as database rows: users, collections, tags, decks,
    slides. The corpus's uploaders and collections first; others can be added later."""

    def __init__(self, corpus: Corpus) -> None:
        self.owner_ids: dict[str, int] = {}
        self.collection_ids: dict[str, int] = {}
        self.tag_ids: dict[str, int] = {}
        self.add_people(corpus.uploaders, corpus.collections)

    def add_people(
        self, uploaders: Sequence[Uploader], collections: Sequence[CollectionRow]
    ) -> None:
        """Users and collections, numbered on from those added before."""
        from django.contrib.auth import get_user_model

        from slideshelf.presentations.models import Collection

        users = get_user_model().objects.bulk_create(
            get_user_model()(
                pk=number,
                username=person.username,
                first_name=person.first_name,
                last_name=person.last_name,
                password="!",  # no password: nobody logs in
            )
            for number, person in enumerate(uploaders, start=len(self.owner_ids) + 1)
        )
        self.owner_ids.update({user.get_username(): user.pk for user in users})
        rows = Collection.objects.bulk_create(
            Collection(pk=number, name=row.name, slug=row.slug)
            for number, row in enumerate(collections, start=len(self.collection_ids) + 1)
        )
        self.collection_ids.update({row.slug: row.pk for row in rows})

    def create(self, docs: list[DeckDoc]) -> None:
        from django.db import transaction
        from django.utils.text import slugify

        from slideshelf.presentations.models import Presentation, Slide, Tag

        new_tags = {tag: None for doc in docs for tag in doc.tags if tag not in self.tag_ids}
        for tag in new_tags:
            self.tag_ids[tag] = len(self.tag_ids) + 1
        decks, slides, tagged = [], [], []
        for doc in docs:
            deck, deck_slides = deck_rows(doc, self.owner_ids, self.collection_ids)
            decks.append(deck)
            slides += deck_slides
            tagged += [
                Presentation.tags.through(presentation_id=doc.deck_id, tag_id=self.tag_ids[tag])
                for tag in doc.tags
            ]
        with transaction.atomic():
            Tag.objects.bulk_create(
                Tag(pk=self.tag_ids[name], name=name, slug=slugify(name, allow_unicode=True))
                for name in new_tags
            )
            Presentation.objects.bulk_create(decks)
            Slide.objects.bulk_create(slides, batch_size=5_000)
            Presentation.tags.through.objects.bulk_create(tagged)


def deck_rows(doc: DeckDoc, owner_ids: dict[str, int], collection_ids: dict[str, int]) -> Any:
    """The deck's Presentation (listed: public, revision 1) and its Slides, unsaved."""
    from slideshelf.presentations.models import Presentation

    created = datetime.fromtimestamp(doc.created, tz=UTC)
    deck = Presentation(
        pk=doc.deck_id,
        title=doc.title,
        description=doc.description,
        language=doc.language,
        owner_id=owner_ids.get(doc.uploader),  # None: anonymous
        collection_id=collection_ids.get(doc.collection),
        revision=1,
        slide_count=len(doc.slides),
        original_name=f"deck-{doc.deck_id}.pptx",
        original_sha256=f"{doc.deck_id:064x}",
        created_at=created,
    )
    folder = f"decks/{deck.public_id}/r1"
    return deck, [slide_row(doc.deck_id, slide, folder) for slide in doc.slides]


def slide_row(deck_id: int, slide: SlideDoc, folder: str) -> Any:
    """A Slide, unsaved: its text's first line is the title, and its last the speaker notes
    when that ends with a full stop (`documents.slide_text` gives the same text back either
    way). Its images are named in `folder` but do not exist: the search page only builds their
    addresses."""
    from slideshelf.presentations.models import Slide, TextSource

    title, *lines = slide.text.split("\n")
    notes = lines.pop() if lines and lines[-1].endswith(".") else ""
    return Slide(
        presentation_id=deck_id,
        number=slide.number,
        title=title,
        text="\n".join(lines),
        notes=notes,
        text_source=TextSource.STRUCTURE,
        image=f"{folder}/{slide.number}.webp",
        thumbnail=f"{folder}/{slide.number}-thumb.webp",
        width=1600,
        height=900,
        thumb_width=320,
        thumb_height=180,
    )


# --- text ---------------------------------------------------------------------------------


def _sentence(vocabulary: Vocabulary, rng: random.Random, shortest: int, longest: int) -> str:
    text = " ".join(vocabulary.draw(rng, rng.randint(shortest, longest)))
    return text[:1].upper() + text[1:]


def _slide_text(vocabulary: Vocabulary, rng: random.Random) -> str:
    """Title, bullets and (on most slides) speaker notes, one a line, as
    `documents.slide_text` joins a slide's fields. Only the notes end with a full stop."""
    lines = [_sentence(vocabulary, rng, 3, 7)]
    lines += [_sentence(vocabulary, rng, 4, 12) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.6:
        lines.append(_sentence(vocabulary, rng, 10, 40) + ".")
    return "\n".join(lines)


def _uploader(number: int) -> Uploader:
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    last = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return Uploader(f"{first}.{last}{number}", first.capitalize(), last.capitalize())


# --- vocabulary ---------------------------------------------------------------------------


def build_vocabulary(language: str, seed: int = SEED, size: int = VOCABULARY) -> Vocabulary:
    rng = random.Random(f"{seed}-{language}")
    real = _demo_words(language)
    seen = dict.fromkeys(real)
    tail: list[str] = []

    def add(word: str) -> None:
        if word not in seen and 2 <= len(word) <= 24:
            seen[word] = None
            tail.append(word)

    endings = [e.strip("-") for e in SOUNDS[language]["endings"].split()]
    for word in real:
        if len(word) >= 4:
            for ending in rng.sample(endings, 3):
                add(word + ending)
    stems: list[str] = []
    while len(real) + len(tail) < size:
        stem = _invented_stem(language, rng)
        if language == "sv" and stems and rng.random() < 0.1:
            stem = rng.choice(stems) + "s" + stem  # a compound: samverkans + form
        stems.append(stem)
        for ending in rng.sample(endings, rng.randint(1, 4)):
            add(stem + ending)
    rng.shuffle(tail)
    words = tuple([*real, *tail][:size])
    weights = itertools.accumulate(rank**-ZIPF_S for rank in range(1, len(words) + 1))
    return Vocabulary(language, words, tuple(weights))


def _demo_words(language: str) -> list[str]:
    """The demo decks' words in this language, most frequent first."""
    counts: Counter[str] = Counter()
    for deck in DECKS:
        if deck.language != language:
            continue
        texts = [deck.title, deck.description, *deck.tags]
        for slide in deck.slides:
            texts += [slide.title, *slide.bullets, slide.notes]
            texts += [" ".join(row) for row in slide.table]
        for text in texts:
            counts.update(word.lower() for word in WORD.findall(text))
    return [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _invented_stem(language: str, rng: random.Random) -> str:
    sounds = SOUNDS[language]
    onsets, vowels = sounds["onsets"].split(), sounds["vowels"].split()
    codas = [c.strip("-") for c in sounds["codas"].split()]
    syllables = rng.choice((1, 2, 2, 2, 3))
    return "".join(
        rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
    )
