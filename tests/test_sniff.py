from __future__ import annotations

import zipfile

import pytest

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.sniff import sniff
from slideshelf.conversion.types import FileType
from tests.conftest import CORPUS


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


def test_powerpoint_4_is_refused_as_too_old():
    with pytest.raises(PermanentError, match=r"PowerPoint 4\.0"):
        sniff(str(CORPUS / "broken/poi_pp40only.ppt"))


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
