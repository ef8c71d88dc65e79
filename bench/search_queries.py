"""The search benchmark's queries: drawn from the generated corpus's vocabularies, and timed
through several calls side by side."""

from __future__ import annotations

import itertools
import random
import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bench.search_corpus import Corpus
from bench.search_report import percentiles

if TYPE_CHECKING:
    from slideshelf.search.engines import Engine

COMMON_RANKS = 20
RARE_RANKS = (5_000, 40_000)
THREE_WORD_RANKS = ((20, 200), (200, 2_000), (2_000, 10_000))
PHRASE_MIN_RANK = 21  # phrases of content words, not "och att"


def query_sets(corpus: Corpus, rng: random.Random, count: int) -> dict[str, list[str]]:
    """`count` queries of each kind, drawn from the vocabulary (two in three Swedish)."""
    vocabularies = corpus.vocabularies

    def language() -> str:
        return rng.choice(("sv", "sv", "en"))

    def word(lang: str, low: int, high: int) -> str:
        return vocabularies[lang].words[rng.randint(low, high) - 1]

    common = [word(language(), 1, COMMON_RANKS) for _ in range(count)]
    rare = [word(language(), *RARE_RANKS) for _ in range(count)]
    three = []
    for _ in range(count):
        lang = language()
        words = [word(lang, low, high) for low, high in THREE_WORD_RANKS]
        rng.shuffle(words)
        three.append(" ".join(words))
    phrases = [phrase(corpus, rng) for _ in range(count)]
    return {"common": common, "rare": rare, "three": three, "phrase": phrases}


def phrase(corpus: Corpus, rng: random.Random) -> str:
    """Two words side by side on a slide of a random deck, both past the function words."""
    while True:
        doc = corpus.deck(rng.choice(corpus.deck_ids))
        vocabulary = corpus.vocabularies[doc.language]
        line = rng.choice(rng.choice(doc.slides).text.lower().rstrip(".").split("\n"))
        words = line.split()
        pairs = [
            (first, second)
            for first, second in itertools.pairwise(words)
            if min(vocabulary.rank(first), vocabulary.rank(second)) >= PHRASE_MIN_RANK
        ]
        if pairs:
            return '"{} {}"'.format(*rng.choice(pairs))


def side_by_side(
    queries: list[str], calls: dict[str, Callable[[str], int]], warm_up: int
) -> dict[str, dict[str, Any]]:
    """Every query through every call, the calls taking turns at going first, after the
    first `warm_up` queries through each untimed."""
    names = list(calls)
    for text in queries[:warm_up]:
        for name in names:
            calls[name](text)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    matches: list[int] = []
    for number, text in enumerate(queries):
        order = names if number % 2 == 0 else names[::-1]
        for name in order:
            begun = time.perf_counter()
            total = calls[name](text)
            seconds[name].append(time.perf_counter() - begun)
            if name == names[0]:
                matches.append(total)
    return {
        name: {**percentiles(values), "matches": statistics.median(matches)}
        for name, values in seconds.items()
    }


def raw_search(search: Engine) -> Callable[[str], int]:
    """The engine asked as the facade asks it: the first ten decks, three slides each."""
    from slideshelf.search.query import parse
    from slideshelf.search.types import Filters, Sort

    def raw(text: str) -> int:
        return search.search(parse(text), Filters(), Sort.RELEVANCE, 0, 10, 3).total

    return raw
