"""A deck's key terms: the words it uses more than the other decks do, by TF-IDF.

What counts as a word here is stricter than what search finds: the stop words of the deck's
language and of English (English turns up in every language's slides) are left out, from
stopwords-iso's lists, as are numbers and anything in a web or e-mail address. Title and tags
weigh more than the slides. A term's weight is its (sublinear) count times its inverse
document frequency among the listed decks; a term most decks have says nothing about any of
them, so in a collection of a hundred or more a term in over 40% of the decks is left out
(in a small one, IDF alone: "kommun" may be in most of a municipality's decks and still be
what two of them are about). The
weights of all of a deck's terms have unit length together.

Kept are many more terms than a similar list asks about (`similar.py`). In a small collection
nearly every word is in one deck only, and a word two decks share weighs less than those: a
short list would keep each deck's own words and lose exactly the ones it shares. So while
the collection is small every term is kept; from BIG_COLLECTION decks on, when rare words are
rare for a reason, the best STORED_TERMS.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import stopwordsiso

from slideshelf.lib.text import ADDRESSES
from slideshelf.search import analysis
from slideshelf.search.engines import engine
from slideshelf.search.types import DeckDoc

STORED_TERMS = 150
BIG_COLLECTION = 1_000
TITLE_WEIGHT = 3
TAG_WEIGHT = 2
MIN_TERM_LENGTH = 3
COMMON_SHARE = 0.4
MIN_DECKS_FOR_COMMON = 100
# stopwords-iso names Norwegian by its macrolanguage only.
STOP_LIST_OF = {"nb": "no", "nn": "no"}


@dataclass(frozen=True)
class KeyTerm:
    term: str  # the index term (a stem)
    word: str  # the word the deck writes most often for it; "" when only part of compounds
    weight: float  # the terms of one deck have unit length together


def key_terms(doc: DeckDoc) -> list[KeyTerm]:
    """The deck's most distinctive terms, best first."""
    counts, words = _counted_terms(doc)
    if not counts:
        return []
    frequencies = engine().document_frequencies(counts)
    decks = max(engine().deck_count(), 1)
    common = decks * COMMON_SHARE if decks >= MIN_DECKS_FOR_COMMON else math.inf
    weighted = {
        term: (1 + math.log(count)) * math.log((decks + 1) / (frequencies.get(term, 0) + 0.5))
        for term, count in counts.items()
        if frequencies.get(term, 0) <= common
    }
    positive = {term: weight for term, weight in weighted.items() if weight > 0}
    norm = math.sqrt(sum(weight * weight for weight in positive.values())) or 1.0
    kept = STORED_TERMS if decks >= BIG_COLLECTION else None
    best = sorted(positive.items(), key=lambda item: (-item[1], item[0]))[:kept]
    return [KeyTerm(term, _shown(words[term]), weight / norm) for term, weight in best]


def _counted_terms(doc: DeckDoc) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Each meaningful term's weighted count, and the words that gave it as their stem."""
    counts: Counter[str] = Counter()
    words: dict[str, Counter[str]] = defaultdict(Counter)
    stop = stop_terms(analysis.language_of(doc.language))
    parts = [(doc.title, TITLE_WEIGHT), (" ".join(doc.tags), TAG_WEIGHT), (doc.description, 1)]
    parts += [(slide.text, 1) for slide in doc.slides]
    for text, weight in parts:
        text = ADDRESSES.sub(" ", text)
        seen_at = -1
        for token in analysis.analyze(text, doc.language):
            word = text[token.start : token.end].lower()
            if _meaningless(token.term, word, stop):
                continue
            counts[token.term] += weight
            if token.position != seen_at:  # a word's stem comes first, its compound parts after
                words[token.term][word] += 1
            seen_at = token.position
    return counts, words


def _meaningless(term: str, word: str, stop: frozenset[str]) -> bool:
    return (
        len(term) < MIN_TERM_LENGTH
        or any(char.isdigit() for char in word)
        or term in stop
        or word in stop
    )


def _shown(words: Counter[str]) -> str:
    return words.most_common(1)[0][0] if words else ""


@functools.cache
def stop_terms(language: str) -> frozenset[str]:
    """The stop words of the language and of English, as words and as index terms."""
    listed = stopwordsiso.stopwords([STOP_LIST_OF.get(language, language) or "en", "en"])
    terms = {analysis.terms_of_word(word, language)[0] for word in listed}
    return frozenset({*listed, *terms})
