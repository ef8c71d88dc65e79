from __future__ import annotations

import zipfile

import pytest

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.limits import ZipLimits, check_zip

GENEROUS = ZipLimits(max_unzipped_bytes=1 << 30, max_entries=1000)


def make_zip(path, members):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            package.writestr(name, data)
    return path


def test_ordinary_package_passes(tmp_path):
    check_zip(str(make_zip(tmp_path / "ok.pptx", [("a.xml", b"<a/>" * 1000)])), GENEROUS)


def test_zip_bomb_member_is_refused_before_it_is_read(tmp_path):
    bomb = make_zip(tmp_path / "bomb.pptx", [("ppt/slides/slide1.xml", b"\0" * (64 << 20))])
    with pytest.raises(PermanentError, match="zip bombs"):
        check_zip(str(bomb), GENEROUS)


def test_package_larger_than_the_unpacked_limit_is_refused(tmp_path):
    package = make_zip(tmp_path / "big.pptx", [("a.xml", b"x" * 4096)])
    with pytest.raises(PermanentError, match="Unpacked"):
        check_zip(str(package), ZipLimits(max_unzipped_bytes=1024, max_entries=10))


def test_package_with_too_many_parts_is_refused(tmp_path):
    package = make_zip(tmp_path / "many.pptx", [(f"p{i}.xml", b"") for i in range(20)])
    with pytest.raises(PermanentError, match="20 parts"):
        check_zip(str(package), ZipLimits(max_unzipped_bytes=1 << 30, max_entries=10))
