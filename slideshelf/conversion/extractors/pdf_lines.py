"""One PDF page's characters, as pdfium reads them, put into lines in reading order.

pdfium's lines are kept where they hold and mended where they do not: a line it ran into the
one below is split, pieces of one line it broke apart (Arabic with its vowel signs) are
joined, and a line whose glyphs it put out of order (Arabic, Hebrew, a ligature drawn in a
fallback font) is read again from where its glyphs stand. Lines are told apart by their
baselines, not by glyph boxes: some fonts give pdfium no ascent or descent, and then a box is
the ink's, as tall as the letter.
"""

from __future__ import annotations

import ctypes
import statistics
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from slideshelf.conversion.extractors.pdf_bidi import has_right_to_left, reading_order
from slideshelf.conversion.extractors.pdf_text import LINE_END_HYPHEN, PageText, TextLine, tidy
from slideshelf.lib.text import expand_ligatures

SAME_LINE = 0.5  # of the font size: baselines this close are one line's
SAME_BASELINE = 0.5  # points: pdfium's own text runs on over a line break on one baseline
NEAR = 3.0  # of the font size: how far apart pieces of one line may stand
WORD_GAP = 0.15  # of the font size: a gap this wide between two glyphs is a space
OUT_OF_ORDER = 0.25  # of the font size: a glyph this far left of the one before it
OVERLAP = 0.5  # of the narrower glyph: two glyphs sharing this much are drawn over each other


@dataclass(frozen=True)
class _Char:
    text: str
    left: float  # from the glyph's origin to its advance, where the font tells
    right: float
    baseline: float  # from the page's top edge
    size: float  # the font size as drawn, in points
    upright: bool  # not rotated or skewed: its line runs left to right
    generated: bool  # a space or line break pdfium put in
    hyphen: bool  # a hyphen at a line's end, which pdfium joined to the next line

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def is_glyph(self) -> bool:
        return not self.generated and not self.text.isspace()

    @property
    def is_mark(self) -> bool:
        return unicodedata.combining(self.text[0]) > 0


@dataclass
class _Row:
    """The characters of one line, growing; `split` when pdfium had them on the line before."""

    split: bool = False
    chars: list[_Char] = field(default_factory=list)
    glyphs: list[_Char] = field(default_factory=list)  # the chars but spaces

    def add(self, chars: Iterable[_Char]) -> None:
        for char in chars:
            self.chars.append(char)
            if char.is_glyph:
                self.glyphs.append(char)

    @property
    def first(self) -> _Char:
        """The row's first letter (a vowel sign's baseline is moved with it), else glyph."""
        return next((char for char in self.glyphs if not char.is_mark), self.glyphs[0])

    def holds(self, char: _Char) -> bool:
        """Whether `char` stands on this row's baseline."""
        first = self.first
        return abs(char.baseline - first.baseline) <= SAME_LINE * max(char.size, first.size)

    def near(self, char: _Char) -> bool:
        reach = NEAR * char.size
        left, right = min(g.left for g in self.glyphs), max(g.right for g in self.glyphs)
        return left - reach <= char.centre <= right + reach


def read_page_text(page: pdfium.PdfPage) -> PageText:
    """The page's lines; which of them are footers only the whole document tells."""
    left, bottom, right, top = page.get_bbox()
    textpage = page.get_textpage()
    try:
        chars = list(_chars(textpage, (left, bottom, right, top)))
    finally:
        textpage.close()
    lines = _joined_at_hyphens([_line(row) for row in _rows(chars) if row.glyphs])
    return PageText(tuple(line for line in lines if line.text), height=top - bottom)


def _chars(textpage: pdfium.PdfTextPage, bbox: tuple[float, ...]) -> Iterator[_Char]:
    """The page's characters in pdfium's order; those off the page are not read."""
    handle, (left, bottom, right, top) = textpage.raw, bbox
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    for index, text in _texts(handle):
        pdfium_c.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(box))
        if box.right < left or box.left > right or box.top < bottom or box.bottom > top:
            continue
        pdfium_c.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix))
        pdfium_c.FPDFText_GetCharOrigin(handle, index, ctypes.byref(x), ctypes.byref(y))
        yield _Char(
            text,
            box.left,
            box.right,
            top - y.value,
            size=pdfium_c.FPDFText_GetFontSize(handle, index) * _scale(matrix),
            upright=matrix.a > 0 and matrix.d > 0 and abs(matrix.b) + abs(matrix.c) < 1e-3,
            generated=bool(pdfium_c.FPDFText_IsGenerated(handle, index)),
            hyphen=text == LINE_END_HYPHEN,
        )


def _texts(handle: pdfium_c.FPDF_TEXTPAGE) -> Iterator[tuple[int, str]]:
    """(index, text) of each character worth reading: a character beyond U+FFFF comes as two
    halves (a surrogate pair), the second of which is skipped; control characters (U+0002
    where pdfium found no hyphen, U+0003, U+FFFE) and byte-order marks are not read."""
    count = pdfium_c.FPDFText_CountChars(handle)
    index = 0
    while index < count:
        code = pdfium_c.FPDFText_GetUnicode(handle, index)
        step = 1
        if 0xD800 <= code < 0xDC00 and index + 1 < count:
            low = pdfium_c.FPDFText_GetUnicode(handle, index + 1)
            code, step = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 2
        if pdfium_c.FPDFText_IsHyphen(handle, index):
            yield index, LINE_END_HYPHEN
        elif chr(code) in "\r\n" or _printable(chr(code)):
            yield index, expand_ligatures(chr(code))
        index += step


def _printable(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cs") and char not in "\ufeff\ufffe\uffff"


def _scale(matrix: pdfium_c.FS_MATRIX) -> float:
    return float(abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5)


def _rows(chars: list[_Char]) -> list[_Row]:
    rows = [_Row()]
    waiting: list[_Char] = []  # spaces, until the next glyph shows which line they are on
    broken = False  # pdfium ended a line here
    for char in chars:
        if char.generated and char.text in "\r\n":
            rows[-1].add(waiting)
            waiting, broken = [], True
        elif not char.is_glyph:
            waiting.append(char)
        else:
            row = rows[-1]
            if row.glyphs and _starts_row(row, char, broken):
                rows.append(_Row(split=not broken))
            elif broken and row.glyphs and _apart(row.glyphs[-1], char):
                waiting.append(replace(char, text=" ", generated=True))  # two pieces, one line
            rows[-1].add([*waiting, char])
            waiting, broken = [], False
    rows[-1].add(waiting)
    return _lone_glyphs_rejoined(rows)


def _starts_row(row: _Row, char: _Char, broken: bool) -> bool:
    """Whether `char` begins a line, pdfium having ended one before it (`broken`) or not.
    Rotated text is left to pdfium."""
    last = row.glyphs[-1]
    if last.hyphen:
        return True  # the hyphenated word is joined again once the lines are read
    if broken and abs(char.baseline - row.first.baseline) < SAME_BASELINE:
        return False  # pdfium's own text runs on over a break on the same baseline
    if not (char.upright and last.upright):
        return broken
    if broken:
        # Vowel signs above and below Arabic letters make pdfium break a line into pieces.
        script = has_right_to_left(char.text) or char.is_mark
        return not (script and row.holds(char) and row.near(char))
    return not row.holds(char)


def _apart(a: _Char, b: _Char) -> bool:
    """Whether upright glyphs `a` and `b` stand a space apart, either way round."""
    gap = max(b.left - a.right, a.left - b.right)
    return a.upright and b.upright and gap > WORD_GAP * max(a.size, b.size)


def _lone_glyphs_rejoined(rows: list[_Row]) -> list[_Row]:
    """Rows split off with one glyph each are letters set one below the other (a table's
    vertical header, a chart's labels): as pdfium had them, one line."""
    kept: list[_Row] = []
    for row in rows:
        if kept and row.split and len(row.glyphs) == 1 and not kept[-1].glyphs[-1].hyphen:
            kept[-1].add(row.chars)
        else:
            kept.append(row)
    return kept


def _line(row: _Row) -> TextLine:
    glyphs = row.glyphs
    size = statistics.median(char.size for char in glyphs)
    text = "".join(char.text for char in row.chars)
    if not _in_reading_order(glyphs, size):
        text = _reordered(row, size) or text
    top = min(char.baseline - char.size for char in glyphs)
    bottom = max(char.baseline for char in glyphs)
    left, right = min(char.left for char in glyphs), max(char.right for char in glyphs)
    return TextLine(tidy(text), round(size, 1), top, bottom, left, right)


def _reordered(row: _Row, size: float) -> str | None:
    """The row read from where its glyphs stand; None where that says nothing of the order
    (glyphs drawn over each other) or agrees with pdfium's, whose spaces are then kept: they
    come from the text itself, not from gaps between glyph boxes."""
    units = _units(row, size)
    if units is None:
        return None
    joined = "".join(units)
    text = reading_order(units) if has_right_to_left(joined) else joined
    pdfium_order = "".join(char.text for char in row.glyphs)
    return None if "".join(text.split()) == pdfium_order else text


def _in_reading_order(glyphs: list[_Char], size: float) -> bool:
    """Whether pdfium's order is the order to read: left to right, glyph after glyph."""
    letters = [char for char in glyphs if not char.is_mark]
    if not all(char.upright for char in letters):
        return True
    if has_right_to_left("".join(char.text for char in letters)):
        return False
    return all(b.centre >= a.left - OUT_OF_ORDER * size for a, b in pairwise(letters))


def _units(row: _Row, size: float) -> list[str] | None:
    """The row's glyphs as they stand, left to right, each with its marks, with the text's
    spaces between them and a space in every gap a space wide (a narrow font's is 0.2 of its
    size); None when glyphs are drawn over each other, and where they stand says nothing of
    their order."""
    clusters = sorted(_clusters(row), key=lambda cluster: cluster[0].centre)
    glyphs = [cluster[0] for cluster in clusters if cluster[0].is_glyph]
    units: list[str] = []
    before: _Char | None = None
    for cluster in clusters:
        char = cluster[0]
        if not char.is_glyph:
            # A space the text has, where no glyph covers it. LibreOffice also sets spaces
            # without a width, anywhere: among Arabic letters, inside brackets.
            wide = char.right > char.left
            if wide and not any(g.left < char.centre < g.right for g in glyphs):
                units.append(" ")
            continue
        if before:
            if _shared_width(before, char) > OVERLAP * _narrower(before, char):
                return None
            if char.left - before.right > WORD_GAP * size:
                units.append(" ")
        units.append("".join(member.text for member in cluster))
        before = char
    return units


def _clusters(row: _Row) -> list[list[_Char]]:
    """The row's glyphs grouped as drawn: the letters of one ligature glyph (which share its
    box) together, each mark with the letter it sits on; the text's spaces alone."""
    clusters: list[list[_Char]] = []
    for char in row.chars:
        if char.is_mark or char.generated:  # pdfium's spaces follow its order, not the page's
            continue
        if clusters and _one_glyph(clusters[-1][-1], char):
            clusters[-1].append(char)
        else:
            clusters.append([char])
    letters = [cluster for cluster in clusters if cluster[0].is_glyph]
    for mark in (char for char in row.glyphs if char.is_mark):
        if letters:
            max(letters, key=lambda cluster: _shared_width(cluster[0], mark)).append(mark)
    return clusters


def _one_glyph(a: _Char, b: _Char) -> bool:
    """Whether `a` and `b` are letters of one glyph: pdfium gives them the same box."""
    same_box = (a.left, a.right, a.baseline) == (b.left, b.right, b.baseline)
    return a.is_glyph and b.is_glyph and same_box


def _shared_width(a: _Char, b: _Char) -> float:
    return min(a.right, b.right) - max(a.left, b.left)


def _narrower(a: _Char, b: _Char) -> float:
    return min(a.right - a.left, b.right - b.left)


def _joined_at_hyphens(lines: list[TextLine]) -> list[TextLine]:
    """A line ending in a hyphenated word's first half, with the line that holds the rest, as
    pdfium had them: the word is one again (or two, hyphenated) once the document is read."""
    joined: list[TextLine] = []
    for line in lines:
        if joined and joined[-1].text.endswith(LINE_END_HYPHEN):
            joined[-1] = joined[-1].followed_by(line)
        else:
            joined.append(line)
    return joined
