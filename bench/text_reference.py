"""Independent readings of a deck's text, slide by slide, for the text recall benchmark.

None of them is slideshelf's own reader (lxml over the package's XML, pypdfium2 for PDFs)
nor MarkItDown's PDF reader (pdfminer.six):

- PPTX: python-pptx walks every shape on the slide (into groups), its text frames, table
  cells, charts (title, categories, series names, and the values when the chart shows
  them unformatted), SmartArt (the diagram's data part) and alt texts (not a picture's file
  name: slideshelf's rule, imported, so both readings leave it out), then the speaker
  notes. Slide-number and date placeholders are left out: the program writes them as the
  slide is shown. Footers are kept: their author wrote them.
- PPT, ODP and the other formats: a cold LibreOffice (`soffice --convert-to pptx`, a fresh
  profile) saves them as PPTX, which python-pptx then reads as above.
- PDF: poppler's `pdftotext`, page by page, without the lines at the page's top or foot that
  are only a number: its page number ("12", "1.9"), or on a notes page the slide's.

A reading is the text of each slide, one string a slide.
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from slideshelf.lib.alt_texts import alt_text

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
PRESENTATION = b"presentationml.presentation.main+xml"
# python-pptx opens only a presentation's main part; a slide show (.ppsx) or a template
# (.potx) is the same package under another content type.
OTHER_MAINS = (b"presentationml.slideshow.main+xml", b"presentationml.template.main+xml")
SKIPPED_PLACEHOLDERS = frozenset({PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER})
OFFICE_TIMEOUT = 900  # seconds for the whole batch; the corpus takes about a minute


# --- PPTX: python-pptx --------------------------------------------------------------------


def pptx_slides(path: Path) -> list[str]:
    """Each slide's text and notes, as python-pptx reads them."""
    deck = Presentation(_package(path))
    return [_slide_text(slide) for slide in deck.slides]


def _package(path: Path) -> str | IO[bytes]:
    """The file, or a copy in memory that names its main part a presentation's."""
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml")
        if not any(other in types for other in OTHER_MAINS):
            return str(path)
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w") as renamed:
            for item in archive.infolist():
                data = archive.read(item)
                if item.filename == "[Content_Types].xml":
                    data = _as_presentation(data)
                renamed.writestr(item, data)
    copy.seek(0)
    return copy


def _as_presentation(types: bytes) -> bytes:
    for other in OTHER_MAINS:
        types = types.replace(other, PRESENTATION)
    return types


def _slide_text(slide) -> str:
    parts = [text for shape in slide.shapes for text in _shape_texts(shape)]
    if slide.has_notes_slide and (notes := slide.notes_slide.notes_text_frame) is not None:
        parts.append(notes.text)
    return "\n".join(part for part in parts if part and part.strip())


def _shape_texts(shape) -> Iterator[str]:
    if shape.is_placeholder and shape.placeholder_format.type in SKIPPED_PLACEHOLDERS:
        return
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            yield from _shape_texts(child)
    if shape.has_text_frame:
        yield shape.text_frame.text
    if shape.has_table:
        yield from (cell.text for cell in shape.table.iter_cells())
    if shape.has_chart:
        yield from _chart_texts(shape.chart)
    yield from _smartart_texts(shape)
    yield _alt_text(shape)


def _alt_text(shape) -> str:
    """The picture's description, by slideshelf's own rule: a file name python-pptx or an old
    PowerPoint wrote there is no text of the slide's, in either reading."""
    names = shape._element.find("*/" + _P + "cNvPr")
    return alt_text(names.get("descr") or "") if names is not None else ""


def _smartart_texts(shape) -> Iterator[str]:
    """The text of a SmartArt diagram, from its data part (python-pptx does not read it)."""
    ids = shape._element.find(f"{_A}graphic/{_A}graphicData/{_DGM}relIds")
    if ids is not None:
        data = etree.fromstring(shape.part.related_part(ids.get(_R + "dm")).blob)
        for paragraph in data.iter(_A + "p"):
            yield "".join(run.text or "" for run in paragraph.iter(_A + "t"))


def _chart_texts(chart) -> Iterator[str]:
    """The chart's title, categories and series names, and its values where it shows them
    as they are cached: when no number format in the chart says otherwise (a data label's
    or an axis's format can round 32.70870299 to 33)."""
    if chart.has_title and chart.chart_title.has_text_frame:
        yield chart.chart_title.text_frame.text
    with_values = _formats(chart._chartSpace) <= {"General"}
    shown: Counter[str] = Counter()
    plots = chart.plots
    for index in range(len(plots)):
        try:
            plot = plots[index]
            series = list(plot.series)
            labels = Counter(_category_labels(plot, series[0])) if series else Counter()
        except (NotImplementedError, ValueError):  # a chart type python-pptx does not read
            continue
        # Plots that share the category axis each cache its labels: the chart shows them once.
        yield from (labels - shown).elements()
        shown |= labels
        for one in series:
            yield one.name
            if with_values:
                yield from (_general(value) for value in one.values if value is not None)


def _category_labels(plot, first) -> list[str]:
    """The plot's category labels; numbers only as General shows them (a date axis caches
    serial numbers, 37261 for 2002-01-05, and shows dates)."""
    data = first._element.find(_C + "cat")
    numeric = data is not None and next(data.iter(_C + "numCache", _C + "numLit"), None) is not None
    if numeric and not _formats(data) <= {"General"}:
        return []
    categories = plot.categories
    labels = [str(category) for level in categories.levels or [categories] for category in level]
    return [_general_text(label) for label in labels] if numeric else labels


def _formats(element) -> set[str]:
    """Every number format code under a chart element: caches, data labels, axes."""
    codes = {code.text or "General" for code in element.iter(_C + "formatCode")}
    return codes | {fmt.get("formatCode", "General") for fmt in element.iter(_C + "numFmt")}


def _general_text(text: str) -> str:
    try:
        return _general(float(text))
    except ValueError:
        return text


def _general(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:.10g}"


# --- PPT, ODP and the rest: LibreOffice, then python-pptx ---------------------------------


def office_to_pptx(paths: Iterable[Path], out: Path) -> dict[Path, Path]:
    """Each file saved as PPTX by one cold soffice with a fresh profile; a file it could
    not convert is missing from the answer."""
    links = out / "in"
    links.mkdir(parents=True)
    named = {}
    for number, path in enumerate(paths):
        # Numbered links: two files with one stem would otherwise write one PPTX.
        link = links / f"{number:03d}-{path.name}"
        link.symlink_to(path.resolve())
        named[path] = out / f"{link.stem}.pptx"
    if named:
        _soffice(
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pptx",
            "--outdir",
            str(out),
            *(str(links / f"{number:03d}-{path.name}") for number, path in enumerate(named)),
        )
    return {path: pptx for path, pptx in named.items() if pptx.is_file()}


def _soffice(*arguments: str) -> None:
    """Run soffice; on the timeout its whole process group goes (soffice.bin included)."""
    with subprocess.Popen(
        ["soffice", *arguments],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as office:
        try:
            office.wait(timeout=OFFICE_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()


# --- PDF: pdftotext -----------------------------------------------------------------------


def pdf_pages(path: Path) -> list[str]:
    """Each page's text as poppler's pdftotext reads it."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    # pdftotext ends every page with a form feed, the last one too.
    pages = done.stdout.split("\f")[:-1]
    return [_without_page_numbers(page) for page in pages]


PAGE_NUMBER = re.compile(r"\d+(?:[./-]\d+)*")


def _without_page_numbers(page: str) -> str:
    """The page without the lines before and after its text that are only a number: the
    page- and slide-number fields, which the PPTX reading leaves out too."""
    lines = [line for line in page.split("\n") if line.strip()]
    while lines and PAGE_NUMBER.fullmatch(lines[0].strip()):
        lines.pop(0)
    while lines and PAGE_NUMBER.fullmatch(lines[-1].strip()):
        lines.pop()
    return "\n".join(lines)
