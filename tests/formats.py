"""Small files in the formats LibreOffice opens, written in a test's tmp_path.

Two titled slides, the first with speaker notes: written by python-pptx, retyped or saved by the
real LibreOffice in the other formats, or written by hand where LibreOffice can no longer save
one (OpenOffice.org 1.x).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pptx import Presentation as PptxPresentation

from slideshelf.conversion.office.client import Output
from slideshelf.conversion.runtime import get_office

TITLES = ["Alpha title", "Beta title"]
NOTES = "alpha notes"

PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
OOXML_MAINS = {
    "pptm": "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "ppsx": "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "ppsm": "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
    "potx": "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "potm": "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
}
# What LibreOffice saves each with.
EXPORT_FILTERS = {
    "pot": "MS PowerPoint 97 Vorlage",
    "pps": "MS PowerPoint 97 AutoPlay",
    "fodp": "OpenDocument Presentation Flat XML",
    "otp": "impress8_template",
    "odg": "draw8",
    "otg": "draw8_template",
    "fodg": "OpenDocument Drawing Flat XML",
}
OOO_MIMETYPES = {
    "sxi": "application/vnd.sun.xml.impress",
    "sti": "application/vnd.sun.xml.impress.template",
    "sxd": "application/vnd.sun.xml.draw",
    "std": "application/vnd.sun.xml.draw.template",
}
OOO_NAMESPACES = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in {
        "office": "http://openoffice.org/2000/office",
        "style": "http://openoffice.org/2000/style",
        "text": "http://openoffice.org/2000/text",
        "draw": "http://openoffice.org/2000/drawing",
        "presentation": "http://openoffice.org/2000/presentation",
        "svg": "http://www.w3.org/2000/svg",
        "fo": "http://www.w3.org/1999/XSL/Format",
    }.items()
)


def pptx(path: Path) -> Path:
    deck = PptxPresentation()
    for title in TITLES:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = f"{title.split()[0].lower()} body"
    deck.slides[0].notes_slide.notes_text_frame.text = NOTES
    deck.save(str(path))
    return path


def deck_as(extension: str, folder: Path) -> Path:
    """The two-slide deck as a `.{extension}` file in `folder`."""
    path = folder / f"deck.{extension}"
    if extension in OOXML_MAINS:
        return retyped(pptx(folder / "source.pptx"), path, OOXML_MAINS[extension])
    if extension in OOO_MIMETYPES:
        return openoffice_1(path, OOO_MIMETYPES[extension])
    if extension in {"odg", "otg", "fodg"}:
        return saved_by_office(openoffice_1(folder / "source.sxd", OOO_MIMETYPES["sxd"]), path)
    return saved_by_office(pptx(folder / "source.pptx"), path)


def retyped(source: Path, path: Path, main: str) -> Path:
    """The OOXML package at `source` with another main part type: a show, template or macro."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(PPTX_MAIN.encode(), main.encode())
            new.writestr(info, data)
    return path


def saved_by_office(source: Path, path: Path) -> Path:
    office = get_office()
    assert office is not None, "LibreOffice is installed by 'make test' as root"
    office.convert(str(source), [Output(str(path), EXPORT_FILTERS[path.suffix[1:]])])
    return path


def openoffice_1(path: Path, mimetype: str, with_mimetype: bool = True) -> Path:
    """An OpenOffice.org 1.x package (StarOffice 6–7) as that suite wrote it."""
    drawing = ".draw" in mimetype
    with zipfile.ZipFile(path, "w") as package:
        if with_mimetype:  # stored first and uncompressed, as the format asks
            package.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        package.writestr("content.xml", _ooo_content(drawing), zipfile.ZIP_DEFLATED)
        package.writestr("styles.xml", _ooo_styles(), zipfile.ZIP_DEFLATED)
        package.writestr("META-INF/manifest.xml", _ooo_manifest(mimetype), zipfile.ZIP_DEFLATED)
    return path


def _ooo_content(drawing: bool) -> str:
    pages = "".join(_ooo_page(number, title, drawing) for number, title in enumerate(TITLES))
    kind = "drawing" if drawing else "presentation"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {OOO_NAMESPACES} '
        f'office:class="{kind}" office:version="1.0"><office:body>{pages}</office:body>'
        "</office:document-content>"
    )


def _ooo_page(number: int, title: str, drawing: bool) -> str:
    body = f"{title.split()[0].lower()} body"
    # Without a presentation style LibreOffice drops the placeholder's class on import.
    placeholder = "" if drawing else 'presentation:style-name="pr1" presentation:class="{}" '
    notes = (
        '<presentation:notes><draw:text-box presentation:style-name="pr1" '
        'presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="10cm">'
        f"<text:p>{NOTES}</text:p></draw:text-box>"
        "</presentation:notes>"
    )
    return (
        f'<draw:page draw:name="page{number + 1}" draw:master-page-name="Default" '
        'presentation:presentation-page-layout-name="AL1T1">'
        f'<draw:text-box {placeholder.format("title")}svg:x="2cm" svg:y="1cm" svg:width="24cm" '
        f'svg:height="3cm"><text:p>{title}</text:p></draw:text-box>'
        f'<draw:text-box {placeholder.format("outline")}svg:x="2cm" svg:y="5cm" svg:width="24cm" '
        f'svg:height="12cm"><text:p>{body}</text:p></draw:text-box>'
        f"{notes if number == 0 and not drawing else ''}</draw:page>"
    )


def _ooo_styles() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {OOO_NAMESPACES} '
        'office:version="1.0"><office:automatic-styles><style:page-master style:name="PM1">'
        '<style:properties fo:page-width="28cm" fo:page-height="21cm"/></style:page-master>'
        '</office:automatic-styles><office:master-styles><style:master-page style:name="Default" '
        'style:page-master-name="PM1"/></office:master-styles></office:document-styles>'
    )


def _ooo_manifest(mimetype: str) -> str:
    entries = [(mimetype, "/"), ("text/xml", "content.xml"), ("text/xml", "styles.xml")]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">'
        + "".join(
            f'<manifest:file-entry manifest:media-type="{kind}" manifest:full-path="{part}"/>'
            for kind, part in entries
        )
        + "</manifest:manifest>"
    )
