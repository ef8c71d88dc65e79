"""Reading what a visitor typed: words, "quoted phrases" and -excluded words.

Everything else (colons, brackets, stars, the engines' own syntax) is treated as a separator,
so no query can make an engine raise or search a field it should not.
"""

from __future__ import annotations

import re

from slideshelf.search.types import ParsedQuery

MAX_LENGTH = 500
MAX_WORDS = 32
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
PART = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
WORD = re.compile(r"\w+")


def clean(text: str) -> str:
    """What a visitor typed, as far as the parser reads it: a 10 kB query is cut, not refused."""
    return text[:MAX_LENGTH].strip()


def words_of(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def parse(text: str) -> ParsedQuery:
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    excluded: list[str] = []
    for match in PART.finditer(clean(text).translate(QUOTES)):
        negated = bool(match.group(1) or match.group(3))
        found = words_of(match.group(2) if match.group(2) is not None else match.group(4))
        if negated:
            excluded.extend(found)
        elif match.group(2) is not None and len(found) > 1:
            phrases.append(tuple(found))
        else:
            words.extend(found)
    return ParsedQuery(
        words=tuple(dict.fromkeys(words))[:MAX_WORDS],
        phrases=tuple(phrases)[:MAX_WORDS],
        excluded=tuple(dict.fromkeys(excluded))[:MAX_WORDS],
    )
