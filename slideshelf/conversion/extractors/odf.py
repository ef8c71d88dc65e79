"""Slide text of an OpenDocument presentation (ODP, OTP), read with lxml from content.xml.

ODF keeps no reading order apart from the order of the elements (which is also the
z-order), so shapes are read in document order, groups flattened where they stand.
"""

from __future__ import annotations

import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors.odf_chart import chart_text
from slideshelf.conversion.extractors.odf_styles import FontSizes, points
from slideshelf.conversion.types import DeckText, SlideText
from slideshelf.lib.alt_texts import alt_text
from slideshelf.lib.i18n import gettext_noop
from slideshelf.lib.titles import is_field_text

MAX_PART_BYTES = 50 * 1024 * 1024
MAX_SPACES = 64  # a text:s may ask for any number of spaces; more than this is never text

_SPACE, _TAB, _BREAK = "\x00", "\x01", "\x02"
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PRES = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_XLINK = "{http://www.w3.org/1999/xlink}"

# Slide furniture repeated on every page, the notes page's picture of the slide, and the
# handout: none of it is the slide's own content.
_SKIP_CLASSES = frozenset({"page", "header", "footer", "date-time", "page-number", "handout"})
_CONTAINERS = frozenset({_DRAW + "g", _DRAW + "a"})  # groups, and shapes wrapped in a link
_DATE_FIELDS = frozenset({_TEXT + "date", _TEXT + "time"})
_BLOCKS = frozenset({_TEXT + "p", _TEXT + "h"})
_LISTS = frozenset({_TEXT + "list", _TEXT + "list-item", _TEXT + "list-header"})
# Comments and footnote bodies are not part of the line they are anchored in, and page
# number or header/footer fields only hold a placeholder like "<number>".
_SKIP_INLINE = frozenset(
    {_OFFICE + "annotation", _OFFICE + "annotation-end", _TEXT + "note", _TEXT + "page-number"}
    | {_TEXT + "page-count", _PRES + "date-time", _PRES + "footer", _PRES + "header"}
)


Charts = dict[str, tuple[str, str]]  # an object's link -> (chart title, table text)


@dataclass
class _Slide:
    titles: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    alt_texts: list[str] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)  # typed on the slide itself


def _read_xml(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise PermanentError(gettext_noop("The part %(part)s is too large to read."), part=name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(archive.read(info), parser)
    except etree.XMLSyntaxError as exc:
        if _is_encrypted(archive):
            raise PermanentError(
                gettext_noop(
                    "This presentation is password-protected, so it cannot be read. "
                    "Save a copy without a password and upload that."
                )
            ) from None
        raise PermanentError(
            gettext_noop("The part %(part)s is not well-formed XML: %(details)s"),
            part=name,
            details=str(exc),
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise PermanentError(
            gettext_noop("The part %(part)s is damaged and cannot be unpacked."), part=name
        ) from None


def _is_encrypted(archive: zipfile.ZipFile) -> bool:
    # A password-protected package stores its parts as ciphertext, declared in the manifest.
    try:
        manifest = archive.getinfo("META-INF/manifest.xml")
        return manifest.file_size <= MAX_PART_BYTES and b"encryption-data" in archive.read(manifest)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
        return False


def _charts(archive: zipfile.ZipFile, content: etree._Element | None) -> Charts:
    """Title and data table of each embedded chart, by the link its frame holds ("./Object 1");
    other embedded objects (a text document, a formula) give nothing."""
    found: Charts = {}
    for link in content.iter(_DRAW + "object") if content is not None else ():
        href = link.get(_XLINK + "href", "")
        folder = unquote(href).removeprefix("./").strip("/")
        if href in found or not folder:
            continue
        try:
            document = _read_xml(archive, f"{folder}/content.xml")
        except PermanentError:
            # A damaged object shows its replacement picture; the slides are still readable.
            document = None
        found[href] = chart_text(document) if document is not None else ("", "")
    return found


def _inline(el: etree._Element) -> str:
    """The raw text of a paragraph (or a span in it), with its space, tab and break elements
    marked by control characters XML text can never contain."""
    parts = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == _TEXT + "s":
            count = child.get(_TEXT + "c", "1")
            parts.append(_SPACE * min(int(count) if count.isdigit() else 1, MAX_SPACES))
        elif tag == _TEXT + "tab":
            parts.append(_TAB)
        elif tag == _TEXT + "line-break":
            parts.append(_BREAK)
        elif tag not in _SKIP_INLINE and isinstance(tag, str) and not _is_auto_field(child):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_auto_field(el: etree._Element) -> bool:
    # A date or time field shows the day the slide is shown, unless it was fixed when typed.
    return el.tag in _DATE_FIELDS and el.get(_TEXT + "fixed") != "true"


def _paragraph(el: etree._Element) -> str:
    # ODF collapses every run of white space in the markup to one space (so pretty-printing
    # is not text); only text:s, text:tab and text:line-break stand for real white space.
    text = _WHITE_SPACE.sub(" ", _inline(el)).replace(_SPACE, " ").replace(_TAB, "\t")
    return "\n".join(line.strip() for line in text.split(_BREAK) if line.strip())


def _paragraphs(el: etree._Element) -> Iterator[str]:
    """Non-empty paragraphs under a text container, lists included, tables and frames not."""
    for child in el:
        if child.tag in _BLOCKS:
            if text := _paragraph(child):
                yield text
        elif child.tag in _LISTS or child.tag == _DRAW + "text-box":
            yield from _paragraphs(child)


def _cell(cell: etree._Element) -> str:
    return " ".join(" ".join(_paragraphs(cell)).split())  # one table row, one line


def _table(table: etree._Element) -> str:
    rows = []
    for row in table.iter(_TABLE + "table-row"):
        # Covered cells are the hidden rest of a merged cell; they hold no text of their own.
        cells = [_cell(cell) for cell in row.iterchildren(_TABLE + "table-cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _alt_text(shape: etree._Element) -> str:
    is_picture = shape.find(_DRAW + "image") is not None and shape.find(_TABLE + "table") is None
    title = (shape.findtext(_SVG + "title") or "") if is_picture else ""
    # As in PPTX, the description is the alt text; a picture's title stands in for it.
    return alt_text(shape.findtext(_SVG + "desc") or "", title)


def _shapes(container: etree._Element) -> Iterator[etree._Element]:
    """The drawing shapes of a page, groups flattened, in document order."""
    for el in container:
        if el.tag in _CONTAINERS:
            yield from _shapes(el)
        elif isinstance(el.tag, str) and el.tag.startswith(_DRAW):
            yield el


def _read_shape(shape: etree._Element, into: _Slide, charts: Charts) -> None:
    kind = shape.get(_PRES + "class", "")
    # An empty placeholder holds no text, only the "Click to add…" prompt LibreOffice shows.
    if shape.get(_PRES + "placeholder") == "true":
        return
    if kind == "footer":  # the author's words; a footer field's text is the page's declaration
        into.footers.append("\n".join(_paragraphs(shape)))
    if kind in _SKIP_CLASSES:
        return
    into.tables.extend(t for t in map(_table, shape.iter(_TABLE + "table")) if t)
    for chart in shape.iterchildren(_DRAW + "object"):
        title, table = charts.get(chart.get(_XLINK + "href", ""), ("", ""))
        into.body.extend([title] if title else [])
        into.tables.extend([table] if table else [])
    text = "\n".join(_paragraphs(shape))
    if text:
        (into.titles if kind == "title" else into.body).append(text)
    alt = _alt_text(shape)
    if alt:
        into.alt_texts.append(alt)


def _notes(page: etree._Element) -> str:
    """The notes page's text: its notes frame and any text box the speaker added to it."""
    notes = page.find(_PRES + "notes")
    if notes is None:
        return ""
    shapes = (s for s in _shapes(notes) if s.get(_PRES + "class", "") not in _SKIP_CLASSES)
    return "\n".join(text for shape in shapes for text in _paragraphs(shape))


def _page_styles(content: etree._Element, attribute: str, value: str) -> frozenset[str]:
    """Names of the page styles whose `attribute` is `value`: "visibility" "hidden" hides a
    slide from the slide show, "display-footer" "false" its footer."""
    named = set()
    for style in content.iterfind(f"{_OFFICE}automatic-styles/{_STYLE}style"):
        props = style.find(_STYLE + "drawing-page-properties")
        if props is not None and props.get(_PRES + attribute) == value:
            named.add(style.get(_STYLE + "name", ""))
    return frozenset(named)


@dataclass(frozen=True)
class _Pages:
    """What a page's style and declarations say about it, read once for the deck."""

    hidden_styles: frozenset[str]
    footerless_styles: frozenset[str]
    footers: dict[str, str]  # a footer declaration's name -> its text

    def footer(self, page: etree._Element) -> str:
        """The footer the page shows from its master's footer: its declaration's text."""
        if page.get(_DRAW + "style-name") in self.footerless_styles:
            return ""
        return self.footers.get(page.get(_PRES + "use-footer-name", ""), "")

    def is_hidden(self, page: etree._Element) -> bool:
        return (
            page.get(_PRES + "visibility") == "hidden"
            or page.get(_DRAW + "style-name") in self.hidden_styles
        )


def _first_line(shape: etree._Element) -> tuple[str, etree._Element | None]:
    """A shape's first line of text, and the paragraph it begins."""
    for child in shape:
        if child.tag in _BLOCKS and (text := _paragraph(child)):
            return text.partition("\n")[0], child
        if child.tag in _LISTS or child.tag == _DRAW + "text-box":
            line, paragraph = _first_line(child)
            if line:
                return line, paragraph
    return "", None


def _heading(page: etree._Element, sizes: FontSizes) -> str:
    """The first line of the page's largest text, the topmost of equals; never a date or
    number, never slide furniture."""
    best, best_key = "", (math.inf, math.inf)
    for shape in _shapes(page):
        kind = shape.get(_PRES + "class", "")
        if kind in _SKIP_CLASSES or shape.get(_PRES + "placeholder") == "true":
            continue
        line, paragraph = _first_line(shape)
        if paragraph is None or is_field_text(line):
            continue
        key = (-sizes.of_paragraph(shape, paragraph), points(shape.get(_SVG + "y")) or math.inf)
        if key < best_key:
            best, best_key = line, key
    return best


def _slide(page: etree._Element, pages: _Pages, charts: Charts, sizes: FontSizes) -> SlideText:
    found = _Slide()
    for shape in _shapes(page):
        _read_shape(shape, found, charts)
    footer = "\n".join(text for text in found.footers if text) or pages.footer(page)
    # A title is one heading even when its box wraps or holds a line break.
    title = " ".join(" ".join(found.titles).split())
    return SlideText(
        title=title,
        heading="" if title else _heading(page, sizes),
        body="\n".join([*found.body, footer] if footer else found.body),
        notes=_notes(page),
        alt_texts=tuple(found.alt_texts),
        tables=tuple(found.tables),
        hidden=pages.is_hidden(page),
    )


def extract_deck(path: str) -> DeckText:
    """Every slide (draw:page) of the presentation at `path`, in document order."""
    try:
        with zipfile.ZipFile(path) as archive:
            content = _read_xml(archive, "content.xml")
            meta = _read_xml(archive, "meta.xml")
            styles = _read_xml(archive, "styles.xml")
            charts = _charts(archive, content)
    except (zipfile.BadZipFile, OSError):
        raise PermanentError(
            gettext_noop("The file is a damaged ZIP package and cannot be opened.")
        ) from None
    if content is None:
        raise PermanentError(
            gettext_noop("The file has no content.xml, so it is not a readable presentation.")
        )
    presentation = content.find(f"{_OFFICE}body/{_OFFICE}presentation")
    if presentation is None:
        raise PermanentError(
            gettext_noop("The file is an OpenDocument file, but not a presentation.")
        )
    pages = _Pages(
        hidden_styles=_page_styles(content, "visibility", "hidden"),
        footerless_styles=_page_styles(content, "display-footer", "false"),
        footers={
            decl.get(_PRES + "name", ""): " ".join("".join(decl.itertext()).split())
            for decl in presentation.iterchildren(_PRES + "footer-decl")
        },
    )
    sizes = FontSizes(content, styles)
    slides = tuple(
        _slide(page, pages, charts, sizes) for page in presentation.iterchildren(_DRAW + "page")
    )
    title = meta.findtext(f"{_OFFICE}meta/{_DC_TITLE}") if meta is not None else None
    return DeckText(slides=slides, title=" ".join((title or "").split()))
