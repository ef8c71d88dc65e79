"""Office 2016 charts (waterfall, treemap, sunburst…: "chartex") as slide tables, in a PPTX
built here the way PowerPoint writes one: the chart's frame a Choice that requires the cx
namespace, a Fallback beside it for programs that cannot draw it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree
from pptx import Presentation
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from slideshelf.conversion.extractors import ooxml
from slideshelf.conversion.extractors.ooxml_chartex import chartex_table, chartex_title
from slideshelf.conversion.models import Status
from slideshelf.conversion.office.client import office_available
from tests.factories import convert_now, upload

needs_office = pytest.mark.skipif(
    not office_available(settings.SOFFICE, settings.OFFICE_PYTHON),
    reason="LibreOffice is installed by 'make test' as root",
)
CX = "http://schemas.microsoft.com/office/drawing/2014/chartex"
CHARTEX = "http://schemas.microsoft.com/office/2014/relationships/chartEx"
NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    f'xmlns:cx="{CX}"'
)
NOT_AVAILABLE = "This chart isn't available in your version of PowerPoint."

# As PowerPoint writes a waterfall: the points' text in the cx:pt itself, the values in the
# number format of their cells, a title typed in.
WATERFALL = """
<cx:chartData><cx:data id="0">
 <cx:strDim type="cat"><cx:f>Sheet1!$A$2:$A$5</cx:f><cx:lvl ptCount="4">
  <cx:pt idx="0">Start</cx:pt><cx:pt idx="1">Sales</cx:pt><cx:pt idx="2">Costs</cx:pt>
  <cx:pt idx="3">End</cx:pt></cx:lvl></cx:strDim>
 <cx:numDim type="val"><cx:f>Sheet1!$B$2:$B$5</cx:f><cx:lvl ptCount="4" formatCode="#,##0">
  <cx:pt idx="0">1200</cx:pt><cx:pt idx="1">340</cx:pt><cx:pt idx="2">-215</cx:pt>
  <cx:pt idx="3">1325</cx:pt></cx:lvl></cx:numDim>
</cx:data></cx:chartData>
<cx:chart>
 <cx:title pos="t" align="ctr" overlay="0"><cx:tx><cx:rich><a:bodyPr/><a:lstStyle/>
  <a:p><a:r><a:t>Cash flow </a:t></a:r><a:r><a:t>2024</a:t></a:r></a:p></cx:rich></cx:tx>
 </cx:title>
 <cx:plotArea><cx:plotAreaRegion><cx:plotSurface/>
  <cx:series layoutId="waterfall" uniqueId="{1}">
   <cx:tx><cx:txData><cx:f>Sheet1!$B$1</cx:f><cx:v>Cash</cx:v></cx:txData></cx:tx>
   <cx:dataId val="0"/>
   <cx:layoutPr><cx:subtotals><cx:idx val="0"/><cx:idx val="3"/></cx:subtotals></cx:layoutPr>
  </cx:series>
 </cx:plotAreaRegion><cx:axis id="0"><cx:catScaling/></cx:axis></cx:plotArea>
</cx:chart>"""

# A sunburst over two columns of categories: the first level is the innermost, every level
# has a label for every point, and "Gulls" is a branch without leaves. The title is linked
# to a cell and keeps its value.
SUNBURST = """
<cx:chartData><cx:data id="0">
 <cx:strDim type="cat"><cx:f>Sheet1!$A$2:$B$5</cx:f>
  <cx:lvl ptCount="4"><cx:pt idx="0">Mallard</cx:pt><cx:pt idx="1">Teal</cx:pt>
   <cx:pt idx="2">Eider</cx:pt><cx:pt idx="3"/></cx:lvl>
  <cx:lvl ptCount="4"><cx:pt idx="0">Freshwater</cx:pt><cx:pt idx="1">Freshwater</cx:pt>
   <cx:pt idx="2">Sea</cx:pt><cx:pt idx="3">Gulls</cx:pt></cx:lvl></cx:strDim>
 <cx:numDim type="size"><cx:f>Sheet1!$C$2:$C$5</cx:f>
  <cx:lvl ptCount="4" formatCode="General"><cx:pt idx="0">12</cx:pt><cx:pt idx="1">7.5</cx:pt>
   <cx:pt idx="2">5</cx:pt><cx:pt idx="3">3</cx:pt></cx:lvl></cx:numDim>
</cx:data></cx:chartData>
<cx:chart>
 <cx:title><cx:tx><cx:txData><cx:f>Sheet1!$E$1</cx:f><cx:v>Ducks  counted</cx:v></cx:txData>
 </cx:tx></cx:title>
 <cx:plotArea><cx:plotAreaRegion>
  <cx:series layoutId="sunburst"><cx:tx><cx:txData><cx:v>Birds</cx:v></cx:txData></cx:tx>
   <cx:dataId val="0"/></cx:series>
 </cx:plotAreaRegion></cx:plotArea>
</cx:chart>"""

WATERFALL_TABLE = " | Cash\nStart | 1,200\nSales | 340\nCosts | -215\nEnd | 1,325"
SUNBURST_TABLE = (
    " | Birds\nFreshwater Mallard | 12\nFreshwater Teal | 7.5\nSea Eider | 5\nGulls | 3"
)


def chart_space(body: str) -> str:
    return f"<cx:chartSpace {NAMESPACES}>{body}</cx:chartSpace>"


def switched_frame(rel_id: str) -> str:
    """The chart's frame as PowerPoint writes it, with the text it falls back to."""
    return f"""<mc:AlternateContent {NAMESPACES}>
 <mc:Choice xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"
  Requires="cx1">
  <p:graphicFrame>
   <p:nvGraphicFramePr><p:cNvPr id="20" name="Chart 3"/><p:cNvGraphicFramePr/><p:nvPr/>
   </p:nvGraphicFramePr>
   <p:xfrm><a:off x="914400" y="1371600"/><a:ext cx="7315200" cy="4572000"/></p:xfrm>
   <a:graphic><a:graphicData uri="{CX}"><cx:chart r:id="{rel_id}"/></a:graphicData></a:graphic>
  </p:graphicFrame>
 </mc:Choice>
 <mc:Fallback>
  <p:sp>
   <p:nvSpPr><p:cNvPr id="20" name="Chart 3"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>
   <p:spPr><a:xfrm><a:off x="914400" y="1371600"/><a:ext cx="7315200" cy="4572000"/></a:xfrm>
   </p:spPr>
   <p:txBody><a:bodyPr/><a:p><a:r><a:t>{NOT_AVAILABLE}</a:t></a:r></a:p></p:txBody>
  </p:sp>
 </mc:Fallback>
</mc:AlternateContent>"""


def add_chartex(prs, title: str, number: int, body: str) -> None:
    """A title-only slide holding the chart, its part related to the slide."""
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    part = Part(
        PackURI(f"/ppt/charts/chartEx{number}.xml"),
        "application/vnd.ms-office.chartex+xml",
        prs.part.package,
        chart_space(body).encode(),
    )
    rel_id = slide.part.relate_to(part, CHARTEX)
    slide.shapes._spTree.append(etree.fromstring(switched_frame(rel_id)))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    prs = Presentation()
    add_chartex(prs, "Waterfall", 1, WATERFALL)
    add_chartex(prs, "Sunburst", 2, SUNBURST)
    path = tmp_path_factory.mktemp("chartex") / "chartex.pptx"
    prs.save(path)
    return path


def test_a_waterfall_is_a_row_per_category_in_its_number_format_under_its_title(built):
    slide = ooxml.extract_deck(str(built)).slides[0]
    assert (slide.title, slide.body, slide.tables) == (
        "Waterfall",
        "Cash flow 2024",
        (WATERFALL_TABLE,),
    )


def test_a_sunburst_labels_each_point_with_its_path_outermost_first(built):
    slide = ooxml.extract_deck(str(built)).slides[1]
    assert (slide.body, slide.tables) == ("Ducks counted", (SUNBURST_TABLE,))


def test_the_fallback_beside_the_chart_is_not_read(built):
    for slide in ooxml.extract_deck(str(built)).slides:
        assert NOT_AVAILABLE not in slide.body
        assert slide.alt_texts == ()
        assert len(slide.tables) == 1


def test_box_and_whisker_series_share_the_categories_and_a_pareto_line_has_no_data():
    data = "".join(
        f'<cx:data id="{n}"><cx:strDim type="cat"><cx:lvl ptCount="2"><cx:pt idx="0">East</cx:pt>'
        f'<cx:pt idx="1">West</cx:pt></cx:lvl></cx:strDim><cx:numDim type="val">'
        f'<cx:lvl ptCount="2"><cx:pt idx="0">{n + 1}</cx:pt><cx:pt idx="1">{n + 3}</cx:pt>'
        "</cx:lvl></cx:numDim></cx:data>"
        for n in (0, 1)
    )
    series = "".join(
        f'<cx:series layoutId="boxWhisker"><cx:tx><cx:txData><cx:v>{name}</cx:v></cx:txData>'
        f'</cx:tx><cx:dataId val="{n}"/></cx:series>'
        for n, name in enumerate(("2023", "2024"))
    )
    space = etree.fromstring(
        chart_space(
            f"<cx:chartData>{data}</cx:chartData><cx:chart><cx:plotArea><cx:plotAreaRegion>"
            f'{series}<cx:series layoutId="paretoLine" ownerIdx="0"/>'
            "</cx:plotAreaRegion></cx:plotArea></cx:chart>"
        )
    )
    assert chartex_table(space) == " | 2023 | 2024\nEast | 1 | 2\nWest | 3 | 4"
    assert chartex_title(space) == ""


@pytest.mark.office
@needs_office
@pytest.mark.django_db(transaction=True)
def test_a_deck_with_office_2016_charts_converts_with_their_data(media, built):
    deck = convert_now(upload(built))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    slides = list(deck.slides.all())
    assert [slide.table_text for slide in slides] == [WATERFALL_TABLE, SUNBURST_TABLE]
    assert [slide.text for slide in slides] == ["Cash flow 2024", "Ducks counted"]
    assert all(slide.image for slide in slides)
