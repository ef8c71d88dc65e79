"""Text analysis shared by every engine: words → index terms, in the deck's language.

One pipeline in Python, so both engines index and query exactly the same terms:

1. words are runs of letters and digits, lower-cased; Chinese, Japanese and Korean text has no
   spaces, so its runs become overlapping character pairs (bigrams);
2. the word is stemmed with the Snowball stemmer of the deck's language (every language Snowball
   has); Swedish also loses the nominal -an (samverkan → samverk) and its compounds joined by an
   s also give their first part (samverkansformer → samverkansform + samverk);
3. accents are folded, except the letters the language's alphabet has of its own (å, ä and ö stay
   in Swedish, so "får" does not become "far"; "café" finds "cafe" everywhere).

A query's words are analysed in every language the index holds, and any of the forms matches.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import Stemmer

SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# Letters that are letters of their own in a language, not accented variants: never folded.
OWN_LETTERS = {
    "sv": "åäö",
    "fi": "åäö",
    "da": "æøå",
    "nb": "æøå",
    "nn": "æøå",
    "no": "æøå",
    "de": "äöüß",
    "et": "äöõüšž",
    "hu": "áéíóöőúüű",
    "tr": "çğıöşü",
    "es": "ñ",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "lt": "ąčęėįšųūž",
    "ro": "ăâîșț",
    "ca": "ç",
}
CJK = (
    r"\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
TOKEN = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+", re.UNICODE)
IS_CJK = re.compile(rf"[{CJK}]")
SWEDISH_COMPOUND_MIN = 10  # a stem this long may be a compound
SWEDISH_PART_MIN = 5  # and its first part at least this long


@dataclass(frozen=True)
class Token:
    term: str
    position: int
    start: int  # character offsets in the analysed text
    end: int


# Languages the analysis reads well: the stemmed ones, and those written without spaces, whose
# text is cut into character pairs. Any other language is searched by its words as written.
KNOWN_LANGUAGES = frozenset(SNOWBALL) | {"ja", "ko", "zh"}


def language_of(code: str) -> str:
    """The analysis language for a deck's language code ("sv-SE" → "sv"; unknown → "")."""
    base = code.lower().split("-", 1)[0]
    return base if base in SNOWBALL else ""


@functools.cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    return Stemmer.Stemmer(SNOWBALL[language]) if language in SNOWBALL else None


@functools.lru_cache(maxsize=200_000)
def fold(word: str, language: str = "") -> str:
    keep = OWN_LETTERS.get(language, "")
    if word.isascii():
        return word
    out = []
    for char in word:
        if char in keep:
            out.append(char)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", char) if not _mark(c)))
    return unicodedata.normalize("NFC", "".join(out))


def _mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


@functools.lru_cache(maxsize=500_000)
def terms_of_word(word: str, language: str) -> tuple[str, ...]:
    """The index terms of one lower-cased word: its stem first, then any compound part."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return (fold(word, language),)
    stem = stemmer.stemWord(word)
    if language != "sv":
        return (fold(stem, language),)
    terms = [_swedish_nominal(stem)]
    if len(stem) >= SWEDISH_COMPOUND_MIN:
        for index in range(SWEDISH_PART_MIN, len(stem) - 3):
            if stem[index] == "s":
                terms.append(_swedish_nominal(stemmer.stemWord(stem[:index])))
    return tuple(dict.fromkeys(fold(term, language) for term in terms))


def _swedish_nominal(stem: str) -> str:
    # samverka, samverkan: the verb and its -an noun are one word to a searcher.
    return stem[:-2] if len(stem) >= 7 and stem.endswith("an") else stem


def words(text: str) -> Iterable[tuple[str, int, int]]:
    """(lower-cased word, start, end) for every word; CJK runs as overlapping pairs."""
    for match in TOKEN.finditer(text):
        chunk, start = match.group(), match.start()
        if IS_CJK.match(chunk):
            if len(chunk) == 1:
                yield chunk, start, start + 1
            for offset in range(len(chunk) - 1):
                yield chunk[offset : offset + 2], start + offset, start + offset + 2
        else:
            yield chunk.lower(), start, match.end()


def analyze(text: str, language: str) -> list[Token]:
    """Every index term of the text, with positions (compound parts share their word's)."""
    language = language_of(language)
    tokens = []
    for position, (word, start, end) in enumerate(words(text)):
        for term in terms_of_word(word, language):
            tokens.append(Token(term, position, start, end))
    return tokens


def query_forms(word: str, languages: Iterable[str]) -> tuple[str, ...]:
    """The terms a query word may match: its first term in each language, and unstemmed."""
    forms = [terms_of_word(word, language_of(language))[0] for language in languages]
    forms.append(terms_of_word(word, "")[0])
    return tuple(dict.fromkeys(forms))


def query_words(text: str) -> list[str]:
    """A query text's words as `words` splits them (CJK runs become pairs, as when indexed)."""
    return [word for word, _, _ in words(text)]
