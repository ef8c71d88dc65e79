"""The OpenDocument slide-structure reader, on a deck written here and on the shared corpus."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors import extract_structure
from slideshelf.conversion.extractors.odf import extract_deck
from tests.odf_xml import NAMESPACES

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")


# Pretty-printed on purpose: ODF collapses that white space, and so must the reader.
CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES} xmlns:xlink="http://www.w3.org/1999/xlink">
 <office:automatic-styles>
  <style:style style:name="dp1" style:family="drawing-page"/>
  <style:style style:name="dp2" style:family="drawing-page">
   <style:drawing-page-properties presentation:visibility="hidden"/>
  </style:style>
 </office:automatic-styles>
 <office:body><office:presentation>
  <draw:page draw:name="one" draw:style-name="dp1">
   <draw:frame presentation:class="title"><draw:text-box>
    <text:p>Quarterly<text:line-break/>results</text:p>
   </draw:text-box></draw:frame>
   <draw:frame presentation:class="outline"><draw:text-box>
    <text:list><text:list-item><text:p>Revenue <text:span>grew</text:span></text:p>
     <text:list><text:list-item><text:p>by<text:s text:c="2"/>a lot</text:p></text:list-item>
     </text:list></text:list-item></text:list>
    <text:p/>
    <text:h>Costs<text:tab/>fell</text:h>
   </draw:text-box></draw:frame>
   <draw:frame presentation:class="subtitle" presentation:placeholder="true">
    <draw:text-box/></draw:frame>
   <draw:g>
    <draw:custom-shape><text:p>In a group</text:p></draw:custom-shape>
    <draw:frame><draw:image xlink:href="Pictures/red.png"/>
     <svg:title>Red square</svg:title></draw:frame>
   </draw:g>
   <draw:frame><table:table>
    <table:table-row>
     <table:table-cell><text:p>Region</text:p></table:table-cell>
     <table:table-cell><text:p>Sales</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell table:number-columns-spanned="2"><text:p>All</text:p></table:table-cell>
     <table:covered-table-cell/>
    </table:table-row>
   </table:table><draw:image xlink:href="Pictures/TablePreview1.svm"/></draw:frame>
   <draw:frame presentation:class="footer"><draw:text-box><text:p>Footer</text:p>
    </draw:text-box></draw:frame>
   <presentation:notes>
    <draw:page-thumbnail presentation:class="page"/>
    <draw:frame presentation:class="notes"><draw:text-box>
     <text:p>Speak slowly</text:p></draw:text-box></draw:frame>
    <draw:frame><draw:text-box><text:p><text:page-number>&lt;number&gt;</text:page-number>
     </text:p></draw:text-box></draw:frame>
   </presentation:notes>
  </draw:page>
  <draw:page draw:name="two" draw:style-name="dp2">
   <draw:frame presentation:class="title"><draw:text-box><text:p>Backup</text:p>
   </draw:text-box></draw:frame>
  </draw:page>
 </office:presentation></office:body>
</office:document-content>
"""

META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title> Results
 2024 </dc:title></office:meta></office:document-meta>
"""


def package(path: Path, parts: dict[str, str | bytes]) -> str:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        for name, data in parts.items():
            archive.writestr(name, data)
    return str(path)


@pytest.fixture
def odp(tmp_path) -> str:
    return package(tmp_path / "deck.odp", {"content.xml": CONTENT, "meta.xml": META})


def deck(name: str) -> str:
    return str(CORPUS / "odp" / name)


# -- a deck written here --------------------------------------------------------------------


def test_pages_come_in_document_order_with_their_titles_on_one_line(odp):
    assert [s.title for s in extract_deck(odp).slides] == ["Quarterly results", "Backup"]


def test_body_reads_lists_spans_spaces_tabs_and_groups(odp):
    body = extract_deck(odp).slides[0].body
    assert body.split("\n")[:4] == ["Revenue grew", "by  a lot", "Costs\tfell", "In a group"]


def test_empty_placeholders_are_not_text_and_a_footer_follows_the_body(odp):
    slide = extract_deck(odp).slides[0]
    assert "Click" not in slide.body
    assert slide.body.endswith("In a group\nFooter")
    assert slide.heading != "Footer"


@needs_corpus
def test_a_footer_declared_once_is_read_on_the_slides_that_show_it():
    slides = extract_deck(
        CORPUS / "odp/odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.odp"
    ).slides
    assert "Svante Schubert" not in slides[0].body  # its page style hides the footer
    assert slides[1].body.endswith("\nSvante Schubert")
    assert all(slide.title != "Svante Schubert" for slide in slides)


def test_tables_go_to_tables_with_merged_cells_read_once(odp):
    slide = extract_deck(odp).slides[0]
    assert slide.tables == ("Region | Sales\nAll",)
    assert "Region" not in slide.body


def test_a_picture_title_is_its_alt_text_and_a_table_preview_is_not_a_picture(odp):
    assert extract_deck(odp).slides[0].alt_texts == ("Red square",)


PICTURES = f"""<office:document-content {NAMESPACES} xmlns:xlink="http://www.w3.org/1999/xlink">
<office:body><office:presentation><draw:page>
 <draw:frame><draw:image xlink:href="Pictures/1.png"/><svg:desc>harbour-map.png</svg:desc>
 </draw:frame>
 <draw:frame><draw:image xlink:href="Pictures/1.png"/><svg:desc>Map of the harbour</svg:desc>
 </draw:frame>
 <draw:frame><draw:image xlink:href="Pictures/1.png"/><svg:title>Old harbour map</svg:title>
  <svg:desc>images/harbour-map.png</svg:desc></draw:frame>
</draw:page></office:presentation></office:body></office:document-content>"""


def test_a_pictures_file_name_is_no_alt_text_and_its_title_stands_in_for_it(tmp_path):
    path = package(tmp_path / "pictures.odp", {"content.xml": PICTURES})
    alt_texts = extract_deck(path).slides[0].alt_texts
    assert alt_texts == ("Map of the harbour", "Old harbour map")


def test_notes_skip_the_slide_thumbnail_and_page_number_fields(odp):
    assert extract_deck(odp).slides[0].notes == "Speak slowly"


def test_a_page_style_can_hide_a_slide(odp):
    assert [s.hidden for s in extract_deck(odp).slides] == [False, True]


def test_deck_title_comes_from_meta_xml(odp):
    assert extract_deck(odp).title == "Results 2024"


def test_the_registry_reads_odp(odp):
    assert len(extract_structure(odp, "odp").slides) == 2


def test_a_package_without_content_xml_is_a_permanent_error(tmp_path):
    path = package(tmp_path / "empty.odp", {"meta.xml": META})
    with pytest.raises(PermanentError, match=r"content\.xml"):
        extract_deck(path)


def test_damaged_content_xml_is_a_permanent_error(tmp_path):
    path = package(tmp_path / "cut.odp", {"content.xml": CONTENT[:500]})
    with pytest.raises(PermanentError, match="not well-formed"):
        extract_deck(path)


def test_an_encrypted_package_is_reported_as_password_protected(tmp_path):
    manifest = '<manifest:file-entry><manifest:encryption-data manifest:checksum="x"/>'
    parts = {"content.xml": b"\x8f\x13ciphertext", "META-INF/manifest.xml": manifest}
    with pytest.raises(PermanentError, match="password-protected"):
        extract_deck(package(tmp_path / "locked.odp", parts))


def test_a_text_document_is_not_a_presentation(tmp_path):
    text = CONTENT.replace("office:presentation>", "office:text>")
    with pytest.raises(PermanentError, match="not a presentation"):
        extract_deck(package(tmp_path / "letter.odt", {"content.xml": text}))


FO = 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'


def one_page(page: str, styles: str = "") -> str:
    """content.xml of one page, with automatic styles that set font sizes."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NAMESPACES} {FO}>
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="P1" style:family="paragraph">
   <style:text-properties fo:font-size="1.4cm"/></style:style>
  <style:style style:name="pr1" style:family="presentation" style:parent-style-name="Big"/>
  {styles}
 </office:automatic-styles>
 <office:body><office:presentation><draw:page draw:name="one">{page}</draw:page>
 </office:presentation></office:body>
</office:document-content>"""


# A common style in styles.xml, which the content's automatic style "pr1" inherits from.
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NAMESPACES} {FO}><office:styles>
 <style:style style:name="Big" style:family="presentation">
  <style:text-properties fo:font-size="48pt"/></style:style>
</office:styles></office:document-styles>"""


def frame(y: str, paragraphs: str, attributes: str = "") -> str:
    box = f"<draw:text-box>{paragraphs}</draw:text-box>"
    return f'<draw:frame svg:y="{y}" {attributes}>{box}</draw:frame>'


def test_date_time_and_page_number_fields_are_no_text_unless_fixed(tmp_path):
    page = (
        frame(
            "1cm",
            "<text:p><text:page-number>2</text:page-number></text:p>",
            'presentation:class="title"',
        )
        + frame(
            "3cm",
            "<text:p>Updated <text:date>11/29/2026</text:date> "
            "<text:time>06:30</text:time></text:p>",
        )
        + frame(
            "5cm", '<text:p>Launched <text:date text:fixed="true">1 May 2020</text:date></text:p>'
        )
    )
    slide = extract_deck(package(tmp_path / "fields.odp", {"content.xml": one_page(page)})).slides[
        0
    ]
    assert (slide.title, slide.body) == ("", "Updated\nLaunched 1 May 2020")


def test_a_page_without_a_title_is_headed_by_the_first_line_of_its_largest_text(tmp_path):
    page = (
        frame(
            "0.5cm",
            '<text:p><text:span text:style-name="T1">Company confidential</text:span></text:p>',
        )
        + frame(
            "4cm",
            '<text:p text:style-name="P1">How We Refactor</text:p>'
            "<text:p>and How We Know It</text:p>",
        )
        + frame("9cm", '<text:p text:style-name="P1">Another big line</text:p>')
        + frame("12cm", "<text:p>11/29/2026</text:p>")
    )
    slide = extract_deck(package(tmp_path / "heading.odp", {"content.xml": one_page(page)})).slides[
        0
    ]
    assert (slide.title, slide.heading) == ("", "How We Refactor")


def test_a_size_inherited_from_a_common_style_counts(tmp_path):
    page = frame("4cm", '<text:p text:style-name="P1">Forty points</text:p>') + frame(
        "9cm", "<text:p>Forty-eight points</text:p>", 'presentation:style-name="pr1"'
    )
    parts = {"content.xml": one_page(page), "styles.xml": STYLES}
    assert extract_deck(package(tmp_path / "inherited.odp", parts)).slides[0].heading == (
        "Forty-eight points"
    )


def test_a_page_with_a_title_needs_no_heading(odp):
    assert extract_deck(odp).slides[0].heading == ""


# -- the shared corpus ----------------------------------------------------------------------


@needs_corpus
def test_tables_of_the_table_deck_are_read():
    slides = extract_deck(deck("odft_perf_Presentation7_tables.odp")).slides
    assert len(slides) == 100
    assert sum(len(s.tables) for s in slides) == 200
    assert slides[0].title == "Table"
    assert slides[0].tables[1] == "h1 | h2 | h3 | h4"
    assert slides[0].tables[0].startswith("a | b")


@needs_corpus
def test_eight_hundred_slides_are_read():
    slides = extract_deck(deck("odft_perf_Presentation5_800slides.odp")).slides
    assert len(slides) == 800
    assert slides[0].title == "Text Properties"
    assert slides[-1].body


@needs_corpus
def test_corpus_notes_include_text_boxes_on_the_notes_page():
    slides = extract_deck(deck("odft_2014_ODF_Plugfest_Collaborated_Editing_on_ODF.odp")).slides
    assert slides[2].notes == "Why will a fix help?"
    # Slide 2's notes frame is empty; the speaker wrote into a text box next to it.
    assert "Chairing the OASIS ODF Advanced Collaboration Sub-Committee" in slides[1].notes


@needs_corpus
def test_notes_converted_from_pptx_carry_no_page_number_placeholders():
    slides = extract_deck(deck("odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.odp")).slides
    assert not any("<number>" in s.notes for s in slides)
    assert slides[1].notes.startswith("Interoperability")


@needs_corpus
def test_chinese_text_survives():
    slides = extract_deck(deck("odft_Presentation2_cjk_100slides.odp")).slides
    assert slides[1].body == "梵蒂冈"


@needs_corpus
def test_foreign_namespace_prefixes_are_read_by_namespace():
    slides = extract_deck(deck("odft_XPathTest-foreignPrefix2.odp")).slides
    assert [s.title for s in slides] == ["Slide One", "Slide Two", "Slide Three"]
    assert slides[1].body == "Point A\nPoint B\nPoint C"


@needs_corpus
def test_deck_title_comes_from_the_corpus_meta():
    assert extract_deck(deck("odft_perf_Presentation7_tables.odp")).title == (
        "Introducing a New Product"
    )


@needs_corpus
def test_an_impress_template_is_read_like_a_presentation():
    assert len(extract_deck(deck("odft_presentationTestTemplate.otp")).slides) == 1
