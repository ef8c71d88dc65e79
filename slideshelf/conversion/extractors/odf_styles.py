"""Font sizes in an OpenDocument presentation, to tell a title-less slide's largest text.

A paragraph's size is set on its spans, on the paragraph, or on the shape's styles, each of
which may inherit it from a parent style in content.xml or styles.xml.
"""

from __future__ import annotations

import re

from lxml import etree

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PRES = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"

DEFAULT_SIZE = 18.0  # points: Impress's text size when no style says otherwise
_POINTS_PER = {"pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75}
_LENGTH = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(pt|pc|in|cm|mm|px)\s*")
_MAX_PARENTS = 16  # a parent chain longer than this loops


def points(length: str | None) -> float | None:
    """An ODF length ("44pt", "5.3cm") in points; None for a percentage or nonsense."""
    match = _LENGTH.fullmatch(length or "")
    return float(match[1]) * _POINTS_PER[match[2]] if match else None


class FontSizes:
    """The font size each style sets or inherits, from the styles text can refer to: the
    content's automatic styles and the document's common styles."""

    def __init__(self, content: etree._Element, styles: etree._Element | None) -> None:
        self._styles: dict[tuple[str, str], tuple[float | None, str]] = {}
        containers = [content.find(_OFFICE + "automatic-styles")]
        if styles is not None:
            containers.append(styles.find(_OFFICE + "styles"))
        for container in containers:
            for style in container.iterchildren(_STYLE + "style") if container is not None else ():
                props = style.find(_STYLE + "text-properties")
                size = points(props.get(_FO + "font-size")) if props is not None else None
                key = (style.get(_STYLE + "family", ""), style.get(_STYLE + "name", ""))
                self._styles.setdefault(key, (size, style.get(_STYLE + "parent-style-name", "")))

    def size(self, family: str, name: str | None) -> float | None:
        for _ in range(_MAX_PARENTS):
            size, parent = self._styles.get((family, name or ""), (None, ""))
            if size is not None or not parent:
                return size
            name = parent
        return None

    def of_paragraph(self, shape: etree._Element, paragraph: etree._Element) -> float:
        """The size of a shape's paragraph: its largest span's, else the nearest style's."""
        spans = [
            self.size("text", span.get(_TEXT + "style-name"))
            for span in paragraph.iter(_TEXT + "span")
            if "".join(span.itertext()).strip()
        ]
        if found := [size for size in spans if size]:
            return max(found)
        for family, name in (
            ("paragraph", paragraph.get(_TEXT + "style-name")),
            ("paragraph", shape.get(_DRAW + "text-style-name")),
            ("presentation", shape.get(_PRES + "style-name")),
            ("graphic", shape.get(_DRAW + "style-name")),
        ):
            if size := self.size(family, name):
                return size
        return DEFAULT_SIZE
