"""What may stand as a picture's alt text: what its author wrote, not its file's name.

python-pptx, and PowerPoint before 2013, write the inserted file's name where the picture's
description goes ("python-logo.gif", "C:\\Pictures\\th (5).jpg"); a reader learns nothing from
it, and a search for "png" should not find every deck with a picture.
"""

from __future__ import annotations

import re

from slideshelf.lib.text import squash

# Pictures, drawings and media a deck embeds.
_EXTENSIONS = "png jpe?g jfif gif bmp tiff? emf wmf svg webp heic ico mp4 mov wmv avi mp3 wav"
# Ends in a name and one of those extensions: a file name, alone or at the end of its folder
# or web address, spaces allowed ("télécharger (5).jpg").
_FILE_NAME = re.compile(rf".*[^\s./\\]\.(?:{'|'.join(_EXTENSIONS.split())})", re.IGNORECASE)
# A sentence ends or a list goes on: words someone wrote, whatever they end with
# ("A map of the harbour. Source: harbour.png").
_SENTENCE = re.compile(r"[.!?,;:]\s")


def is_file_name(text: str) -> bool:
    """Whether `text` (on one line) is only the name or path of a picture or media file."""
    return bool(_FILE_NAME.fullmatch(text)) and not _SENTENCE.search(text)


def alt_text(*candidates: str) -> str:
    """The first candidate that describes the picture, on one line as alt text is shown
    everywhere; "" when none does."""
    for candidate in candidates:
        text = squash(candidate)
        if text and not is_file_name(text):
            return text
    return ""
