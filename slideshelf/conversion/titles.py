"""A title for a deck whose owner gave none: the one line a person would have written."""

from __future__ import annotations

from slideshelf.conversion.job import Job
from slideshelf.conversion.models import TitleFrom
from slideshelf.lib.text import cut_at_word, squash
from slideshelf.lib.titles import is_field_text, is_stock_title, readable_file_name

# Only a pathological title (a whole paragraph in the title box) is this long.
TITLE_LENGTH = 150


def default_title(job: Job, file_name: str) -> tuple[str, TitleFrom | None]:
    """The first slide's title (else its largest line), else the file's title property unless
    a program or template made it up ("PowerPoint Presentation"), else the file's name.

    Never the body: the title is the page's heading, the browser's title, the address and the
    download's name, and the first slide's every line run together is none of those.
    """
    # Only the slide's own text: words recognised in a picture ("EF 07:39:24" for a clock)
    # are kept apart from it, a guess and no title.
    first = job.slides[0].text if job.slides else None
    candidates = (
        (first.title or first.heading if first else "", TitleFrom.SLIDE),
        (job.deck_title, TitleFrom.PROPERTY),
        (readable_file_name(file_name), TitleFrom.FILE_NAME),
    )
    for text, source in candidates:
        title = squash(text).rstrip(" :;,")
        if _is_a_title(title) or (source is TitleFrom.FILE_NAME and title):
            return cut_at_word(title, TITLE_LENGTH), source
    return "", None


def _is_a_title(text: str) -> bool:
    # "2", "0%" and "11/29/2026" name nothing; "Presentation1" names every deck.
    has_letters = any(char.isalpha() for char in text)
    return has_letters and not is_field_text(text) and not is_stock_title(text)
