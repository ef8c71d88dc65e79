"""Which language a deck's text is written in, as an ISO 639-1 code ("" when unsure).

py3langid (langid.py's naive Bayes over byte n-grams) is used because its model ships inside the
wheel, it knows ~100 languages, loads in under a second into ~75 MB, and reads a slide in a
twentieth of a millisecond. On short Swedish and English slide text it was right as often as
lingua, which needs ~900 MB with every language loaded and guesses worse in its low-memory mode.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from slideshelf.lib.text import ADDRESS

# Below this many letters a guess is mostly noise: "Summary" alone comes out as Oromo.
MIN_LETTERS = 20
# With probabilities normalised per length, wrong guesses on slide-sized text scored under 0.4
# and right ones over it (a template's "Click to edit Master title style" scores 0.41).
MIN_CONFIDENCE = 0.4

# Addresses, e-mail addresses and numbers say nothing about the language and drown short text.
_NOISE = re.compile(rf"{ADDRESS}|[\d_]+", re.IGNORECASE)


def detect_language(text: str) -> str:
    """The text's language as a lowercase ISO 639-1 code, or "" when too short or unsure."""
    text = _NOISE.sub(" ", text)
    if sum(character.isalpha() for character in text) < MIN_LETTERS:
        return ""
    code, confidence = _identifier().classify(text)
    # The model also knows languages without a two-letter code ("ace", "zxx" = no language).
    if confidence < MIN_CONFIDENCE or len(code) != 2:
        return ""
    return str(code).lower()


@cache
def _identifier() -> Any:
    """The model, decompressed once per process and only when a deck first needs it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
