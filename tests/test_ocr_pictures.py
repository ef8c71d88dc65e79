"""Words in pictures are read with Tesseract even on slides with text, and kept apart.

The decks are written here with python-pptx, their pictures drawn with Pillow, and converted
by the real LibreOffice and read by the real Tesseract.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation as PptxPresentation
from pptx.util import Inches

from slideshelf.conversion.models import Status
from slideshelf.conversion.ocr import confident_lines, ocr_available
from slideshelf.presentations.models import Slide
from slideshelf.presentations.records import slide_record
from tests.conftest import SQLITE_PASS_ONLY
from tests.factories import convert_now, upload

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
POSTER = ["Stadsbiblioteket", "Sommarläsning för alla", "Öppet måndag till fredag"]
BANNER = "KONFIDENTIELLT UTKAST"

converting = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _tesseract():
    assert ocr_available(), "Tesseract is installed by 'make test' as root"


def picture_of(lines: list[str], path: Path, size: tuple[int, int] = (1200, 800)) -> Path:
    image = Image.new("RGB", size, (250, 240, 200))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, size[1] // 12)
    for row, line in enumerate(lines):
        draw.text((size[0] // 20, size[1] // 10 + row * size[1] // 5), line, font=font, fill="navy")
    image.save(path)
    return path


def photo(path: Path) -> Path:
    """Texture without a word in it: what Tesseract must not turn into text."""
    Image.effect_noise((800, 600), 60).convert("RGB").save(path)
    return path


def deck(path: Path, slides: list[tuple[str, list[tuple[Path, float, float, float]]]]) -> Path:
    """A PPTX whose slides have a title and pictures placed at (left, top, width) inches."""
    pptx = PptxPresentation()
    for title, pictures in slides:
        slide = pptx.slides.add_slide(pptx.slide_layouts[5])  # title only
        slide.shapes.title.text = title
        for picture, left, top, width in pictures:
            slide.shapes.add_picture(str(picture), Inches(left), Inches(top), width=Inches(width))
    pptx.save(path)
    return path


@converting
@SQLITE_PASS_ONLY
def test_a_picture_on_a_slide_with_text_is_read_and_kept_apart(media, tmp_path):
    poster = picture_of(POSTER, tmp_path / "poster.png")
    path = deck(
        tmp_path / "entrén.pptx",
        [
            ("Affischen i entrén", [(poster, 1.5, 1.8, 6)]),
            ("Ett foto utan text", [(photo(tmp_path / "photo.png"), 1.5, 1.8, 6)]),
            # A logo-sized picture: less than a tenth of the slide, not worth the time.
            ("En liten skylt", [(poster, 8.2, 6.6, 1.5)]),
        ],
    )
    converted = convert_now(upload(path, language="sv"))
    assert converted.conversion.status == Status.READY, converted.conversion.failure_english
    with_poster, with_photo, with_logo = converted.slides.all()

    assert with_poster.title == "Affischen i entrén"
    assert with_poster.text_source == "structure"
    assert "Sommarläsning för alla" in with_poster.ocr_text  # in Swedish, å ä ö and all
    assert "Affischen" not in with_poster.ocr_text  # the slide's own text is not read twice
    assert "Sommarläsning" not in with_poster.text
    assert "Sommarläsning" in with_poster.full_text  # what search indexes
    assert with_photo.ocr_text == ""
    assert with_logo.ocr_text == ""

    shown = slide_record(with_poster)
    assert shown["source"] == "structure" and "Stadsbiblioteket" in shown["ocr_text"]
    assert "Stadsbiblioteket" not in shown["text"]


@converting
@SQLITE_PASS_ONLY
def test_the_transcript_marks_text_recognised_in_pictures(media, tmp_path, client):
    poster = picture_of(POSTER, tmp_path / "poster.png")
    path = deck(tmp_path / "poster.pptx", [("Affischen", [(poster, 1.5, 1.8, 6)])])
    converted = convert_now(upload(path, language="sv", title="Affischen"))
    page = client.get(converted.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    recognised = page.split('class="ocr-text"', 1)[1].split("</p>", 1)[0]
    assert "Text recognised in pictures:" in recognised
    assert "Stadsbiblioteket" in recognised


@converting
@SQLITE_PASS_ONLY
def test_a_template_picture_on_most_slides_is_not_read(media, tmp_path):
    banner = picture_of([BANNER], tmp_path / "banner.png", size=(1600, 500))
    poster = picture_of(POSTER, tmp_path / "poster.png")
    on_every_slide = (banner, 0.5, 5.0, 9)
    path = deck(
        tmp_path / "utkast.pptx",
        [
            ("Första", [on_every_slide]),
            ("Andra", [on_every_slide, (poster, 2.5, 1.5, 4.5)]),
            ("Tredje", [on_every_slide]),
        ],
    )
    slides = list(convert_now(upload(path, language="sv")).slides.all())
    assert [slide.title for slide in slides] == ["Första", "Andra", "Tredje"]
    assert all("KONFIDENTIELLT" not in slide.ocr_text for slide in slides)
    assert "Stadsbiblioteket" in slides[1].ocr_text  # the slide's own picture still is


def test_only_confident_words_in_lines_with_a_real_word_are_kept():
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    header = columns.replace(" ", "\t")

    def word(line: int, number: int, confidence: float, text: str) -> str:
        return f"5\t1\t1\t1\t{line}\t{number}\t0\t0\t9\t9\t{confidence}\t{text}"

    tsv = "\n".join(
        [
            header,
            "4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t",
            word(1, 1, 96.5, "Öppet"),
            word(1, 2, 95.1, "måndag"),
            word(1, 3, 31.0, "~ae"),  # a guess in a good line
            word(2, 1, 90.0, "|"),  # a photograph's edge
            word(2, 2, 88.0, "a"),
            word(3, 1, 12.0, "Lorem"),  # nothing sure in this line
            word(4, 1, 91.0, "2026"),
        ]
    )
    assert confident_lines(tsv) == "Öppet måndag\n2026"
    assert confident_lines(header) == ""
    guessing = [header, word(1, 1, 74, "The"), word(1, 2, 35, "renee"), word(1, 3, 0, "Wiy")]
    assert confident_lines("\n".join(guessing)) == "", "a photograph: nothing is sure"


@pytest.mark.django_db
def test_slides_read_by_ocr_before_keep_their_words_apart_after_the_migration():
    from tests.factories import deck_with_slides

    migration = importlib.import_module("slideshelf.presentations.migrations.0006_slide_ocr_text")
    old = deck_with_slides(2)
    Slide.objects.filter(presentation=old, number=1).update(
        title="Recognised heading", text="recognised body", text_source="ocr"
    )
    migration.move_recognised_text(apps, None)
    recognised, own = old.slides.all()
    assert (recognised.title, recognised.text) == ("", "")
    assert recognised.ocr_text == "Recognised heading\nrecognised body"
    assert own.text_source != "ocr" and own.title and own.ocr_text == ""
