"""The OpenDocument namespaces hand-written ODF test files declare."""

from __future__ import annotations

ODF = {
    "office": "office:1.0",
    "style": "style:1.0",
    "text": "text:1.0",
    "table": "table:1.0",
    "draw": "drawing:1.0",
    "chart": "chart:1.0",
    "number": "datastyle:1.0",
    "presentation": "presentation:1.0",
    "svg": "svg-compatible:1.0",
}

# Every namespace a test file may use, declared once on its root element.
NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{uri}"' for prefix, uri in ODF.items()
)
