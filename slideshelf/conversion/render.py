"""PDF pages to WebP images: for the viewer and a thumbnail, at 1× and at 2× (for screens
of twice the pixel density), each picture rendered straight from the PDF. Pure functions of
pypdfium2 and Pillow, run in a process pool.

WebP encoding, not PDF rendering, dominates the time; `method` 0 is libwebp's fastest and
costs about 10% in size against the default 4 at a third of the time. Every size is drawn
by pdfium rather than scaled down from the largest with Pillow: pdfium draws a 320 px page
in a tenth of the time Pillow's Lanczos filter takes to shrink a 1600 px one to it, and all
four pictures of a page took 10-35% longer when scaled down from one drawing.
"""

from __future__ import annotations

import math
import os
import resource
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.extractors.pdf import load_page
from slideshelf.lib.i18n import gettext_noop
from slideshelf.lib.orphans import die_with_parent

# Pages per pool task: small enough for steady progress, large enough to amortise the
# cost of opening the PDF in the child process.
CHUNK = 4


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
    image_path = os.path.join(out_dir, f"{number}{density.suffix}.webp")
    thumb_path = os.path.join(out_dir, f"{number}-thumb{density.suffix}.webp")
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


def start_drawing_process(memory_bytes: int) -> None:
    """A pool process: it dies with the worker, and a hostile PDF that makes pdfium ask for
    more memory than `memory_bytes` fails its job (MemoryError), not the machine."""
    die_with_parent()
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


class PageRenderer:
    """Renders a PDF's pages across a pool of processes kept warm between jobs."""

    def __init__(self, processes: int = 0, memory_bytes: int = 0) -> None:
        self.processes = processes or os.cpu_count() or 1
        self.memory_bytes = memory_bytes  # each drawing process's address space; 0: no cap
        self._pool: Executor | None = None

    def render(
        self,
        pdf_path: str,
        page_count: int,
        out_dir: str,
        settings: RenderSettings,
        progress: Callable[[int], None] = lambda done: None,
        *,
        density: Density | None = None,
    ) -> list[PageImage]:
        """Every page at `density` (1× unless told) into `out_dir`, in page order."""
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        chunks = [
            list(range(s, min(s + CHUNK, page_count + 1))) for s in range(1, page_count + 1, CHUNK)
        ]
        density = density or settings.at_1x
        images: list[PageImage] = []
        for rendered in self._map(pdf_path, chunks, out_dir, settings, density):
            images.extend(rendered)
            progress(len(images))
        return sorted(images, key=lambda image: image.number)

    def _map(
        self,
        pdf_path: str,
        chunks: list[list[int]],
        out_dir: str,
        settings: RenderSettings,
        density: Density,
    ) -> Iterator[list[PageImage]]:
        if not self.memory_bytes and (len(chunks) <= 1 or self.processes <= 1):
            # Drawn here, without a cap: only when no cap was asked for.
            for chunk in chunks:
                yield render_range(pdf_path, chunk, out_dir, settings, density)
            return
        pool = self._get_pool()
        futures = [
            pool.submit(render_range, pdf_path, chunk, out_dir, settings, density)
            for chunk in chunks
        ]
        try:
            for future in futures:
                yield future.result()
        except MemoryError:
            raise PermanentError(TOO_LARGE_TO_DRAW) from None
        except BrokenProcessPool:
            self.shutdown()  # a crashed renderer (a hostile PDF) must not break the next job
            raise TransientError(
                gettext_noop("The program that draws the slides crashed on this file.")
            ) from None

    def _get_pool(self) -> Executor:
        if self._pool is None:
            # spawn, not fork: the worker holds database connections and threads.
            self._pool = ProcessPoolExecutor(
                self.processes,
                mp_context=get_context("spawn"),
                initializer=start_drawing_process,
                initargs=(self.memory_bytes,),
            )
        return self._pool

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
