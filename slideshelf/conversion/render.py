"""PDF pages to WebP images: for the viewer and a thumbnail, at 1× and at 2× (for screens
of twice the pixel density), each picture rendered straight from the PDF. Pure functions of
pypdfium2 and Pillow, run in the contained PDF processes (`pdf_pool`).

WebP encoding, not PDF rendering, dominates the time; `method` 0 is libwebp's fastest and
costs about 10% in size against the default 4 at a third of the time. Every size is drawn
by pdfium rather than scaled down from the largest with Pillow: pdfium draws a 320 px page
in a tenth of the time Pillow's Lanczos filter takes to shrink a 1600 px one to it, and all
four pictures of a page took 10-35% longer when scaled down from one drawing.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from slideshelf.conversion.extractors.pdf import load_page
from slideshelf.lib.i18n import gettext_noop


@dataclass(frozen=True)
class Density:
    """The two pictures of every page at one pixel density: the viewer's and the thumbnail.
    Their files are `<n><suffix>.webp` and `<n>-thumb<suffix>.webp`."""

    suffix: str
    width: int
    thumb_width: int


@dataclass(frozen=True)
class RenderSettings:
    width: int = 1600
    thumb_width: int = 320
    max_pixels: int = 16_000_000  # for each picture: a huge page is drawn smaller
    quality: int = 80
    method: int = 0
    # The 2× pictures, drawn after the deck is shown (`images_2x.py`); 0 draws none.
    width_2x: int = 2400
    thumb_width_2x: int = 640

    @property
    def at_1x(self) -> Density:
        return Density("", self.width, self.thumb_width)

    @property
    def at_2x(self) -> Density | None:
        if not (self.width_2x and self.thumb_width_2x):
            return None
        return Density("@2x", self.width_2x, self.thumb_width_2x)


@dataclass(frozen=True)
class PageImage:
    number: int
    image: str  # file path
    thumbnail: str
    width: int
    height: int
    thumb_width: int
    thumb_height: int


def image_paths(out_dir: str, number: int, density: Density) -> tuple[str, str]:
    """Where page `number`'s picture and thumbnail at `density` are written."""
    return (
        os.path.join(out_dir, f"{number}{density.suffix}.webp"),
        os.path.join(out_dir, f"{number}-thumb{density.suffix}.webp"),
    )


def page_scale(width_pt: float, height_pt: float, target_width: int, max_pixels: int) -> float:
    """Scale that makes the page `target_width` pixels wide without passing `max_pixels`."""
    width_pt = max(width_pt, 1.0)
    height_pt = max(height_pt, 1.0)
    scale = target_width / width_pt
    pixels = width_pt * scale * height_pt * scale
    if pixels > max_pixels:
        scale *= (max_pixels / pixels) ** 0.5
    # pdfium rounds each side up to a whole pixel, which can take the page just past the cap.
    while math.ceil(width_pt * scale) * math.ceil(height_pt * scale) > max_pixels:
        scale *= 0.999
    return scale


def render_range(
    pdf_path: str,
    numbers: list[int],
    out_dir: str,
    settings: RenderSettings,
    density: Density | None = None,
) -> list[PageImage]:
    """Render pages `numbers` (1-based) of the PDF into `out_dir`, at 1× unless told."""
    document = pdfium.PdfDocument(pdf_path)
    try:
        return [
            _render_page(document, number, out_dir, settings, density or settings.at_1x)
            for number in numbers
        ]
    finally:
        document.close()


def _render_page(
    document: pdfium.PdfDocument,
    number: int,
    out_dir: str,
    settings: RenderSettings,
    density: Density,
) -> PageImage:
    page = load_page(document, number)
    try:
        width_pt, height_pt = page.get_size()
        large = _render(page, width_pt, height_pt, density.width, settings)
        thumb = _render(page, width_pt, height_pt, density.thumb_width, settings)
    finally:
        page.close()
    image_path, thumb_path = image_paths(out_dir, number, density)
    large.save(image_path, "WEBP", quality=settings.quality, method=settings.method)
    thumb.save(thumb_path, "WEBP", quality=settings.quality, method=settings.method)
    return PageImage(number, image_path, thumb_path, *large.size, *thumb.size)


def _render(
    page: pdfium.PdfPage, width_pt: float, height_pt: float, width: int, settings: RenderSettings
) -> Image.Image:
    scale = page_scale(width_pt, height_pt, width, settings.max_pixels)
    # Slides are opaque: render on white, without an alpha channel to encode.
    image: Image.Image = page.render(scale=scale).to_pil().convert("RGB")
    return image


TOO_LARGE_TO_DRAW = gettext_noop(
    "A page of this file needs more memory to draw than this server allows for one page. "
    "Export it again with smaller pages or pictures, or ask the site's administrator."
)
