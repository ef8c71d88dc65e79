"""A PDF's text as lines, each with its size and place, and what only the whole document
tells about them: which are footers, and whether a word hyphenated at a line's end is one.

The lines of a page are read in `pdf_lines`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from slideshelf.lib.text import expand_ligatures, squash

# pdfium joins a word hyphenated at a line's end and marks the hyphen with U+0002: whether it
# was a hard hyphen (Sub-Committee) or a soft one (detec-tion) only the rest of the text tells.
LINE_END_HYPHEN = "\x02"
_HYPHENATED = re.compile(rf"(\w*){LINE_END_HYPHEN}(\w*)")
# A footer: the same words (numbers aside) on at least half the pages, three at least, at the
# foot of the page or small beside the page's largest text.
FOOTER_PAGES, FOOTER_LEAST_PAGES = 0.5, 3
FOOTER_BAND, FOOTER_SIZE = 0.15, 0.6  # the page's lowest part; of the largest text's size
# "1.First item": a list's number too close to its text for pdfium to see a space.
_LIST_LABEL = re.compile(r"^(\d{1,3}[.)])(?=[^\W\d_])")
# A bracket with a space before it and a word after it opens; one after a word closes.
_OPENING = re.compile(r"(?:^|(?<=\s))[)\]}](?=\w)")
_CLOSING = re.compile(r"(?<=\w)[(\[{](?=$|[\s.,;:!?])")
_FACING = str.maketrans("()[]{}", ")(][}{")


@dataclass(frozen=True)
class TextLine:
    text: str
    size: float = 0.0  # the font size in points, as drawn; 0 when unknown
    top: float = 0.0  # from the page's top edge, in points: the line's tallest letters
    bottom: float = 0.0  # its baseline
    left: float = 0.0
    right: float = 0.0
    footer: bool = False  # repeated at the foot of most pages: the author's name, the page number

    def followed_by(self, other: TextLine) -> TextLine:
        """This line and `other` as one."""
        return TextLine(
            self.text + other.text,
            self.size,
            min(self.top, other.top),
            max(self.bottom, other.bottom),
            min(self.left, other.left),
            max(self.right, other.right),
        )


@dataclass(frozen=True)
class PageText:
    lines: tuple[TextLine, ...] = ()
    height: float = 0.0  # of the page, in points

    @classmethod
    def plain(cls, text: str) -> PageText:
        """Text known only as lines (OCR's, a test's): no sizes, no places."""
        lines = (tidy(line) for line in text.split("\n"))
        return cls(tuple(TextLine(line) for line in lines if line))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def tidy(line: str) -> str:
    """One line's text with its white space squashed, ligatures written out, a list's number
    apart from its text and brackets facing the way they pair."""
    line = squash(expand_ligatures(line))
    return _brackets_paired(_LIST_LABEL.sub(_spaced, line))


def _spaced(label: re.Match[str]) -> str:
    """A list's number and a space, before a capital: "5.x" is a version, not a list."""
    return label[1] + " " * label.string[label.end()].isupper()


def _brackets_paired(text: str) -> str:
    """`text` with brackets that face the wrong way turned round, when that pairs them.

    Right-to-left text draws brackets mirrored, and programs name such a glyph by the
    character it stands for or by its shape; LibreOffice even names one glyph both ways in a
    document. Where a bracket stands, after a space or after a word, tells which it is.
    """
    if _pair(text):
        return text
    turned = _CLOSING.sub(_turned, _OPENING.sub(_turned, text))
    return turned if _pair(turned) else text


def _turned(bracket: re.Match[str]) -> str:
    return bracket[0].translate(_FACING)


def _pair(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char in "([{") - (char in ")]}")
        if depth < 0:
            return False
    return depth == 0


def across_pages(pages: list[PageText]) -> list[PageText]:
    """The pages with what only the whole document tells: which lines are its footers, and
    whether each word hyphenated at a line's end is one word or two joined by a hyphen."""
    return _with_hyphens_settled(_with_footers_marked(pages))


def _with_footers_marked(pages: list[PageText]) -> list[PageText]:
    seen = Counter(key for page in pages for key in {_footer_key(line) for line in _low(page)})
    least = max(FOOTER_LEAST_PAGES, FOOTER_PAGES * len(pages))
    footers = {key for key, count in seen.items() if key and count >= least}
    if not footers:
        return pages
    return [
        replace(
            page,
            lines=tuple(
                replace(line, footer=True) if line in low and _footer_key(line) in footers else line
                for line in page.lines
            ),
        )
        for page, low in ((page, _low(page)) for page in pages)
    ]


def _low(page: PageText) -> list[TextLine]:
    """The lines placed as a footer is: at the page's foot, or small beside its largest text."""
    largest = max((line.size for line in page.lines), default=0.0)
    foot = (1 - FOOTER_BAND) * page.height
    return [
        line
        for line in page.lines
        if page.height and (line.top >= foot or line.size < FOOTER_SIZE * largest)
    ]


def _footer_key(line: TextLine) -> str:
    """The line without its numbers (a page's, a date's): "" for a number alone."""
    return squash(re.sub(r"\d+", " ", line.text)).casefold()


def _with_hyphens_settled(pages: list[PageText]) -> list[PageText]:
    """A hyphen at a line's end stays, unless the document writes the word whole elsewhere:
    in slides most such hyphens are hard (Sub-Committee, en-us, sel-sel); a soft one
    (detec-tion) shows in the same word unbroken."""
    text = "\n".join(page.text for page in pages)
    if LINE_END_HYPHEN not in text:
        return pages
    words = set(re.findall(r"\w+", text.casefold()))

    def settle(hyphenated: re.Match[str]) -> str:
        head, tail = hyphenated.groups()
        soft = bool(head) and (tail[:1].islower() or (head + tail).isupper())
        return head + tail if soft and (head + tail).casefold() in words else f"{head}-{tail}"

    return [
        replace(
            page,
            lines=tuple(
                replace(line, text=_HYPHENATED.sub(settle, line.text)) for line in page.lines
            ),
        )
        for page in pages
    ]
