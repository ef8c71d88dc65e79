"""What a file is, judged by its content (magic bytes and package structure), never its name."""

from __future__ import annotations

import codecs
import re
import struct
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TypeVar

import olefile
from lxml import etree

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.messages import Message, message
from slideshelf.conversion.received import describe
from slideshelf.conversion.types import FileType
from slideshelf.lib.i18n import gettext_noop

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # the second: an empty archive
# The CurrentUserAtom's header token says whether the PowerPoint stream is encrypted.
PPT_ENCRYPTED_TOKEN = 0xF3D1C4DF

# What a presentation may be called when it arrives: every format LibreOffice opens in Impress
# (Draw documents too, whose pages are slides), and PDF. The upload form offers these.
EXTENSIONS = (
    *(".pptx", ".pptm", ".ppsx", ".ppsm", ".potx", ".potm", ".ppt", ".pps", ".pot"),
    *(".odp", ".otp", ".fodp", ".sxi", ".odg", ".otg", ".fodg", ".sxd"),
    *(".key", ".pdf"),
)


@dataclass(frozen=True)
class Sniffed:
    file_type: FileType
    label: str  # what a person would call it: "PowerPoint 2007+ (.pptx)"


ODF_PRESENTATION = "application/vnd.oasis.opendocument.presentation"
ODF_DRAWING = "application/vnd.oasis.opendocument.graphics"
# Keyed by mimetype prefix: an ODF template's type is its document's with "-template" added.
ODF_ACCEPTED = {
    ODF_PRESENTATION: Sniffed(FileType.ODP, "OpenDocument presentation (.odp)"),
    ODF_DRAWING: Sniffed(FileType.ODG, "OpenDocument drawing (.odg)"),
    "application/vnd.sun.xml.impress": Sniffed(
        FileType.SXI, "OpenOffice.org 1.x presentation (.sxi)"
    ),
    "application/vnd.sun.xml.draw": Sniffed(FileType.SXD, "OpenOffice.org 1.x drawing (.sxd)"),
}
FLAT_ACCEPTED = {
    ODF_PRESENTATION: Sniffed(FileType.FODP, "flat OpenDocument presentation (.fodp)"),
    ODF_DRAWING: Sniffed(FileType.FODG, "flat OpenDocument drawing (.fodg)"),
}
ODF_OTHER_TYPES = {
    # LibreOffice detects these, then fails to load them (7.4), so they never reach it.
    "application/vnd.sun.xml.impress.template": gettext_noop(
        "an OpenOffice.org 1.x presentation template (.sti), which LibreOffice no longer opens"
    ),
    "application/vnd.sun.xml.draw.template": gettext_noop(
        "an OpenOffice.org 1.x drawing template (.std), which LibreOffice no longer opens"
    ),
    "application/vnd.oasis.opendocument.text": gettext_noop("an OpenDocument text document (.odt)"),
    "application/vnd.oasis.opendocument.spreadsheet": gettext_noop(
        "an OpenDocument spreadsheet (.ods)"
    ),
    "application/vnd.oasis.opendocument.formula": gettext_noop("an OpenDocument formula (.odf)"),
    "application/vnd.oasis.opendocument.chart": gettext_noop("an OpenDocument chart (.odc)"),
    "application/vnd.oasis.opendocument.base": gettext_noop("a LibreOffice Base database (.odb)"),
    "application/vnd.oasis.opendocument.image": gettext_noop("an OpenDocument image (.odi)"),
    "application/vnd.sun.xml.writer": gettext_noop("an OpenOffice.org 1.x text document (.sxw)"),
    "application/vnd.sun.xml.calc": gettext_noop("an OpenOffice.org 1.x spreadsheet (.sxc)"),
    "application/vnd.sun.xml.math": gettext_noop("an OpenOffice.org 1.x formula (.sxm)"),
    "application/epub+zip": gettext_noop("an e-book (EPUB)"),
}
OOXML_OTHER_PARTS = {
    "word/document.xml": gettext_noop("a Word document (.docx)"),
    "xl/workbook.xml": gettext_noop("an Excel workbook (.xlsx)"),
    "visio/document.xml": gettext_noop("a Visio drawing (.vsdx)"),
}
# The main part's content type: …presentationml.slideshow.main+xml, …macroEnabled.main+xml.
OOXML_MAIN = re.compile(r"\.(presentation|slideshow|template)(\.macroEnabled)?\.main\+xml")
OOXML_LABELS = {
    "presentation": (
        "PowerPoint presentation (.pptx)",
        "PowerPoint macro-enabled presentation (.pptm)",
    ),
    "slideshow": ("PowerPoint show (.ppsx)", "PowerPoint macro-enabled show (.ppsm)"),
    "template": ("PowerPoint template (.potx)", "PowerPoint macro-enabled template (.potm)"),
}
OLE_OTHER_STREAMS = {
    "WordDocument": gettext_noop("a Word 97–2003 document (.doc)"),
    "Workbook": gettext_noop("an Excel 97–2003 workbook (.xls)"),
    "Book": gettext_noop("an Excel 95 workbook (.xls)"),
    "VisioDocument": gettext_noop("a Visio drawing (.vsd)"),
    "Quill/CONTENTS": gettext_noop("a Publisher document (.pub)"),
}
# Keynote 6 and later (IWA) share their layout with Pages and Numbers; only Keynote has slides.
IWORK_SLIDES = ("Index/Slide", "Index/TemplateSlide")
# Early OpenOffice.org files may lack `mimetype`; the manifest's entry for "/" names the type.
MANIFEST_ROOT = re.compile(r'<[^>]*:full-path="/"[^>]*>')
MANIFEST_MEDIA_TYPE = re.compile(r':media-type="([^"]*)"')
OFFICE_DOCUMENT = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}document"
OFFICE_MIMETYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}mimetype"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"

# The received-instead messages share one msgid; what was received is a phrase of its own.
NOT_A_PRESENTATION = gettext_noop("This is not a presentation: slideshelf received %(received)s.")
ENCRYPTED_MESSAGE = gettext_noop(
    "This presentation is password-protected, and slideshelf cannot open encrypted files. "
    "Remove the password (in PowerPoint: File › Info › Protect Presentation) and upload again."
)
HINT_RESAVE = gettext_noop(
    "Open it in PowerPoint or LibreOffice Impress and save it as .pptx, then upload again."
)

T = TypeVar("T")


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
    if head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"<?xml"):
        return _sniff_xml(path, head)
    raise PermanentError(NOT_A_PRESENTATION, received=describe(head))


def _refuse(label: str) -> PermanentError:
    return PermanentError(NOT_A_PRESENTATION, received=message(label))


def _prefixed(table: Mapping[str, T], mimetype: str) -> T | None:
    for prefix, value in table.items():
        if mimetype.startswith(prefix):
            return value
    return None


def _odf(mimetype: str, accepted: Mapping[str, Sniffed]) -> Sniffed | None:
    """The presentation type an ODF mimetype names; refuses other documents, None if unknown."""
    if not mimetype:
        return None
    # Refusals first: "…sun.xml.impress.template" begins with the accepted "…sun.xml.impress".
    label = _prefixed(ODF_OTHER_TYPES, mimetype)
    if label is not None:
        raise _refuse(label)
    return _prefixed(accepted, mimetype)


def _sniff_zip(path: str) -> Sniffed:
    names, mimetype, content_types = _read_zip(path)
    if "ppt/presentation.xml" in names:
        return Sniffed(FileType.PPTX, _ooxml_label(content_types))
    found = _odf(mimetype, ODF_ACCEPTED) or _sniff_iwork(names)
    if found is not None:
        return found
    for part, label in OOXML_OTHER_PARTS.items():
        if part in names:
            raise _refuse(label)
    if "[Content_Types].xml" in names:
        raise PermanentError(
            gettext_noop(
                "This PowerPoint package has no presentation part (ppt/presentation.xml), "
                "so it is damaged or incomplete. %(hint)s"
            ),
            hint=message(HINT_RESAVE),
        )
    raise PermanentError(NOT_A_PRESENTATION, received=_describe_archive(names))


def _read_zip(path: str) -> tuple[set[str], str, str]:
    """The package's part names, its `mimetype` and its `[Content_Types].xml`."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = _read_small(package, "mimetype") or _manifest_type(package)
            content_types = _read_small(package, "[Content_Types].xml", limit=1 << 20)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise PermanentError(
            gettext_noop(
                "The file is a damaged ZIP package (its directory is missing or corrupt), "
                "so it cannot be opened. %(hint)s"
            ),
            hint=message(HINT_RESAVE),
        ) from None
    return names, mimetype, content_types


def _manifest_type(package: zipfile.ZipFile) -> str:
    """The package's own type from its manifest, for ODF files written without `mimetype`."""
    entry = MANIFEST_ROOT.search(_read_small(package, "META-INF/manifest.xml", limit=1 << 20))
    media_type = MANIFEST_MEDIA_TYPE.search(entry.group()) if entry else None
    return media_type.group(1) if media_type else ""


def _sniff_iwork(names: set[str]) -> Sniffed | None:
    keynote = Sniffed(FileType.KEY, "Keynote presentation (.key)")
    if names & {"index.apxl", "index.apxl.gz"}:
        return keynote
    if not any(name.startswith("Index/") for name in names):
        return None
    if any(name.startswith(IWORK_SLIDES) for name in names):
        return keynote
    raise _refuse(gettext_noop("an Apple Pages or Numbers document"))


def _describe_archive(names: set[str]) -> Message:
    files = sorted(name for name in names if not name.endswith("/"))
    if not files:
        return message(gettext_noop("an empty ZIP archive"))
    inside = [name for name in files if name.lower().endswith(EXTENSIONS)]
    if inside:
        # Someone zipped their deck to upload it: say which file to upload instead.
        raise PermanentError(
            gettext_noop(
                "This is a ZIP archive with a presentation inside (%(name)s). Unpack it and "
                "upload the presentation itself."
            ),
            name=PurePosixPath(inside[0]).name[:100],
        )
    return message(
        gettext_noop('a ZIP archive of other files (the first is "%(name)s")'),
        name=PurePosixPath(files[0]).name[:100],
    )


def _read_small(package: zipfile.ZipFile, name: str, limit: int = 256) -> str:
    try:
        info = package.getinfo(name)
    except KeyError:
        return ""
    if info.file_size > limit:
        return ""
    return package.read(info).decode("utf-8", "replace").strip()


def _ooxml_label(content_types: str) -> str:
    main = OOXML_MAIN.search(content_types)
    kind, macros = (main.group(1), bool(main.group(2))) if main else ("presentation", False)
    return OOXML_LABELS[kind][macros]


def _sniff_xml(path: str, head: bytes) -> Sniffed:
    """A flat ODF presentation or drawing (.fodp, .fodg); other XML is named and refused."""
    root = _xml_root(path)
    if root is None:  # not well-formed: say what it looks like
        raise PermanentError(NOT_A_PRESENTATION, received=describe(head))
    if root.tag == OFFICE_DOCUMENT:
        found = _odf(root.get(OFFICE_MIMETYPE, ""), FLAT_ACCEPTED)
        if found is not None:
            return found
    if root.tag == SVG_ROOT:
        raise _refuse(gettext_noop("an SVG image"))
    raise PermanentError(
        NOT_A_PRESENTATION,
        received=message(
            gettext_noop('an XML file (its root element is "%(element)s")'),
            element=etree.QName(root).localname[:100],
        ),
    )


def _xml_root(path: str) -> etree._Element | None:
    """The root element with its attributes, read without reading the rest of the file."""
    events = etree.iterparse(
        path, events=("start",), resolve_entities=False, no_network=True, load_dtd=False
    )
    try:
        for _, element in events:
            return element
    except etree.XMLSyntaxError:
        return None
    return None


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
    if "PowerPoint Document" in streams:
        if "EncryptedSummary" in streams or _ppt_is_encrypted(current_user):
            raise PermanentError(ENCRYPTED_MESSAGE)
        return Sniffed(FileType.PPT, "PowerPoint 97–2003 presentation (.ppt)")
    if "PP40" in streams:
        # PowerPoint 4.0 (1994): LibreOffice reads it with libmwaw.
        return Sniffed(FileType.PPT, "PowerPoint 4.0 presentation (.ppt)")
    for stream, label in OLE_OTHER_STREAMS.items():
        if stream in streams:
            raise _refuse(label)
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
