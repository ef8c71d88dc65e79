"""The pictures on a deck's PDF pages that may hold words: what text recognition reads.

A slide without text of its own is read whole, drawn as the viewer sees it (a scan, a
screenshot, text turned into curves). On a slide with text, only its pictures are read, each
from its own pixels, so the slide's text is never read twice; and only pictures a person
would read: a tenth of the slide or more, not logos and icons, and not a template's
background, which stands in the same place on most slides.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from slideshelf.conversion.extractors.pdf import load_page, open_pdf
from slideshelf.conversion.render import page_scale

PAGE_WIDTH = 2000  # slide-sized type at about 200 dpi, where Tesseract reads it well
MAX_PIXELS = 12_000_000
MIN_SHARE = 0.1  # of the page's area
MIN_SIDE = 80  # pixels: a picture this small holds no line of text a person could read
MOST_PER_PAGE = 6
# A picture's own pixels, enlarged until body-sized type is tall enough for Tesseract.
PICTURE_WIDTH = 1600
MAX_ENLARGEMENT = 3.0


@dataclass(frozen=True)
class Placement:
    """A picture's content and where it stands: the same on every slide of a template's
    background, so it tells the background apart from a slide's own pictures."""

    bounds: tuple[int, int, int, int]
    digest: bytes


def template_pictures(pdf_path: str) -> set[Placement]:
    """Placements of the pictures on more than half of a deck's pages (of three or more): a
    template's background, not worth reading."""
    document = open_pdf(pdf_path)
    try:
        if len(document) < 3:
            return set()
        seen: Counter[Placement] = Counter()
        for number in range(1, len(document) + 1):
            page = load_page(document, number)
            try:
                seen.update({_placement(picture) for picture in _large_pictures(page)})
            finally:
                page.close()
        return {placement for placement, pages in seen.items() if pages > len(document) / 2}
    finally:
        document.close()


def pictures_to_read(
    pdf_path: str, numbers: list[int], whole_pages: set[int], templates: set[Placement]
) -> Iterator[tuple[int, Image.Image]]:
    """Every picture worth reading on pages `numbers` (1-based), with its page's number:
    pages `whole_pages` drawn in full, the others' pictures each on its own."""
    document = open_pdf(pdf_path)
    try:
        for number in numbers:
            page = load_page(document, number)
            try:
                if number in whole_pages:
                    yield number, _drawn(page)
                    continue
                for picture in _large_pictures(page):
                    if not templates or _placement(picture) not in templates:
                        yield number, _pixels(picture)
            finally:
                page.close()
    finally:
        document.close()


def _drawn(page: pdfium.PdfPage) -> Image.Image:
    width, height = page.get_size()
    scale = page_scale(width, height, PAGE_WIDTH, MAX_PIXELS)
    image: Image.Image = page.render(scale=scale).to_pil()
    return image


def _large_pictures(page: pdfium.PdfPage) -> list[pdfium.PdfImage]:
    """The page's pictures that cover a tenth of it or more, the largest first, at most
    MOST_PER_PAGE: a collage of hundreds is read by its largest few, in bounded time."""
    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    shown = []
    for picture in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        assert isinstance(picture, pdfium.PdfImage)
        left, bottom, right, top = picture.get_bounds()
        visible_width = min(right, width) - max(left, 0.0)
        visible_height = min(top, height) - max(bottom, 0.0)
        share = max(visible_width, 0.0) * max(visible_height, 0.0) / page_area
        if share >= MIN_SHARE and min(picture.get_px_size()) >= MIN_SIDE:
            shown.append((share, picture))
    shown.sort(key=lambda item: item[0], reverse=True)
    return [picture for _, picture in shown[:MOST_PER_PAGE]]


def _placement(picture: pdfium.PdfImage) -> Placement:
    left, bottom, right, top = (round(edge) for edge in picture.get_bounds())
    content = hashlib.blake2b(bytes(picture.get_data(decode_simple=False)), digest_size=16)
    return Placement((left, bottom, right, top), content.digest())


def _pixels(picture: pdfium.PdfImage) -> Image.Image:
    """The picture as it shows (masks and rotation applied), enlarged when small."""
    image = _on_white(picture.get_bitmap(render=True).to_pil())
    enlarge = min(MAX_ENLARGEMENT, PICTURE_WIDTH / max(image.width, 1))
    if enlarge > 1.2:
        size = (round(image.width * enlarge), round(image.height * enlarge))
        image = image.resize(size, Image.Resampling.LANCZOS)
    if image.width * image.height > MAX_PIXELS:
        image.thumbnail((PICTURE_WIDTH * 2, PICTURE_WIDTH * 2))
    return image


def _on_white(image: Image.Image) -> Image.Image:
    """Transparent parts as white, as the slide shows them, not black."""
    if "A" not in image.getbands():
        return image
    white = Image.new("RGB", image.size, "white")
    white.paste(image, mask=image.getchannel("A"))
    return white
