from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Web and e-mail addresses, whole: no word in one says what a text is about or its language.
ADDRESS = r"(?:https?://|www\.)\S+|\S+@\S+\.\S+"
ADDRESSES = re.compile(ADDRESS, re.IGNORECASE)
# Presentation forms: the ligatures ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ (and Armenian ones), Hebrew letters with their
# points, Arabic letters in their joined shapes. Each stands for plain letters, which is what a
# search or a reader's copy wants. Compatibility forms elsewhere keep their meaning (x², H₂O,
# full-width Ｋ), so NFKC goes to these blocks alone. U+FEFF is a byte-order mark, not a form.
_PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufefe]")


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


def expand_ligatures(text: str) -> str:
    """`text` with ligatures and other presentation forms written out as their letters."""
    return _PRESENTATION_FORMS.sub(lambda form: unicodedata.normalize("NFKC", form[0]), text)
