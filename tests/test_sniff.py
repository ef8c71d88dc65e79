from __future__ import annotations

import zipfile

import pytest

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.sniff import sniff
from slideshelf.conversion.types import FileType
from tests.conftest import CORPUS
from tests.formats import OOO_MIMETYPES, OOXML_MAINS, openoffice_1, pptx, retyped


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("pptx/mkd_test.pptx", FileType.PPTX),
        ("pptx/poi_PPTWithAttachments.pptm", FileType.PPTX),
        ("ppt/poi_41071.ppt", FileType.PPT),
        ("odp/odft_Presentation1.odp", FileType.ODP),
        ("odp/odft_presentationTestTemplate.otp", FileType.ODP),
        ("pdf/pdfjs_german-umlaut-r.pdf", FileType.PDF),
        # The content decides, not the name: this .ppt is really a PPTX package.
        ("broken/unst_eng_spa_mult_OOXML_named.ppt", FileType.PPTX),
    ],
)
def test_type_comes_from_the_content(relative, expected):
    assert sniff(str(CORPUS / relative)).file_type is expected


def test_macro_enabled_package_is_labelled_as_such():
    assert "macro" in sniff(str(CORPUS / "pptx/poi_PPTWithAttachments.pptm")).label


@pytest.mark.parametrize(
    "relative",
    [
        "broken/msoc_Encrypted.pptx",
        "broken/poi_Password_Protected-hello.ppt",
        "broken/poi_Password_Protected-56-hello.ppt",
        "broken/poi_Password_Protected-np-hello.ppt",
        "broken/poi_ppt_with_png_encrypted.ppt",
    ],
)
def test_password_protected_files_are_refused_with_a_message_that_says_so(relative):
    with pytest.raises(PermanentError, match="password-protected"):
        sniff(str(CORPUS / relative))


def test_text_stub_named_pptx_is_refused_with_its_first_line():
    # A link stub left by a repository checkout: text, not a presentation.
    with pytest.raises(PermanentError, match=r'plain-text file that begins "\.\./\.\./'):
        sniff(str(CORPUS / "broken/unst_git-lfs-pointer_science-exploration-369p.pptx"))


def test_git_lfs_pointer_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "deck.pptx"
    path.write_bytes(b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 12\n")
    with pytest.raises(PermanentError, match="Git LFS pointer"):
        sniff(str(path))


def test_truncated_zip_is_called_damaged():
    with pytest.raises(PermanentError, match="damaged ZIP"):
        sniff(str(CORPUS / "broken/poi_Divino_Revelado.pptx"))


def test_powerpoint_4_is_a_presentation_libreoffice_reads():
    sniffed = sniff(str(CORPUS / "broken/poi_pp40only.ppt"))
    assert sniffed.file_type is FileType.PPT and "PowerPoint 4.0" in sniffed.label


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "deck.pptx"
    empty.write_bytes(b"")
    with pytest.raises(PermanentError, match="empty"):
        sniff(str(empty))


def test_word_document_is_named_in_the_refusal(tmp_path):
    path = tmp_path / "report.pptx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(PermanentError, match=r"Word document \(\.docx\)"):
        sniff(str(path))


def test_image_is_refused_with_what_was_received(tmp_path):
    path = tmp_path / "slide.pdf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(PermanentError, match="received a PNG image"):
        sniff(str(path))


@pytest.mark.parametrize(
    ("extension", "expected"),
    [
        ("sxi", FileType.SXI),
        ("sxd", FileType.SXD),
    ],
)
def test_openoffice_1_packages_are_told_apart_by_their_mimetype(tmp_path, extension, expected):
    path = openoffice_1(tmp_path / f"deck.{extension}", OOO_MIMETYPES[extension])
    assert sniff(str(path)).file_type is expected


def test_openoffice_1_package_without_a_mimetype_part_is_known_by_its_manifest(tmp_path):
    # Early OpenOffice.org wrote no `mimetype`; the manifest's entry for "/" names the type.
    path = openoffice_1(tmp_path / "modes.sxd", OOO_MIMETYPES["sxd"], with_mimetype=False)
    assert sniff(str(path)).file_type is FileType.SXD


def test_openoffice_1_template_is_refused_because_libreoffice_cannot_load_it(tmp_path):
    path = openoffice_1(tmp_path / "deck.sti", OOO_MIMETYPES["sti"])
    with pytest.raises(PermanentError, match=r"presentation template \(\.sti\)"):
        sniff(str(path))


@pytest.mark.parametrize(
    ("extension", "label"),
    [
        ("pptm", "macro-enabled presentation (.pptm)"),
        ("ppsx", "show (.ppsx)"),
        ("ppsm", "macro-enabled show (.ppsm)"),
        ("potx", "template (.potx)"),
        ("potm", "macro-enabled template (.potm)"),
    ],
)
def test_powerpoint_shows_templates_and_macro_decks_are_one_type_with_their_own_label(
    tmp_path, extension, label
):
    path = retyped(
        pptx(tmp_path / "deck.pptx"), tmp_path / f"x.{extension}", OOXML_MAINS[extension]
    )
    sniffed = sniff(str(path))
    assert sniffed.file_type is FileType.PPTX and sniffed.label.endswith(label)


def flat_odf(path, mimetype):
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        f'office:version="1.3" office:mimetype="{mimetype}"><office:body/></office:document>'
    )
    return path


@pytest.mark.parametrize(
    ("mimetype", "expected"),
    [
        ("application/vnd.oasis.opendocument.presentation", FileType.FODP),
        ("application/vnd.oasis.opendocument.graphics", FileType.FODG),
    ],
)
def test_flat_opendocument_xml_is_known_by_its_root_element(tmp_path, mimetype, expected):
    assert sniff(str(flat_odf(tmp_path / "deck.xml", mimetype))).file_type is expected


def zipped(path, parts):
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


REFUSALS = {
    "flat text document": (
        lambda tmp: flat_odf(tmp / "x.fodt", "application/vnd.oasis.opendocument.text"),
        r"received an OpenDocument text document \(\.odt\)",
    ),
    "OpenOffice.org 1.x spreadsheet": (
        lambda tmp: zipped(tmp / "x.sxc", {"mimetype": "application/vnd.sun.xml.calc"}),
        r"received an OpenOffice.org 1\.x spreadsheet \(\.sxc\)",
    ),
    "EPUB": (
        lambda tmp: zipped(tmp / "x.epub", {"mimetype": "application/epub+zip"}),
        r"received an e-book \(EPUB\)",
    ),
    "Excel workbook": (
        lambda tmp: zipped(tmp / "x.pptx", {"[Content_Types].xml": "", "xl/workbook.xml": ""}),
        r"received an Excel workbook \(\.xlsx\)",
    ),
    "Pages document": (
        lambda tmp: zipped(tmp / "x.key", {"Index/Document.iwa": b"", "Metadata/x": b""}),
        "received an Apple Pages or Numbers document",
    ),
    "ZIP of other files": (
        lambda tmp: zipped(tmp / "x.pptx", {"photos/b.jpg": b"", "notes.txt": b""}),
        r'received a ZIP archive of other files \(the first is "notes\.txt"\)',
    ),
    "ZIP with a deck inside": (
        lambda tmp: zipped(tmp / "x.zip", {"talk/Deck.pptx": b"PK"}),
        r"ZIP archive with a presentation inside \(Deck\.pptx\)\. Unpack it",
    ),
    "empty ZIP": (lambda tmp: zipped(tmp / "x.pptx", {}), "received an empty ZIP archive"),
    "SVG": (
        lambda tmp: write(
            tmp / "x.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'
        ),
        "received an SVG image",
    ),
    "other XML": (
        lambda tmp: write(tmp / "x.xml", b'<?xml version="1.0"?><w:wordDocument xmlns:w="urn:w"/>'),
        r'received an XML file \(its root element is "wordDocument"\)',
    ),
    "WebP": (lambda tmp: write(tmp / "x.ppt", b"RIFF\0\0\0\0WEBPVP8 "), "received a WebP image"),
    "MP4": (lambda tmp: write(tmp / "x.ppt", b"\0\0\0\x18ftypmp42"), "received an MP4 video"),
    "RTF": (lambda tmp: write(tmp / "x.ppt", b"{\\rtf1\\ansi"), r"received a Rich Text document"),
}


def write(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("make, expected", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_file_that_is_no_presentation_is_refused_naming_what_it_is(tmp_path, make, expected):
    with pytest.raises(PermanentError, match=expected):
        sniff(str(make(tmp_path)))


def test_keynote_6_package_with_slides_is_a_keynote_presentation(tmp_path):
    path = zipped(tmp_path / "x.key", {"Index/Document.iwa": b"", "Index/Slide-12.iwa": b""})
    assert sniff(str(path)).file_type is FileType.KEY
