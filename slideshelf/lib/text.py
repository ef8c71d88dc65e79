from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# Web and e-mail addresses, whole: no word in one says what a text is about or its language.
ADDRESS = r"(?:https?://|www\.)\S+|\S+@\S+\.\S+"
ADDRESSES = re.compile(ADDRESS, re.IGNORECASE)


def squash(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def cut_at_word(text: str, limit: int = 150) -> str:
    """`text` cut at the last word boundary at or before `limit` characters."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    boundary = cut.rfind(" ")
    if boundary < limit // 2:
        boundary = limit
    return cut[:boundary].rstrip(" ,;:-–—") + "…"
