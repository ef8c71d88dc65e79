"""Charts as slide tables: categories, series names and values, in PPTX and ODP, on charts
built here (and converted by LibreOffice) and on the shared corpus."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from markitdown import MarkItDown
from pptx import Presentation
from pptx.chart.data import BubbleChartData, CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from slideshelf.conversion.extractors import odf, ooxml
from slideshelf.conversion.extractors.number_format import format_number
from slideshelf.conversion.office.client import Output, office_available
from tests.odf_xml import NAMESPACES
from tests.processes import office_client

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
needs_office = pytest.mark.skipif(
    not office_available(settings.SOFFICE, settings.OFFICE_PYTHON),
    reason="LibreOffice is installed by 'make test' as root",
)
BOX = (Inches(1), Inches(1.5), Inches(8), Inches(5))

BAR = " | Freshwater Ducks | Sea Ducks\n2019 | 120 | 40\n2020 | 130 | 55.5\n2021 | 95 | 61"
LINE = " | Sightings\n2024-01-01 | 3\n2024-02-01 | 7\n2024-03-01 | 12"
SCATTER = " | Depth\n0.7 | 2.7\n1.8 | 3.2"
BUBBLE = " | Flocks | \n1 | 2 | 10\n3 | 4 | 5"
LEVELS = " | Sales\nEast Q1 | 1\nEast Q2 | 2\nWest Q1 | 3\nWest Q2 | 4"


def _slide(prs, title: str):
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    return slide


def _category_charts(prs) -> None:
    data = CategoryChartData()
    data.categories = ["2019", "2020", "2021"]
    # 130.00000000001 is what a sum in the workbook leaves behind; the chart shows 130.
    data.add_series("Freshwater Ducks", (120, 130.00000000001, 95))
    data.add_series("Sea Ducks", (40, 55.5, 61))
    _slide(prs, "Bar").shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *BOX, data)
    data = CategoryChartData(number_format="0%")
    data.categories = ["Mallard", "Teal", "Wigeon"]
    data.add_series("Share", (0.5, 0.3, 0.2))
    _slide(prs, "Pie").shapes.add_chart(XL_CHART_TYPE.PIE, *BOX, data)
    data = CategoryChartData()
    data.categories = [datetime.date(2024, month, 1) for month in (1, 2, 3)]
    data.add_series("Sightings", (3, 7, 12))
    _slide(prs, "Line").shapes.add_chart(XL_CHART_TYPE.LINE, *BOX, data)


def _other_charts(prs) -> None:
    data = XyChartData()
    depth = data.add_series("Depth")
    depth.add_data_point(0.7, 2.7)
    depth.add_data_point(1.8, 3.2)
    _slide(prs, "Scatter").shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, *BOX, data)
    data = BubbleChartData()
    flocks = data.add_series("Flocks")
    flocks.add_data_point(1, 2, 10)
    flocks.add_data_point(3, 4, 5)
    _slide(prs, "Bubble").shapes.add_chart(XL_CHART_TYPE.BUBBLE, *BOX, data)
    data = CategoryChartData()
    for region in ("East", "West"):
        group = data.add_category(region)
        group.add_sub_category("Q1")
        group.add_sub_category("Q2")
    data.add_series("Sales", (1, 2, 3, 4))
    # In a group shape, as a slide's grouped figure is.
    group = _slide(prs, "Levels").shapes.add_group_shape()
    group.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *BOX, data)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    prs = Presentation()
    _category_charts(prs)
    _other_charts(prs)
    path = tmp_path_factory.mktemp("charts") / "charts.pptx"
    prs.save(path)
    return path


@pytest.fixture(scope="module")
def converted(built) -> Path:
    """The same deck as LibreOffice saves it as ODP, charts as embedded chart objects."""
    target = built.with_suffix(".odp")
    office = office_client(timeout=60, restart_after=1)
    try:
        office.convert(str(built), [Output(str(target), "impress8")])
    finally:
        office.stop()
    return target


def _tables(path: Path, reader=ooxml) -> dict[str, tuple[str, ...]]:
    return {slide.title: slide.tables for slide in reader.extract_deck(str(path)).slides}


# -- PPTX built here -----------------------------------------------------------------------


def test_a_bar_chart_is_a_row_per_category_and_a_column_per_series(built):
    assert _tables(built)["Bar"] == (BAR,)


def test_a_pie_chart_lists_its_slices_in_the_number_format_it_shows(built):
    assert _tables(built)["Pie"] == (" | Share\nMallard | 50%\nTeal | 30%\nWigeon | 20%",)


def test_a_date_axis_shows_dates_not_serial_numbers(built):
    assert _tables(built)["Line"] == (LINE,)


def test_scatter_rows_are_x_then_y_and_bubbles_add_their_size(built):
    tables = _tables(built)
    assert tables["Scatter"] == (SCATTER,)
    assert tables["Bubble"] == (BUBBLE,)


def test_grouped_categories_join_their_levels_in_a_chart_inside_a_group_shape(built):
    assert _tables(built)["Levels"] == (LEVELS,)


# -- ODP --------------------------------------------------------------------------------------


@pytest.mark.office
@needs_office
def test_charts_converted_to_odp_read_as_the_pptx_ones(converted):
    tables = _tables(converted, odf)
    assert tables["Bar"] == (BAR,)
    assert tables["Line"] == (LINE,)
    assert tables["Scatter"] == (SCATTER,)
    assert tables["Bubble"] == (BUBBLE,)
    assert tables["Levels"] == (LEVELS,)
    # LibreOffice keeps no number format of the pie's data: the shares stay fractions.
    assert tables["Pie"] == (" | Share\nMallard | 0.5\nTeal | 0.3\nWigeon | 0.2",)


CONTENT = f"""<office:document-content {NAMESPACES} xmlns:xlink="http://www.w3.org/1999/xlink">
<office:body><office:presentation><draw:page>
 <draw:frame><draw:object xlink:href="./Object 1"/>
  <draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame>
 <draw:frame><draw:object xlink:href="./Object 2"/></draw:frame>
 <draw:frame><draw:object xlink:href="./Object 3"/></draw:frame>
</draw:page></office:presentation></office:body></office:document-content>"""


def _cell(text: str, value: str = "") -> str:
    kind = f'office:value-type="float" office:value="{value}"' if value else ""
    return f"<table:table-cell {kind}><text:p>{text}</text:p></table:table-cell>"


# Series in rows, written out of order: each series says which cells it plots, and the x axis
# shows its dates in a date style of the chart's own.
CHART = f"""<office:document-content {NAMESPACES}>
<office:automatic-styles>
 <number:date-style style:name="N1"><number:year/><number:text>-</number:text><number:month/>
 </number:date-style>
 <style:style style:name="ax" style:family="chart" style:data-style-name="N1">
  <style:chart-properties chart:link-data-style-to-source="false"/></style:style>
</office:automatic-styles>
<office:body><office:chart><chart:chart chart:class="chart:line">
 <chart:title><text:p>Ducks <text:span>counted</text:span></text:p></chart:title>
 <chart:plot-area>
  <chart:axis chart:dimension="x" chart:style-name="ax">
   <chart:categories table:cell-range-address="local-table.$B$1:.$C$1"/></chart:axis>
  <chart:series chart:values-cell-range-address="local-table.$B$3:.$C$3"
   chart:label-cell-address="local-table.$A$3"/>
  <chart:series chart:values-cell-range-address="local-table.$B$2:.$C$2"
   chart:label-cell-address="local-table.$A$2"/>
 </chart:plot-area>
 <table:table table:name="local-table"><table:table-header-rows><table:table-row>
  {_cell("")}{_cell("45292", "45292")}{_cell("45323", "45323")}
 </table:table-row></table:table-header-rows><table:table-rows>
  <table:table-row>{_cell("Teal")}{_cell("3", "3")}{_cell("4.5", "4.5")}</table:table-row>
  <table:table-row>{_cell("Mallard")}{_cell("7", "7")}{_cell("0.1", "0.30000000000000004")}
  </table:table-row>
 </table:table-rows></table:table>
</chart:chart></office:chart></office:body></office:document-content>"""

TEXT_OBJECT = f"""<office:document-content {NAMESPACES}><office:body><office:text>
<text:p>An embedded text document</text:p></office:text></office:body>
</office:document-content>"""


def test_an_odf_chart_is_read_through_its_ranges_in_the_order_shown(tmp_path):
    path = tmp_path / "chart.odp"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", CONTENT)
        archive.writestr("Object 1/content.xml", CHART)
        archive.writestr("Object 2/content.xml", TEXT_OBJECT)
        archive.writestr("Object 3/content.xml", "<broken")
    (slide,) = odf.extract_deck(str(path)).slides
    assert slide.body == "Ducks counted"
    assert slide.tables == (" | Mallard | Teal\n2024-01 | 7 | 3\n2024-02 | 0.3 | 4.5",)


@needs_corpus
def test_corpus_odp_charts_are_tables():
    slides = odf.extract_deck(str(CORPUS / "odp/odft_presentationWithEmbedDoc.odp")).slides
    assert slides[1].tables == (
        " | Column 1 | Column 2 | Column 3\nRow 1 | 9.1 | 3.2 | 4.54\nRow 2 | 2.4 | 8.8 | 9.65\n"
        "Row 3 | 3.1 | 1.5 | 3.7\nRow 4 | 4.3 | 9.02 | 6.2",
    )


# -- PPTX corpus ---------------------------------------------------------------------------


def _numbers(text: str) -> list[tuple[float, int]]:
    """Each number in the text, with the decimals it is shown with."""
    found = []
    for token in re.findall(r"-?\d[\d,]*(?:\.\d+)?%?", text):
        digits = token.replace(",", "").rstrip("%")
        scale = 100 if token.endswith("%") else 1
        found.append((float(digits) / scale, len(digits.partition(".")[2]) + len(str(scale)) - 1))
    return found


def _shown(cell: str, text: str) -> bool:
    """True when the text holds the cell, as a word or as the number rounded as shown."""
    try:
        value = float(cell)
    except ValueError:
        return cell in text
    return any(abs(round(value, places) - number) < 1e-9 for number, places in _numbers(text))


@needs_corpus
def test_every_chart_word_markitdown_finds_in_mkd_test_is_in_the_slide_text():
    path = str(CORPUS / "pptx/mkd_test.pptx")
    markdown = MarkItDown().convert(path).text_content
    pages = re.split(r"<!-- Slide number: \d+ -->", markdown)[1:]
    slides = ooxml.extract_deck(path).slides
    checked = 0
    for page, slide in zip(pages, slides, strict=True):
        if "### Chart" not in page:
            continue
        text = "\n".join([slide.title, slide.body, *slide.tables])
        rows = [line for line in page.splitlines() if re.match(r"\|(?!-)", line)]
        cells = [cell.strip() for row in rows for cell in row.strip("|").split("|")]
        words = [cell for cell in cells if cell and cell != "Category"]  # MarkItDown's own
        assert [word for word in words if not _shown(word, text)] == []
        checked += len(words)
    assert checked == 9  # a series name, four categories, four values


@needs_corpus
def test_a_chart_in_a_chart_placeholder_is_read():
    path = CORPUS / "pptx/pypptx_ph-populated-placeholders.pptx"
    assert ooxml.extract_deck(str(path)).slides[3].tables == (
        " | Sales\n1st Qtr | 8.2\n2nd Qtr | 3.2\n3rd Qtr | 1.4\n4th Qtr | 1.2",
    )


@needs_corpus
def test_all_31_charts_of_the_chart_type_deck_become_tables():
    slides = ooxml.extract_deck(str(CORPUS / "pptx/pypptx_cht-chart-type.pptx")).slides
    tables = [table for slide in slides for table in slide.tables]
    assert len(tables) == 31
    assert all(table.count("\n") >= 2 for table in tables)
    assert "0.7 | 2.7 | 10" in slides[5].tables[0]  # a bubble: x, y, size
    assert tables[0].splitlines()[1] == "2002-01-05 | 32 | 12"  # an area chart on dates


@needs_corpus
def test_corpus_charts_show_values_in_their_cell_format_and_merge_a_combination_chart():
    slides = ooxml.extract_deck(str(CORPUS / "pptx/poi_aascu_5864.pptx")).slides
    # #,##0 rounds 79.626390103711074 as the chart's labels do.
    assert slides[4].tables[0].startswith("100 years and over | 80\n95 to 99 years | 84")
    # Bars of 2005 and a line of 1995 on one axis, the line caching fewer categories.
    combined = slides[10].tables[0].splitlines()
    assert combined[:3] == [" | 1995 | 2005", "Australia |  | 59", "Iceland |  | 56"]
    assert combined[-1] == "Turkey | 6 | 11"


# -- number formats --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cached", "code", "shown"),
    [
        ("120.00000000001", "General", "120"),
        ("0.30000000000000004", "", "0.3"),
        ("79.626390103711074", "#,##0", "80"),
        ("12345.678", "#,##0.00", "12,345.68"),
        ("0.1234", "0.0%", "12.3%"),
        ("2500000", '#,##0.0,,"M"', "2.5M"),
        ("1234.5", "[$€-407]#,##0.00", "€1,234.50"),
        ("-5", "0.0;(0.0)", "(5.0)"),
        ("0", '0;-0;"none"', "none"),
        ("0.01", '[=0]0;[<0.05]"n.s.";0', "n.s."),
        ("37261", "m/d/yy", "2002-01-05"),
        ("45292", "mmm\\ yyyy", "2024-01"),
        ("45292.75", "yyyy-mm-dd h:mm AM/PM", "2024-01-01 18:00"),
        ("#N/A", "General", "#N/A"),
        ("3", "0.00E+00", "3"),
    ],
)
def test_cached_values_are_shown_as_their_format_code_says(cached, code, shown):
    assert format_number(cached, code) == shown


def test_the_1904_date_system_counts_from_1904():
    assert format_number("0", "yyyy-mm-dd", date1904=True) == "1904-01-01"
