from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.render import Density, RenderSettings, page_scale
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.processes import alive, descendants, pdf_pool, wait_until

pytestmark = SQLITE_PASS_ONLY

PDF_OF_MANY = CORPUS / "pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf"

SETTINGS = RenderSettings(width=1600, thumb_width=320, max_pixels=4_000_000)


@pytest.fixture(scope="module")
def pool():
    pool = pdf_pool(processes=2)
    yield pool
    pool.shutdown()


def copied(pdf: Path, folder: Path) -> str:
    shutil.copyfile(pdf, folder / "deck.pdf")
    return str(folder / "deck.pdf")


def test_every_page_becomes_a_large_image_and_a_thumbnail(workspace, pool):
    pdf = copied(CORPUS / "pdf/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.pdf", workspace)
    count = len(pdfium.PdfDocument(pdf))
    seen = []
    images = pool.render(pdf, count, str(workspace / "out"), SETTINGS, seen.append)
    assert [image.number for image in images] == list(range(1, count + 1))
    assert seen[-1] == count
    first = images[0]
    assert first.width == 1600 and first.thumb_width == 320
    with Image.open(first.image) as large, Image.open(first.thumbnail) as thumb:
        assert large.format == "WEBP" and large.size == (first.width, first.height)
        assert thumb.size == (first.thumb_width, first.thumb_height)


def test_rotated_page_is_drawn_upright(workspace, pool):
    pdf = copied(CORPUS / "pdf/unst_rotated-page-90.pdf", workspace)
    (image,) = pool.render(pdf, 1, str(workspace / "out"), SETTINGS)
    page = pdfium.PdfDocument(pdf)[0]
    width, height = page.get_size()
    assert (image.width > image.height) == (width > height)


def test_huge_page_is_capped_at_the_pixel_limit(workspace, pool):
    document = pdfium.PdfDocument.new()
    document.new_page(14400, 14400)  # 200 × 200 inches, the largest page PDF allows
    path = workspace / "huge.pdf"
    document.save(str(path))
    (image,) = pool.render(str(path), 1, str(workspace / "out"), SETTINGS)
    assert image.width * image.height <= SETTINGS.max_pixels


def blank_pdf(path, *pages: tuple[float, float]) -> str:
    """A PDF of empty pages of the given sizes, in points."""
    document = pdfium.PdfDocument.new()
    for width, height in pages:
        document.new_page(width, height)
    document.save(str(path))
    return str(path)


def sizes(path: str) -> tuple[int, int]:
    with Image.open(path) as image:
        assert image.format == "WEBP"
        return image.size


@pytest.mark.parametrize(
    ("page", "at_1x", "at_2x"),
    [
        ((960, 540), [(1600, 900), (320, 180)], [(2400, 1350), (640, 360)]),
        ((720, 540), [(1600, 1200), (320, 240)], [(2400, 1800), (640, 480)]),
    ],
    ids=["16:9", "4:3"],
)
def test_each_density_draws_the_viewer_picture_and_thumbnail_in_the_page_shape(
    workspace, pool, page, at_1x, at_2x
):
    pdf = blank_pdf(workspace / "deck.pdf", page)
    renderer = pool
    settings = RenderSettings()  # the site's own: 1600 and 320, 2400 and 640, 16 Mpx cap
    (one,) = renderer.render(pdf, 1, str(workspace / "out"), settings)
    (two,) = renderer.render(pdf, 1, str(workspace / "out"), settings, density=settings.at_2x)
    assert [sizes(one.image), sizes(one.thumbnail)] == at_1x
    assert [sizes(two.image), sizes(two.thumbnail)] == at_2x
    assert [(two.width, two.height), (two.thumb_width, two.thumb_height)] == at_2x
    names = [Path(p).name for p in (one.image, one.thumbnail, two.image, two.thumbnail)]
    assert names == ["1.webp", "1-thumb.webp", "1@2x.webp", "1-thumb@2x.webp"]


def test_every_2x_picture_keeps_under_the_pixel_cap_and_the_page_shape(workspace, pool):
    # A square page as large as PDF allows, and a 2:3 one whose 2× picture alone passes the
    # cap (2400 × 3600 pixels against 4,000,000) while its 1× one (1600 × 2400) does not.
    pdf = blank_pdf(workspace / "huge.pdf", (14400, 14400), (600, 900))
    renderer = pool
    one = renderer.render(pdf, 2, str(workspace / "out"), SETTINGS)
    two = renderer.render(pdf, 2, str(workspace / "out"), SETTINGS, density=SETTINGS.at_2x)
    for image in [*one, *two]:
        for path in (image.image, image.thumbnail):
            width, height = sizes(path)
            assert width * height <= SETTINGS.max_pixels
    assert sizes(one[0].image) == (1600, 1600) and sizes(two[0].image) == (2000, 2000)
    assert sizes(one[1].image) == (1600, 2400)
    width, height = sizes(two[1].image)
    assert 1600 < width < 2400 and abs(height / width - 1.5) < 0.01
    assert sizes(two[1].thumbnail) == (640, 960)  # far under the cap: its full width


def test_2x_pictures_are_off_when_either_width_is_zero():
    assert RenderSettings(width_2x=0).at_2x is None
    assert RenderSettings(thumb_width_2x=0).at_2x is None
    assert RenderSettings().at_2x == Density("@2x", 2400, 640)


def test_scale_keeps_ordinary_slides_at_the_target_width():
    assert round(960 * page_scale(960, 540, 1600, 16_000_000)) == 1600


RENDER_THEN_WAIT = """
import sys, time
from slideshelf.conversion.containment import Limits
from slideshelf.conversion.pdf_pool import PdfPool
from slideshelf.conversion.render import RenderSettings
pool = PdfPool(2, Limits(2**31, 300, 64100))
pool.render(sys.argv[1], 8, sys.argv[2], RenderSettings(320, 160, 10**7, 50, 0))
print("rendered", flush=True)
time.sleep(300)
"""


def test_pdf_processes_die_with_a_killed_parent(workspace):
    pdf = copied(PDF_OF_MANY, workspace)
    parent = subprocess.Popen(
        [sys.executable, "-c", RENDER_THEN_WAIT, pdf, str(workspace / "out")],
        stdout=subprocess.PIPE,
    )
    try:
        assert parent.stdout.readline() == b"rendered\n"
        pool = [pid for pid, command in descendants(parent.pid).items() if "pdf_child" in command]
        assert pool, "the PDF processes run"
    finally:
        parent.kill()
        parent.wait()
    wait_until(lambda: not [pid for pid in pool if alive(pid)], timeout=10, every=0.1)


def test_a_page_that_needs_more_memory_than_the_cap_fails_its_job_not_the_worker(workspace):
    pdf = copied(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", workspace)  # a 4:1 page
    huge = RenderSettings(width=16000, thumb_width=320, max_pixels=400_000_000)  # 64 Mpx
    capped = pdf_pool(processes=1, memory_bytes=300 * 2**20)
    try:
        with pytest.raises(PermanentError, match="more memory"):
            capped.render(pdf, 1, str(workspace / "capped"), huge)
        # The same pool draws the next, ordinary job.
        (image,) = capped.render(pdf, 1, str(workspace / "next"), SETTINGS)
        assert image.width == SETTINGS.width
    finally:
        capped.shutdown()
