"""What a file that is no presentation is, from its first bytes, for the refusal to name it.

Each phrase is a message of its own ("a PNG image"), put into "slideshelf received %(received)s"
and translated with it.
"""

from __future__ import annotations

from slideshelf.conversion.messages import Message, message
from slideshelf.lib.i18n import gettext_noop

SIMPLE_MAGIC = [
    (b"\x89PNG", gettext_noop("a PNG image")),
    (b"\xff\xd8\xff", gettext_noop("a JPEG image")),
    (b"GIF8", gettext_noop("a GIF image")),
    (b"II*\x00", gettext_noop("a TIFF image")),
    (b"MM\x00*", gettext_noop("a TIFF image")),
    (b"{\\rtf", gettext_noop("a Rich Text document (.rtf)")),
    (b"%!PS", gettext_noop("a PostScript file")),
    (b"ID3", gettext_noop("an MP3 audio file")),
    (b"OggS", gettext_noop("an Ogg audio or video file")),
    (b"\x1a\x45\xdf\xa3", gettext_noop("a WebM or Matroska video")),
    (b"MZ", gettext_noop("a Windows program (.exe)")),
    (b"\x7fELF", gettext_noop("a Linux program")),
    (b"\x1f\x8b", gettext_noop("a gzip archive")),
    (b"Rar!", gettext_noop("a RAR archive")),
    (b"7z\xbc\xaf", gettext_noop("a 7-Zip archive")),
    (b"\xfd7zXZ\x00", gettext_noop("an xz archive")),
]
# RIFF and ISO media files say what they hold in the bytes after their magic.
RIFF_KINDS = {
    b"WEBP": gettext_noop("a WebP image"),
    b"WAVE": gettext_noop("a WAV sound file"),
    b"AVI ": gettext_noop("an AVI video"),
}
IMAGE_BRANDS = {b"heic", b"heix", b"mif1", b"msf1", b"avif"}
TAR_MAGIC_AT = 257


def describe(head: bytes) -> Message:
    """What the file that begins with `head` (its first 2 KiB) is, as a phrase."""
    for magic, label in SIMPLE_MAGIC:
        if head.startswith(magic):
            return message(label)
    container = _container(head)
    if container is not None:
        return container
    if head.startswith(b"version https://git-lfs"):
        return message(
            gettext_noop("a Git LFS pointer (a small text stub that stands for the real file)")
        )
    text = head.lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return message(gettext_noop("a web page (HTML)"))
    if looks_like_text(head):
        first_line = head.decode("utf-8").strip().splitlines()[0][:80] if head.strip() else ""
        if first_line:
            return message(
                gettext_noop('a plain-text file that begins "%(line)s"'), line=first_line
            )
        return message(gettext_noop("a plain-text file"))
    return message(gettext_noop("a file of an unknown type"))


def _container(head: bytes) -> Message | None:
    if head.startswith(b"RIFF"):
        return message(RIFF_KINDS.get(head[8:12], gettext_noop("a RIFF media file")))
    if head[4:8] == b"ftyp":
        if head[8:12] in IMAGE_BRANDS:
            return message(gettext_noop("a HEIC or AVIF image"))
        if head[8:12] == b"qt  ":
            return message(gettext_noop("a QuickTime video (.mov)"))
        return message(gettext_noop("an MP4 video or audio file"))
    if head[TAR_MAGIC_AT : TAR_MAGIC_AT + 5] == b"ustar":
        return message(gettext_noop("a tar archive"))
    return None


def looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head
