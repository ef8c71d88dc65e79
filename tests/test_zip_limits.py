"""Packages whose headers lie about their parts are refused before anything inflates them."""

from __future__ import annotations

import random
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from slideshelf.conversion import zip_inflate
from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.limits import ZipLimits, check_zip
from slideshelf.conversion.models import Conversion, Stage, Status
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, upload
from tests.formats import PPTX_MAIN

pytestmark = SQLITE_PASS_ONLY

GENEROUS = ZipLimits(max_unzipped_bytes=1 << 30, max_entries=1000)
# Where CRC-32, compressed size and size sit in a local header and in a central-directory entry.
LOCAL_FIELDS, CENTRAL_FIELDS = 14, 16
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Override PartName="/ppt/presentation.xml" ContentType="{PPTX_MAIN}"/></Types>'
)


def write_zip(path, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression=compression) as package:
        for name, data in members:
            package.writestr(name, data)
    return path


def write_zeros(path, name, megabytes, before=()):
    """A package whose part `name` is `megabytes` MiB of zeros, written a MiB at a time."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for other, data in before:
            package.writestr(other, data)
        with package.open(name, "w") as part:
            for _ in range(megabytes):
                part.write(bytes(1 << 20))
    return path


def lie_about(path, name, crc=None, compress_size=None, file_size=None):
    """Rewrite what both the local header and the central directory say about part `name`."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(name)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    fields = (
        info.CRC if crc is None else crc,
        info.compress_size if compress_size is None else compress_size,
        info.file_size if file_size is None else file_size,
    )
    struct.pack_into("<III", data, info.header_offset + LOCAL_FIELDS, *fields)
    struct.pack_into("<III", data, central + CENTRAL_FIELDS, *fields)
    path.write_bytes(bytes(data))
    return path


def one_kilobyte_that_inflates_to_64_megabytes(path, before=()):
    """The strongest lie: size and CRC-32 both those of the part's first KB, so `zipfile`
    reads 1 KB of zeros without complaint."""
    write_zeros(path, "ppt/slides/slide1.xml", 64, before)
    return lie_about(path, "ppt/slides/slide1.xml", crc=zlib.crc32(bytes(1024)), file_size=1024)


def test_part_declaring_1_kb_that_inflates_to_64_mb_is_refused_with_little_memory(tmp_path):
    bomb = one_kilobyte_that_inflates_to_64_megabytes(tmp_path / "bomb.pptx")
    with zipfile.ZipFile(bomb) as package:
        assert package.read("ppt/slides/slide1.xml") == bytes(1024)  # the lie holds up
    tracemalloc.start()
    try:
        with pytest.raises(
            PermanentError,
            match=r"'ppt/slides/slide1\.xml' unpacks to more than the 1,024 bytes its header",
        ):
            check_zip(str(bomb), GENEROUS)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, f"peak {peak} bytes for a 64 MB part"


def test_part_whose_checksum_is_wrong_is_refused(tmp_path):
    package = write_zip(tmp_path / "deck.pptx", [("ppt/slides/slide1.xml", b"<a/>" * 1000)])
    lie_about(package, "ppt/slides/slide1.xml", crc=zlib.crc32(b"<a/>" * 1000) ^ 1)
    with pytest.raises(PermanentError, match=r"'ppt/slides/slide1\.xml' is damaged: its checksum"):
        check_zip(str(package), GENEROUS)


def test_part_whose_stream_goes_on_past_its_compressed_size_is_refused(tmp_path):
    text = " ".join(f"word{n}" for n in range(5000)).encode()
    package = write_zip(tmp_path / "deck.pptx", [("a.xml", text), ("b.xml", b"<b/>")])
    with zipfile.ZipFile(package) as opened:
        compressed = opened.getinfo("a.xml").compress_size
    lie_about(package, "a.xml", compress_size=compressed // 2)
    with pytest.raises(PermanentError, match=r"'a\.xml' is damaged: its data ends before"):
        check_zip(str(package), GENEROUS)


def test_part_whose_stream_ends_short_of_its_declared_size_is_refused(tmp_path):
    package = write_zip(tmp_path / "deck.pptx", [("a.xml", b"<a/>" * 1000)])
    lie_about(package, "a.xml", file_size=4001)
    with pytest.raises(PermanentError, match=r"'a\.xml' is damaged: its data ends before"):
        check_zip(str(package), GENEROUS)


def test_stored_part_larger_than_it_declares_is_refused(tmp_path):
    package = write_zip(tmp_path / "deck.odp", [("mimetype", b"x" * 4096)], zipfile.ZIP_STORED)
    lie_about(package, "mimetype", crc=zlib.crc32(b"x" * 16), file_size=16)
    with pytest.raises(PermanentError, match=r"'mimetype' unpacks to more than the 16 bytes"):
        check_zip(str(package), GENEROUS)


def test_part_compressed_with_a_method_presentations_never_use_is_refused(tmp_path):
    package = write_zip(tmp_path / "deck.pptx", [("a.xml", b"<a/>")], zipfile.ZIP_BZIP2)
    with pytest.raises(PermanentError, match=r"'a\.xml' is compressed with method 12"):
        check_zip(str(package), GENEROUS)


def test_parts_that_share_their_data_are_refused(tmp_path):
    # Many directory entries pointing at one stream: each would be inflated again.
    package = write_zip(tmp_path / "deck.pptx", [("a.xml", b"<a/>"), ("b.xml", b"<a/>")])
    data = bytearray(package.read_bytes())
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 42, 0)  # b.xml's local header is now a.xml's
    package.write_bytes(bytes(data))
    with pytest.raises(PermanentError, match=r"'a\.xml' and 'b\.xml' share their data"):
        check_zip(str(package), GENEROUS)


def test_part_whose_compressed_data_is_not_deflate_is_refused(tmp_path):
    package = write_zip(tmp_path / "deck.pptx", [("a.xml", b"<a/>" * 1000)])
    data = bytearray(package.read_bytes())
    data[30 + len("a.xml")] = 0xFF  # the first block's type: 3, which deflate reserves
    package.write_bytes(bytes(data))
    with pytest.raises(PermanentError, match=r"'a\.xml' is damaged: its compressed data cannot"):
        check_zip(str(package), GENEROUS)


def test_part_whose_data_is_not_where_the_directory_says_is_refused(tmp_path):
    package = write_zip(tmp_path / "deck.pptx", [("a.xml", b"<a/>"), ("b.xml", b"<b/>")])
    data = bytearray(package.read_bytes())
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    offset = struct.unpack_from("<I", data, second + 42)[0]
    struct.pack_into("<I", data, second + 42, offset + 1)  # one byte into b.xml's header
    package.write_bytes(bytes(data))
    with pytest.raises(PermanentError, match=r"'b\.xml' is damaged: its data is not where"):
        check_zip(str(package), GENEROUS)


@pytest.mark.parametrize(
    "relative",
    [
        # The largest of each kind: 7.7 MB and 3.1 MB unpacked.
        "pptx/poi_ubc_HowWeRefactor.pptx",
        "odp/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.odp",
        "pptx/pypptx_prs-notes.pptx",
        "odp/odft_blank.odp",
    ],
)
def test_real_decks_pass(relative):
    check_zip(str(CORPUS / relative), GENEROUS)


def test_zip64_package_passes_although_its_local_headers_differ_from_the_directory(tmp_path):
    path = tmp_path / "deck.pptx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name in ("a.xml", "b.xml"):
            with package.open(name, "w", force_zip64=True) as part:
                part.write(name.encode() * 1000)
    data = path.read_bytes()
    central = data.index(b"PK\x01\x02")
    # Sizes in the ZIP64 extra field, which the central directory does not repeat: reading
    # the data where the central directory's lengths put it would miss by 20 bytes.
    assert struct.unpack_from("<II", data, 18) == (0xFFFFFFFF, 0xFFFFFFFF)
    assert struct.unpack_from("<H", data, 28)[0] != struct.unpack_from("<H", data, central + 30)[0]
    check_zip(str(path), GENEROUS)


def test_part_whose_last_output_waits_for_room_passes(tmp_path, monkeypatch):
    # With a small output chunk, zlib often holds the end of a part after it has read every
    # compressed byte; that is output to drain, not a stream cut short.
    monkeypatch.setattr(zip_inflate, "INFLATE_CHUNK", 100)
    start = random.Random(14).randbytes(50)
    parts = [(f"p{n}.xml", start + bytes(n * 101)) for n in range(1, 60)]
    check_zip(str(write_zip(tmp_path / "deck.pptx", parts)), GENEROUS)


@pytest.mark.django_db(transaction=True)
def test_lying_pptx_fails_in_preflight_and_never_reaches_libreoffice(tmp_path, media, monkeypatch):
    path = one_kilobyte_that_inflates_to_64_megabytes(
        tmp_path / "lying.pptx",
        before=[("[Content_Types].xml", CONTENT_TYPES), ("ppt/presentation.xml", "<p/>")],
    )
    stages = []
    reported = Conversion.progress

    def remember(conversion, stage, done, total):
        # Observed, not replaced: each stage reports itself before it runs.
        stages.append(stage)
        reported(conversion, stage, done, total)

    monkeypatch.setattr(Conversion, "progress", remember)
    deck = convert_now(upload(path))
    assert deck.conversion.status == Status.FAILED
    assert "unpacks to more than the 1,024 bytes" in deck.conversion.failure_english
    assert set(stages) == {Stage.PREFLIGHT}
