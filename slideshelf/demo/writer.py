"""Write the demo decks as PPTX files with python-pptx: 16:9, plain and readable."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Length, Pt

from slideshelf.demo.decks import DECKS, DemoDeck, DemoSlide

SLIDE_WIDTH = Inches(13.333)
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.7)
CONTENT_WIDTH = Emu(SLIDE_WIDTH - 2 * MARGIN)
BODY_TOP = Inches(1.9)
BODY_BOTTOM = Inches(7.0)
BODY_HEIGHT = Emu(BODY_BOTTOM - BODY_TOP)
GAP = Inches(0.25)
CELL_MARGIN = Inches(0.12)

NAVY = RGBColor(0x1F, 0x3A, 0x5F)
ACCENT = RGBColor(0xE0, 0x8A, 0x1E)
TEXT = RGBColor(0x22, 0x22, 0x22)
PALE = RGBColor(0xDC, 0xE6, 0xF2)

TITLE_LAYOUT = 0
CONTENT_LAYOUT = 1
BODY_IDX = 1

# A fixed date keeps the files' metadata the same from one run to the next.
DEMO_DATE = datetime(2026, 1, 1, 9, 0, 0)

LANGUAGE_IDS = {"sv": MSO_LANGUAGE_ID.SWEDISH, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


@dataclass(frozen=True)
class _Style:
    """What every run on a slide needs to know: its size, colour and language."""

    size: int
    color: RGBColor
    language: MSO_LANGUAGE_ID
    bold: bool = False
    space_before: int = 0


def write_all(folder: Path) -> list[tuple[DemoDeck, Path]]:
    """Write every demo deck into `folder` and return each deck with its file."""
    folder.mkdir(parents=True, exist_ok=True)
    return [(deck, write_pptx(deck, folder / deck.filename)) for deck in DECKS]


def write_pptx(deck: DemoDeck, path: Path) -> Path:
    prs = Presentation()
    prs.slide_width = SLIDE_WIDTH
    prs.slide_height = SLIDE_HEIGHT
    _set_properties(prs, deck)
    language = LANGUAGE_IDS[deck.language]
    for number, demo_slide in enumerate(deck.slides):
        if number == 0:
            slide = _add_title_slide(prs, demo_slide, language)
        else:
            slide = _add_content_slide(prs, demo_slide, language)
        if demo_slide.notes:
            _write_notes(slide, demo_slide.notes, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(path))
    return path


def _write_notes(slide: Slide, notes: str, language: MSO_LANGUAGE_ID) -> None:
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        raise ValueError("the notes master has no body placeholder")
    _write_text(frame, (notes,), _Style(12, TEXT, language))


def _set_properties(prs: PresentationT, deck: DemoDeck) -> None:
    props = prs.core_properties
    props.title = deck.title
    props.language = deck.language
    props.subject = deck.description
    props.keywords = ", ".join(deck.tags)
    props.author = "slideshelf"
    props.last_modified_by = "slideshelf"
    props.revision = 1
    props.created = DEMO_DATE
    props.modified = DEMO_DATE


def _add_title_slide(prs: PresentationT, demo: DemoSlide, language: MSO_LANGUAGE_ID) -> Slide:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_LAYOUT])
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = NAVY
    left, width = Inches(0.9), Inches(11.5)

    title = slide.shapes.title
    _place(title, left, Inches(1.2), width, Inches(2.6))
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    title_size = 44 if len(demo.title) <= 40 else 40
    _write_text(title.text_frame, (demo.title,), _Style(title_size, PALE, language, bold=True))

    _add_accent_bar(slide, left, Inches(4.05))

    subtitle = slide.placeholders[BODY_IDX]
    if not demo.bullets:
        _remove(subtitle)
        return slide
    _place(subtitle, left, Inches(4.35), width, Inches(2.4))
    subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _write_text(subtitle.text_frame, demo.bullets, _Style(24, PALE, language))
    return slide


def _add_content_slide(prs: PresentationT, demo: DemoSlide, language: MSO_LANGUAGE_ID) -> Slide:
    slide = prs.slides.add_slide(prs.slide_layouts[CONTENT_LAYOUT])
    title = slide.shapes.title
    _place(title, MARGIN, Inches(0.4), CONTENT_WIDTH, Inches(1.15))
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    style = _Style(_title_font_size(demo.title), NAVY, language, bold=True)
    _write_text(title.text_frame, (demo.title,), style)
    _add_accent_bar(slide, MARGIN, Inches(1.65))

    body = slide.placeholders[BODY_IDX]
    table_top: Length = BODY_TOP
    if demo.bullets:
        if demo.table:
            size = _body_font_size(demo.bullets, Inches(2.0), (24, 22, 20))
        else:
            size = _body_font_size(demo.bullets, BODY_HEIGHT, (28, 26, 24, 22, 20))
        height = Emu(_bullets_height(demo.bullets, size))
        _place(body, MARGIN, BODY_TOP, CONTENT_WIDTH, height)
        body.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        style = _Style(size, TEXT, language, space_before=_bullet_spacing(size))
        _write_text(body.text_frame, demo.bullets, style)
        table_top = Emu(BODY_TOP + height + GAP)
    else:
        _remove(body)
    if demo.table:
        _add_table(slide, demo.table, table_top, language)
    return slide


def _write_text(frame: TextFrame, paragraphs: tuple[str, ...], style: _Style) -> None:
    frame.word_wrap = True
    # The sizes are chosen to fit; the template's shrink-on-overflow would only make
    # LibreOffice render them smaller than chosen.
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for number, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        if number > 0 and style.space_before:
            paragraph.space_before = Pt(style.space_before)
        run = paragraph.add_run()
        run.text = text
        font = run.font
        font.size = Pt(style.size)
        font.bold = style.bold
        font.color.rgb = style.color
        font.language_id = style.language


def _add_table(
    slide: Slide,
    rows: tuple[tuple[str, ...], ...],
    top: Length,
    language: MSO_LANGUAGE_ID,
) -> None:
    size, widths = _table_layout(rows, Emu(BODY_BOTTOM - top))
    heights = [_row_height(row, widths, size) for row in rows]
    frame = slide.shapes.add_table(
        len(rows), len(widths), MARGIN, top, CONTENT_WIDTH, Emu(sum(heights))
    )
    frame.name = "Table"
    table = frame.table
    table.first_row = True
    table.horz_banding = True
    for index, width in enumerate(widths):
        table.columns[index].width = width
    for row_number, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
        row.height = heights[row_number]
        color = PALE if row_number == 0 else TEXT
        style = _Style(size, color, language, bold=row_number == 0)
        for cell, text in zip(row.cells, cells, strict=True):
            cell.margin_left = cell.margin_right = CELL_MARGIN
            cell.margin_top = cell.margin_bottom = Inches(0.06)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            _write_text(cell.text_frame, (text,), style)


def _add_accent_bar(slide: Slide, left: Length, top: Length) -> None:
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, Inches(1.4), Inches(0.08))
    bar.name = "Accent bar"
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    bar.shadow.inherit = False
    _mark_decorative(bar)


def _mark_decorative(shape: BaseShape) -> None:
    """Flag a shape as decorative (Office 2019+) so screen readers skip it."""
    c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
    ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri=DECORATIVE_EXT)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", val="1", nsmap={"adec": DECORATIVE_NS})


def _place(shape: BaseShape, left: Length, top: Length, width: Length, height: Length) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _remove(shape: BaseShape) -> None:
    element = shape._element
    element.getparent().remove(element)


# Text measurement is an estimate: an average glyph is about 0.4 em wide
# in the theme's sans-serif font (Calibri, or its metric twin Carlito), and a line
# takes 1.2 em plus the paragraph spacing.
def _lines(text: str, width: Length, size: int) -> int:
    chars_per_line = max(1, int(Emu(width).pt / (size * 0.42)))
    return max(1, math.ceil(len(text) / chars_per_line))


def _bullets_height(bullets: tuple[str, ...], size: int) -> Length:
    text_width = Emu(CONTENT_WIDTH - Inches(0.6))
    lines = sum(_lines(bullet, text_width, size) for bullet in bullets)
    points = lines * size * 1.2 + len(bullets) * _bullet_spacing(size) + 14
    return Pt(points)


def _bullet_spacing(size: int) -> int:
    return round(size * 0.5)


def _body_font_size(bullets: tuple[str, ...], available: Length, sizes: tuple[int, ...]) -> int:
    for size in sizes:
        if _bullets_height(bullets, size) <= available:
            return size
    return sizes[-1]


def _title_font_size(title: str) -> int:
    """The largest size that keeps the title on one line, down to a size that takes two."""
    for size in (36, 32):
        if _lines(title, Emu(CONTENT_WIDTH - Inches(0.3)), size) == 1:
            return size
    return 30


def _table_layout(rows: tuple[tuple[str, ...], ...], available: Length) -> tuple[int, list[Length]]:
    """The largest font size (and its column widths) at which the table fits."""
    for size in (24, 22, 20, 18):
        widths = _column_widths(rows, size)
        if widths and sum(_row_height(row, widths, size) for row in rows) <= available:
            return size, widths
    return 16, _column_widths(rows, 16) or _even_widths(len(rows[0]))


def _column_widths(rows: tuple[tuple[str, ...], ...], size: int) -> list[Length] | None:
    """Columns share the width by their longest cell, but none gets narrower than its
    longest word: a word broken in the middle is far harder to read than a wrapped line."""
    columns = list(zip(*rows, strict=True))
    word_width = Pt(size * 0.55)
    minimums = [
        Emu(
            max(len(word) for text in column for word in text.split()) * word_width
            + 2 * CELL_MARGIN
        )
        for column in columns
    ]
    spare = CONTENT_WIDTH - sum(minimums)
    if spare < 0:
        return None
    weights = [max(len(text) for text in column) for column in columns]
    widths: list[Length] = [
        Emu(minimum + spare * weight // sum(weights))
        for minimum, weight in zip(minimums, weights, strict=True)
    ]
    widths[-1] = Emu(CONTENT_WIDTH - sum(widths[:-1]))
    return widths


def _even_widths(count: int) -> list[Length]:
    return [Emu(CONTENT_WIDTH // count)] * count


def _row_height(row: tuple[str, ...], widths: list[Length], size: int) -> Length:
    lines = max(
        _lines(text, Emu(width - 2 * CELL_MARGIN), size)
        for text, width in zip(row, widths, strict=True)
    )
    return Emu(Pt(lines * size * 1.2).emu + Inches(0.18))
