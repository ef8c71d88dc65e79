"""What a file is, judged by its content (magic bytes and package structure), never its name."""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass

import olefile

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.messages import Message, message
from slideshelf.conversion.types import FileType
from slideshelf.lib.i18n import gettext_noop

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# The CurrentUserAtom's header token says whether the PowerPoint stream is encrypted.
PPT_ENCRYPTED_TOKEN = 0xF3D1C4DF

ODF_PRESENTATION_TYPES = {
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.oasis.opendocument.presentation-template",
}
ODF_OTHER_TYPES = {
    "application/vnd.oasis.opendocument.text": gettext_noop("an OpenDocument text document (.odt)"),
    "application/vnd.oasis.opendocument.spreadsheet": gettext_noop(
        "an OpenDocument spreadsheet (.ods)"
    ),
    "application/vnd.oasis.opendocument.graphics": gettext_noop("an OpenDocument drawing (.odg)"),
}
OOXML_OTHER_PARTS = {
    "word/document.xml": gettext_noop("a Word document (.docx)"),
    "xl/workbook.xml": gettext_noop("an Excel workbook (.xlsx)"),
}
OLE_OTHER_STREAMS = {
    "WordDocument": gettext_noop("a Word 97–2003 document (.doc)"),
    "Workbook": gettext_noop("an Excel 97–2003 workbook (.xls)"),
    "Book": gettext_noop("an Excel 95 workbook (.xls)"),
}
SIMPLE_MAGIC = [
    (b"\x89PNG", gettext_noop("a PNG image")),
    (b"\xff\xd8\xff", gettext_noop("a JPEG image")),
    (b"GIF8", gettext_noop("a GIF image")),
    (b"RIFF", gettext_noop("a RIFF file (WebP image, WAV or AVI)")),
    (b"\x1f\x8b", gettext_noop("a gzip archive")),
    (b"Rar!", gettext_noop("a RAR archive")),
    (b"7z\xbc\xaf", gettext_noop("a 7-Zip archive")),
]

# The received-instead messages share one msgid; what was received is a phrase of its own.
NOT_A_PRESENTATION = gettext_noop("This is not a presentation: slideshelf received %(received)s.")
ENCRYPTED_MESSAGE = gettext_noop(
    "This presentation is password-protected, and slideshelf cannot open encrypted files. "
    "Remove the password (in PowerPoint: File › Info › Protect Presentation) and upload again."
)
HINT_RESAVE = gettext_noop(
    "Open it in PowerPoint or LibreOffice Impress and save it as .pptx, then upload again."
)


@dataclass(frozen=True)
class Sniffed:
    file_type: FileType
    label: str  # what a person would call it: "PowerPoint 2007+ (.pptx)"


def sniff(path: str) -> Sniffed:
    """The file's presentation type, or a PermanentError saying what was received instead."""
    with open(path, "rb") as handle:
        head = handle.read(2048)
    if not head:
        raise PermanentError(gettext_noop("The file is empty (0 bytes)."))
    if b"%PDF-" in head[:1024]:
        return Sniffed(FileType.PDF, "PDF")
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path)
    raise PermanentError(NOT_A_PRESENTATION, received=_describe(head))


def _describe(head: bytes) -> Message:
    for magic, label in SIMPLE_MAGIC:
        if head.startswith(magic):
            return message(label)
    if head.startswith(b"version https://git-lfs"):
        return message(
            gettext_noop("a Git LFS pointer (a small text stub that stands for the real file)")
        )
    text = head.lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return message(gettext_noop("a web page (HTML)"))
    if _looks_like_text(head):
        first_line = head.decode("utf-8").strip().splitlines()[0][:80] if head.strip() else ""
        if first_line:
            return message(
                gettext_noop('a plain-text file that begins "%(line)s"'), line=first_line
            )
        return message(gettext_noop("a plain-text file"))
    return message(gettext_noop("a file of an unknown type"))


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


def _sniff_zip(path: str) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = _read_small(package, "mimetype") if "mimetype" in names else ""
            content_types = _read_small(package, "[Content_Types].xml", limit=1 << 20)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise PermanentError(
            gettext_noop(
                "The file is a damaged ZIP package (its directory is missing or corrupt), "
                "so it cannot be opened. %(hint)s"
            ),
            hint=message(HINT_RESAVE),
        ) from None
    if "ppt/presentation.xml" in names:
        return Sniffed(FileType.PPTX, _ooxml_label(content_types))
    if mimetype in ODF_PRESENTATION_TYPES:
        return Sniffed(FileType.ODP, "OpenDocument presentation (.odp)")
    if mimetype in ODF_OTHER_TYPES:
        raise PermanentError(NOT_A_PRESENTATION, received=message(ODF_OTHER_TYPES[mimetype]))
    if names & {"index.apxl", "index.apxl.gz"} or any(n.startswith("Index/") for n in names):
        return Sniffed(FileType.KEY, "Keynote presentation (.key)")
    for part, label in OOXML_OTHER_PARTS.items():
        if part in names:
            raise PermanentError(NOT_A_PRESENTATION, received=message(label))
    if "[Content_Types].xml" in names:
        raise PermanentError(
            gettext_noop(
                "This PowerPoint package has no presentation part (ppt/presentation.xml), "
                "so it is damaged or incomplete. %(hint)s"
            ),
            hint=message(HINT_RESAVE),
        )
    raise PermanentError(NOT_A_PRESENTATION, received=message(gettext_noop("a ZIP archive")))


def _read_small(package: zipfile.ZipFile, name: str, limit: int = 256) -> str:
    try:
        info = package.getinfo(name)
    except KeyError:
        return ""
    if info.file_size > limit:
        return ""
    return package.read(info).decode("utf-8", "replace").strip()


def _ooxml_label(content_types: str) -> str:
    if "macroEnabled" in content_types:
        return "PowerPoint macro-enabled presentation (.pptm)"
    if "slideshow.main" in content_types:
        return "PowerPoint show (.ppsx)"
    if "template.main" in content_types:
        return "PowerPoint template (.potx)"
    return "PowerPoint presentation (.pptx)"


def _sniff_ole(path: str) -> Sniffed:
    try:
        with olefile.OleFileIO(path) as ole:
            streams = {"/".join(entry) for entry in ole.listdir()}
            current_user = (
                ole.openstream("Current User").read(64) if "Current User" in streams else b""
            )
    except (OSError, ValueError, struct.error, IndexError, TypeError) as error:
        raise PermanentError(
            gettext_noop(
                "The file looks like an Office 97–2003 file, but its internal structure is "
                "damaged (%(details)s). %(hint)s"
            ),
            details=str(error),
            hint=message(HINT_RESAVE),
        ) from None

    if "EncryptedPackage" in streams:
        raise PermanentError(ENCRYPTED_MESSAGE)
    if "PP40" in streams:
        raise PermanentError(
            gettext_noop(
                "This is a PowerPoint 4.0 file, a format from 1994 that slideshelf cannot read. "
                "%(hint)s"
            ),
            hint=message(HINT_RESAVE),
        )
    if "PowerPoint Document" in streams:
        if "EncryptedSummary" in streams or _ppt_is_encrypted(current_user):
            raise PermanentError(ENCRYPTED_MESSAGE)
        return Sniffed(FileType.PPT, "PowerPoint 97–2003 presentation (.ppt)")
    for stream, label in OLE_OTHER_STREAMS.items():
        if stream in streams:
            raise PermanentError(NOT_A_PRESENTATION, received=message(label))
    raise PermanentError(
        gettext_noop(
            "The file is an Office 97–2003 container without a PowerPoint part, so it is not a "
            "presentation slideshelf can read."
        )
    )


def _ppt_is_encrypted(current_user: bytes) -> bool:
    # CurrentUserAtom: 8-byte record header, 4-byte size, then the 4-byte header token.
    if len(current_user) < 16:
        return False
    (token,) = struct.unpack_from("<I", current_user, 12)
    return bool(token == PPT_ENCRYPTED_TOKEN)
