"""The OOXML slide-structure reader, on decks built here and on the shared corpus."""

from __future__ import annotations

import copy
import csv
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Inches, Pt

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors import extract_structure
from slideshelf.conversion.extractors.ooxml import extract_deck

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def corpus_decks() -> list:
    """(corpus path, slide count) for every PPTX and ODP the MANIFEST describes."""
    if not CORPUS.is_dir():
        return []
    with (CORPUS / "MANIFEST.tsv").open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        pytest.param(row["path"], int(match.group(1)), id=row["path"])
        for row in rows
        if row["path"].startswith(("pptx/", "odp/"))
        and (match := re.search(r"slides=(\d+)", row["description"]))
    ]


def deck(name: str) -> str:
    return str(CORPUS / "pptx" / name)


def rewrite(source: Path, target: Path, parts: dict[str, bytes | None]) -> Path:
    """A copy of a package with some parts replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = parts.get(info.filename, old.read(info))
            if data is not None:
                new.writestr(info.filename, data)
    return target


# -- decks built here --------------------------------------------------------------------


def test_slides_follow_the_slide_list_not_file_names(tmp_path):
    prs = Presentation()
    for title in ("First", "Second", "Third"):
        prs.slides.add_slide(prs.slide_layouts[5]).shapes.title.text = title
    built = tmp_path / "built.pptx"
    prs.save(built)
    # Give slideN.xml (and its rels) the name slide(4-N).xml, and point the presentation's
    # relationships at the new names, written as absolute targets.
    renamed = tmp_path / "renamed.pptx"
    with zipfile.ZipFile(built) as old, zipfile.ZipFile(renamed, "w") as new:
        for info in old.infolist():
            name, data = info.filename, old.read(info)
            if match := re.fullmatch(r"ppt/slides/(_rels/)?slide(\d)\.xml(\.rels)?", name):
                name = name.replace(f"slide{match[2]}.xml", f"slide{4 - int(match[2])}.xml")
            if name == "ppt/_rels/presentation.xml.rels":
                data = re.sub(
                    rb'Target="slides/slide(\d)\.xml"',
                    lambda m: b'Target="/ppt/slides/slide%d.xml"' % (4 - int(m[1])),
                    data,
                )
            new.writestr(name, data)

    with zipfile.ZipFile(renamed) as package:
        assert b"First" in package.read("ppt/slides/slide3.xml")
    assert [s.title for s in extract_deck(str(renamed)).slides] == ["First", "Second", "Third"]


@pytest.fixture
def rich_deck(tmp_path) -> str:
    """One slide with everything the reader takes apart, and one hidden slide."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])  # title and content placeholders
    slide.shapes.title.text = "Quarterly\nresults"
    slide.placeholders[1].text = "Revenue grew\n\nCosts fell"
    # Added after the placeholders but placed above and below them.
    slide.shapes.add_textbox(Inches(5), Inches(0.1), Inches(3), Inches(0.5)).text = "Banner"
    slide.shapes.add_textbox(Inches(1), Inches(6.8), Inches(3), Inches(0.5)).text = "Closing"
    group = slide.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(5), Inches(5), Inches(2), Inches(0.5)).text = "Right"
    group.shapes.add_textbox(Inches(1), Inches(5), Inches(2), Inches(0.5)).text = "Left"
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(3.5), Inches(6), Inches(1)).table
    for (row, col), text in {(0, 0): "Region", (0, 1): "Sales", (1, 0): "North"}.items():
        table.cell(row, col).text = text
    image = tmp_path / "red.png"
    Image.new("RGB", (8, 8), "red").save(image)
    picture = slide.shapes.add_picture(str(image), Inches(8), Inches(4.5))
    picture._element.nvPicPr.cNvPr.set("descr", "A red\nsquare")
    slide.notes_slide.notes_text_frame.text = "Speak slowly"

    hidden = prs.slides.add_slide(prs.slide_layouts[5])
    hidden.shapes.title.text = "Backup"
    hidden._element.set("show", "0")
    path = tmp_path / "rich.pptx"
    prs.save(path)
    return str(path)


def test_title_comes_from_the_title_placeholder_on_one_line(rich_deck):
    assert extract_deck(rich_deck).slides[0].title == "Quarterly results"


def test_body_follows_reading_order_with_placeholders_placed_by_their_layout(rich_deck):
    body = extract_deck(rich_deck).slides[0].body
    assert body.split("\n") == ["Banner", "Revenue grew", "Costs fell", "Left", "Right", "Closing"]


def test_table_text_goes_to_tables_one_row_a_line(rich_deck):
    slide = extract_deck(rich_deck).slides[0]
    assert slide.tables == ("Region | Sales\nNorth | ",)
    assert "Region" not in slide.body


def test_picture_description_is_alt_text_on_one_line(rich_deck):
    assert extract_deck(rich_deck).slides[0].alt_texts == ("A red square",)


def test_a_pictures_file_name_is_no_alt_text_and_its_title_stands_in_for_it(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    image = tmp_path / "harbour-map.png"
    Image.new("RGB", (8, 8), "blue").save(image)
    named = slide.shapes.add_picture(str(image), Inches(1), Inches(1))
    assert named._element.nvPicPr.cNvPr.get("descr") == "harbour-map.png"  # python-pptx's doing
    described = slide.shapes.add_picture(str(image), Inches(4), Inches(1))
    described._element.nvPicPr.cNvPr.set("descr", "Map of the harbour")
    titled = slide.shapes.add_picture(str(image), Inches(7), Inches(1))
    titled._element.nvPicPr.cNvPr.set("descr", "C:\\Pictures\\harbour-map.png")
    titled._element.nvPicPr.cNvPr.set("title", "Old harbour map")
    alt_texts = extract_deck(saved(prs, tmp_path / "pictures.pptx")).slides[0].alt_texts
    assert alt_texts == ("Map of the harbour", "Old harbour map")


def test_notes_come_from_the_notes_body_placeholder_only(rich_deck):
    assert extract_deck(rich_deck).slides[0].notes == "Speak slowly"


def test_hidden_slides_are_returned_and_marked(rich_deck):
    slides = extract_deck(rich_deck).slides
    assert [(s.title, s.hidden) for s in slides] == [("Quarterly results", False), ("Backup", True)]


def add_field(paragraph, kind: str, shown: str) -> None:
    """An a:fld of `kind` ("slidenum", "datetime1") showing `shown`, at the paragraph's end."""
    field = etree.Element(f"{{{A}}}fld", id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type=kind)
    etree.SubElement(field, f"{{{A}}}t").text = shown
    end = paragraph._p.find(f"{{{A}}}endParaRPr")
    if end is not None:
        end.addprevious(field)
    else:
        paragraph._p.append(field)


def text_box(slide, top: float, text: str, points: int | None = None):
    box = slide.shapes.add_textbox(Inches(1), Inches(top), Inches(6), Inches(0.8))
    box.text_frame.text = text
    if points:
        for run in box.text_frame.paragraphs[0].runs:
            run.font.size = Pt(points)
    return box


def saved(prs, path: Path) -> str:
    prs.save(path)
    return str(path)


def test_slide_number_and_date_fields_are_no_text_wherever_they_stand(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    add_field(slide.shapes.title.text_frame.paragraphs[0], "slidenum", "2")
    box = text_box(slide, 2, "Updated ")
    add_field(box.text_frame.paragraphs[0], "datetime1", "11/29/2026")
    add_field(text_box(slide, 4, "").text_frame.paragraphs[0], "datetimeFigureOut", "6:30 PM")
    read = extract_deck(saved(prs, tmp_path / "fields.pptx")).slides[0]
    assert (read.title, read.body, read.heading) == ("", "Updated", "Updated")


def test_other_fields_are_text(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    add_field(text_box(slide, 1, "Chapter ").text_frame.paragraphs[0], "title", "Results")
    assert extract_deck(saved(prs, tmp_path / "field.pptx")).slides[0].body == "Chapter Results"


def test_a_slide_without_a_title_is_headed_by_the_first_line_of_its_largest_text(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    text_box(slide, 0.2, "Company confidential", 12)
    big = text_box(slide, 2, "How We Refactor", 40)
    big.text_frame.add_paragraph().text = "and How We Know It"
    text_box(slide, 4, "Another big line", 40)
    text_box(slide, 5, "Emerson Murphy-Hill")
    read = extract_deck(saved(prs, tmp_path / "heading.pptx")).slides[0]
    assert (read.title, read.heading) == ("", "How We Refactor")
    assert read.body.startswith("Company confidential\nHow We Refactor\nand How We Know It")


def test_text_of_one_size_is_headed_by_its_topmost_line(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    text_box(slide, 3, "Lower line")
    text_box(slide, 1, "Upper line")
    assert extract_deck(saved(prs, tmp_path / "same.pptx")).slides[0].heading == "Upper line"


def test_a_date_or_a_number_never_heads_a_slide(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    text_box(slide, 0.3, "11.03.2009", 20)
    text_box(slide, 1, "7", 20)
    text_box(slide, 3, "Finanzkrise Teil 4", 20)
    assert extract_deck(saved(prs, tmp_path / "dated.pptx")).slides[0].heading == (
        "Finanzkrise Teil 4"
    )


def test_a_placeholder_without_a_size_of_its_own_is_as_large_as_its_masters_body_text(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])  # title and content; title left empty
    slide.placeholders[1].text = "Revenue grew"  # the default master's body text is 32 pt
    text_box(slide, 0.2, "Draft", 24)
    assert extract_deck(saved(prs, tmp_path / "inherited.pptx")).slides[0].heading == (
        "Revenue grew"
    )


def test_a_slide_with_a_title_needs_no_heading(rich_deck):
    assert extract_deck(rich_deck).slides[0].heading == ""


def test_alternate_content_is_read_once(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    box.text = "Only once"
    sp = box._element
    block = etree.Element(f"{{{MC}}}AlternateContent")
    etree.SubElement(block, f"{{{MC}}}Choice", Requires="p14").append(copy.deepcopy(sp))
    etree.SubElement(block, f"{{{MC}}}Fallback").append(copy.deepcopy(sp))
    sp.addprevious(block)
    sp.getparent().remove(sp)
    path = tmp_path / "alternate.pptx"
    prs.save(path)
    assert extract_deck(str(path)).slides[0].body == "Only once"


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, 9, 9).text = "MARK"
    built = tmp_path / "built.pptx"
    prs.save(built)
    with zipfile.ZipFile(built) as package:
        xml = package.read("ppt/slides/slide1.xml")
    doctype = f'<!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "file://{secret}">]>'.encode()
    xml = xml.replace(b"?>", b"?>" + doctype, 1).replace(b"MARK", b"&xxe;")
    hostile = rewrite(built, tmp_path / "hostile.pptx", {"ppt/slides/slide1.xml": xml})
    assert "TOP SECRET" not in extract_deck(str(hostile)).slides[0].body


def test_strict_ooxml_is_read_like_transitional(tmp_path):
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = "Strict title"
    built = tmp_path / "built.pptx"
    prs.save(built)
    strict = {
        b"http://schemas.openxmlformats.org/presentationml/2006/main": b"presentationml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main": b"drawingml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"officeDocument/relationships"
        ),
    }
    with zipfile.ZipFile(built) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    for name, data in parts.items():
        for transitional, path in strict.items():
            data = data.replace(transitional, b"http://purl.oclc.org/ooxml/" + path)
        parts[name] = data
    converted = rewrite(built, tmp_path / "strict.pptx", parts)
    assert [s.title for s in extract_deck(str(converted)).slides] == ["Strict title"]


def test_damaged_xml_is_a_permanent_error(tmp_path):
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6])
    built = tmp_path / "built.pptx"
    prs.save(built)
    broken = rewrite(built, tmp_path / "broken.pptx", {"ppt/slides/slide1.xml": b"<p:sld"})
    with pytest.raises(PermanentError, match="not well-formed"):
        extract_deck(str(broken))


def test_a_package_without_presentation_xml_is_a_permanent_error(tmp_path):
    built = tmp_path / "built.pptx"
    Presentation().save(built)
    gutted = rewrite(built, tmp_path / "gutted.pptx", {"ppt/presentation.xml": None})
    with pytest.raises(PermanentError, match=r"presentation\.xml"):
        extract_deck(str(gutted))


def test_a_file_that_is_no_zip_is_a_permanent_error(tmp_path):
    path = tmp_path / "text.pptx"
    path.write_text("version https://git-lfs.github.com/spec/v1\n")
    with pytest.raises(PermanentError):
        extract_structure(str(path), "pptx")


def test_the_registry_refuses_kinds_it_cannot_read(tmp_path):
    with pytest.raises(PermanentError):
        extract_structure(str(tmp_path / "deck.key"), "key")


# -- the shared corpus --------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize(("relative", "count"), corpus_decks())
def test_every_corpus_deck_has_as_many_slides_as_the_manifest_says(relative, count):
    kind = "odp" if relative.startswith("odp/") else "pptx"
    assert len(extract_structure(str(CORPUS / relative), kind).slides) == count


@needs_corpus
def test_speaker_notes_are_read():
    assert extract_deck(deck("pypptx_prs-notes.pptx")).slides[0].notes == "Notes"


@needs_corpus
def test_notes_skip_the_slide_number_on_the_notes_page():
    # Every slide of this deck has a notes page holding nothing but its slide number.
    assert all(s.notes == "" for s in extract_deck(deck("poi_45545_Comment.pptx")).slides)


@needs_corpus
def test_a_table_is_read_row_by_row():
    slide = extract_deck(deck("unst_fake-power-point-table.pptx")).slides[0]
    assert slide.title == "A Slide with a Table"
    assert slide.tables == (
        "Column 1 | Column 2 | Column 3\nRed | Green | Blue\n"
        "Purple | Orange | Yellow\nTangerine | Pink | Aqua",
    )


@needs_corpus
def test_nested_groups_are_read_in_visual_order():
    body = extract_deck(deck("unst_group-shapes-nested.pptx")).slides[0].body
    assert body.split("\n") == list("ABCDEFGHIJ")


@needs_corpus
def test_smartart_text_comes_from_its_data_part():
    text = "Je suis titulaire d\u2019un Baccalauréat spécifique 2018"
    with zipfile.ZipFile(deck("poi_stress022.pptx")) as package:
        assert text.encode() not in package.read("ppt/slides/slide2.xml")
    assert text in extract_deck(deck("poi_stress022.pptx")).slides[1].body


@needs_corpus
def test_smartart_placeholder_prompts_are_not_text():
    # poi_SmartArt's diagram has only empty "[Text]" nodes: nothing to read.
    slide = extract_deck(deck("poi_SmartArt.pptx")).slides[0]
    assert slide.is_empty


@needs_corpus
def test_japanese_text_survives():
    slide = extract_deck(deck("poi_with_japanese.pptx")).slides[0]
    assert "ゾルゲと尾崎、淡々と最期" in slide.body
    assert slide.tables == (
        "Row 1 Col 1 | Row 1 Col 2 | Row 1 Col 3\nRow 2 Col 1 | Row 2 Col 2 | Row 2 Col 3",
    )


@needs_corpus
def test_chart_titles_are_body_text():
    slides = extract_deck(deck("mkd_test.pptx")).slides
    assert slides[3].body == "a3f6004b-6f4f-4ea8-bee3-3741f4dc385f"
    # A title without text of its own shows the single series' name.
    assert extract_deck(deck("pypptx_ph-populated-placeholders.pptx")).slides[3].body == "Sales"


@needs_corpus
def test_alt_texts_of_pictures_in_reading_order_without_file_names():
    slides = extract_deck(deck("poi_ecodesign_Vertiefungsvortrag_elektronik_de.pptx")).slides
    # The second picture is described by its file's web address: ".../Umweltzeichen_01.jpg".
    assert slides[16].alt_texts == ("Blauer_engel", "EU_flower", "tco")
    # python-pptx wrote each picture's file name where its description goes.
    assert extract_deck(deck("pypptx_test_slides.pptx")).slides[0].alt_texts == ()


@needs_corpus
def test_hidden_corpus_slides_are_kept_and_marked():
    slides = extract_deck(deck("poi_2411-Performance_Up.pptx")).slides
    assert [n for n, s in enumerate(slides, 1) if s.hidden] == [13, 48]


@needs_corpus
def test_deck_title_comes_from_core_properties_when_there_are_any():
    assert extract_deck(deck("mkd_test.pptx")).title.startswith("AutoGen: Enabling")
    assert extract_deck(deck("pypptx_no-core-props.pptx")).title == ""


@needs_corpus
def test_footer_and_typed_date_follow_the_body_and_the_slide_number_is_skipped():
    slide = extract_deck(deck("poi_PPTWithAttachments.pptm")).slides[0]
    lines = slide.body.split("\n")
    # The date placeholder's typed text and the footer's, after the body, in reading order
    assert lines[-2:] == ["Иқтисодиёт, четырнадцать, zoic", "Ҳаётимизга, тринадцать, zodiacal"]
    assert slide.title == "биргина ўзи, один, ahold"


@needs_corpus
def test_a_slideshow_package_python_pptx_refuses_is_read():
    # poi_stress022 declares the PPSX content type, which python-pptx will not open.
    assert len(extract_deck(deck("poi_stress022.pptx")).slides) == 45


@needs_corpus
@pytest.mark.parametrize(
    "name",
    [
        "poi_Divino_Revelado.pptx",
        "poi_clusterfuzz-POIXSLFFuzzer-6254434927378432.pptx",
        "poi_clusterfuzz-POIXSLFFuzzer-5463285576892416.pptx",
        "msoc_Encrypted.pptx",
        "unst_git-lfs-pointer_science-exploration-369p.pptx",
    ],
)
def test_broken_packages_are_permanent_errors(name):
    with pytest.raises(PermanentError):
        extract_deck(str(CORPUS / "broken" / name))


@needs_corpus
def test_a_missing_layout_relationship_part_is_no_error():
    slides = extract_deck(str(CORPUS / "broken" / "pypptx_missing_rels_item.pptx")).slides
    assert [s.title for s in slides] == ["Presentation Title Text"]
