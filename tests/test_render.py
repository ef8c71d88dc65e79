from __future__ import annotations

import subprocess
import sys

import pypdfium2 as pdfium
from PIL import Image

from slideshelf.conversion.render import PageRenderer, RenderSettings, page_scale
from tests.conftest import CORPUS
from tests.processes import alive, descendants, wait_until

PDF_OF_MANY = CORPUS / "pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf"

SETTINGS = RenderSettings(width=1600, thumb_width=320, max_pixels=4_000_000)


def test_every_page_becomes_a_large_image_and_a_thumbnail(tmp_path):
    pdf = CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf"
    count = len(pdfium.PdfDocument(str(pdf)))
    seen = []
    images = PageRenderer(processes=2).render(str(pdf), count, str(tmp_path), SETTINGS, seen.append)
    assert [image.number for image in images] == list(range(1, count + 1))
    assert seen[-1] == count
    first = images[0]
    assert first.width == 1600 and first.thumb_width == 320
    with Image.open(first.image) as large, Image.open(first.thumbnail) as thumb:
        assert large.format == "WEBP" and large.size == (first.width, first.height)
        assert thumb.size == (first.thumb_width, first.thumb_height)


def test_rotated_page_is_drawn_upright(tmp_path):
    pdf = CORPUS / "pdf/unst_rotated-page-90.pdf"
    (image,) = PageRenderer(processes=1).render(str(pdf), 1, str(tmp_path), SETTINGS)
    page = pdfium.PdfDocument(str(pdf))[0]
    width, height = page.get_size()
    assert (image.width > image.height) == (width > height)


def test_huge_page_is_capped_at_the_pixel_limit(tmp_path):
    document = pdfium.PdfDocument.new()
    document.new_page(14400, 14400)  # 200 × 200 inches, the largest page PDF allows
    path = tmp_path / "huge.pdf"
    document.save(str(path))
    (image,) = PageRenderer(processes=1).render(str(path), 1, str(tmp_path), SETTINGS)
    assert image.width * image.height <= SETTINGS.max_pixels


def test_scale_keeps_ordinary_slides_at_the_target_width():
    assert round(960 * page_scale(960, 540, 1600, 16_000_000)) == 1600


RENDER_THEN_WAIT = """
import sys, time
from slideshelf.conversion.render import PageRenderer, RenderSettings
renderer = PageRenderer(2)
renderer.render(sys.argv[1], 8, sys.argv[2], RenderSettings(320, 160, 10**7, 50, 0))
print("rendered", flush=True)
time.sleep(300)
"""


def test_render_processes_die_with_a_killed_parent(tmp_path):
    parent = subprocess.Popen(
        [sys.executable, "-c", RENDER_THEN_WAIT, str(PDF_OF_MANY), str(tmp_path)],
        stdout=subprocess.PIPE,
    )
    try:
        assert parent.stdout.readline() == b"rendered\n"
        pool = [pid for pid, command in descendants(parent.pid).items() if "spawn_main" in command]
        assert len(pool) == 2
    finally:
        parent.kill()
        parent.wait()
    wait_until(lambda: not [pid for pid in pool if alive(pid)], timeout=10, every=0.1)
