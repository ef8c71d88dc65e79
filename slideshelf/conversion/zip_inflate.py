"""Inflating every part of a package without trusting what its headers say about it.

A ZIP's sizes and checksums are written by whoever made the file: a part may declare 1 KB and
hold a deflate stream that expands to gigabytes, and how far a reader follows that stream is up
to the reader. Here each part is inflated a chunk at a time from where its local header says
its data is, and refused as soon as it holds more than it declares, or anything other than what
it declares. Since the declared sizes were summed and checked first, the real total is bounded
by the same limit, and every reader after this one sees the parts the limits were checked
against.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from operator import attrgetter
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipInfo

from slideshelf.conversion.errors import PermanentError
from slideshelf.lib.i18n import gettext_noop

# Local file header: signature, then 22 bytes the central directory repeats (and may contradict),
# then the lengths of the name and extra field that sit between the header and the data.
LOCAL_HEADER = struct.Struct("<4s22sHH")
LOCAL_SIGNATURE = b"PK\x03\x04"
READ_CHUNK = 64 * 1024
# The most a part yields at a time, whatever its deflate stream would expand to.
INFLATE_CHUNK = 1024 * 1024

TOO_LARGE = gettext_noop(
    "The part %(part)s unpacks to more than the %(size)s bytes its header declares, which is "
    "how zip bombs work; the file was refused."
)
CUT_SHORT = gettext_noop(
    "The part %(part)s is damaged: its data ends before the part does, so the file cannot be "
    "opened."
)
NOT_DEFLATE = gettext_noop(
    "The part %(part)s is damaged: its compressed data cannot be unpacked, so the file cannot "
    "be opened."
)
WRONG_CHECKSUM = gettext_noop(
    "The part %(part)s is damaged: its checksum does not match its content, so the file cannot "
    "be opened."
)
MISPLACED = gettext_noop(
    "The part %(part)s is damaged: its data is not where the package's directory says, so the "
    "file cannot be opened."
)
UNKNOWN_METHOD = gettext_noop(
    "The part %(part)s is compressed with method %(method)s, which presentation files never use, "
    "so the file cannot be opened."
)
SHARED_DATA = gettext_noop(
    "The parts %(part)s and %(other)s share their data, which is how zip bombs work; the file "
    "was refused."
)


def check_inflated(path: str, infos: Sequence[ZipInfo]) -> None:
    """Refuse the package if any part's real content differs from its central-directory entry."""
    with open(path, "rb") as handle:
        previous: tuple[ZipInfo, int] | None = None
        for info in sorted(infos, key=attrgetter("header_offset")):
            # Parts that point at the same bytes would inflate them once each: a small file
            # could cost hours. Apart, all the parts together read the file at most once.
            if previous and info.header_offset < previous[1]:
                raise _refusal(SHARED_DATA, previous[0], other=repr(info.filename))
            start = _data_start(handle, info)
            handle.seek(start)
            _check_part(handle, info)
            previous = (info, start + info.compress_size)


def _data_start(handle: BinaryIO, info: ZipInfo) -> int:
    """Where the part's data begins: after the *local* name and extra field, whose lengths
    may differ from the central directory's (a ZIP64 local header carries its own extra)."""
    if info.header_offset < 0:
        raise _refusal(MISPLACED, info)
    handle.seek(info.header_offset)
    header = handle.read(LOCAL_HEADER.size)
    if len(header) < LOCAL_HEADER.size or not header.startswith(LOCAL_SIGNATURE):
        raise _refusal(MISPLACED, info)
    _, _, name_length, extra_length = LOCAL_HEADER.unpack(header)
    return info.header_offset + LOCAL_HEADER.size + int(name_length) + int(extra_length)


def _check_part(handle: BinaryIO, info: ZipInfo) -> None:
    if info.compress_type == ZIP_STORED:
        size, crc = _stored(handle, info)
    elif info.compress_type == ZIP_DEFLATED:
        size, crc = _inflated(handle, info)
    else:
        # OOXML (ISO 29500-2) and ODF allow only stored and deflated parts, and LibreOffice's
        # package reader knows no other method: a part we cannot inflate cannot be bounded.
        raise _refusal(UNKNOWN_METHOD, info, method=info.compress_type)
    if size < info.file_size:
        raise _refusal(CUT_SHORT, info)
    if crc != info.CRC:
        raise _refusal(WRONG_CHECKSUM, info)


def _stored(handle: BinaryIO, info: ZipInfo) -> tuple[int, int]:
    if info.compress_size > info.file_size:
        raise _refusal(TOO_LARGE, info, size=info.file_size)
    crc, left = 0, info.compress_size
    while left:
        chunk = handle.read(min(READ_CHUNK, left))
        if not chunk:
            raise _refusal(CUT_SHORT, info)
        crc, left = zlib.crc32(chunk, crc), left - len(chunk)
    return info.compress_size, crc


def _inflated(handle: BinaryIO, info: ZipInfo) -> tuple[int, int]:
    """The real size and CRC-32 of a deflated part, reading no more than its compressed size
    and holding no more than a chunk of its output at a time."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size, crc, left, pending = 0, 0, info.compress_size, b""
    while not inflater.eof:
        if not pending and left:
            pending = handle.read(min(READ_CHUNK, left))
            if not pending:
                raise _refusal(CUT_SHORT, info)
            left -= len(pending)
        try:
            # With no input left this still runs, to drain output zlib holds back for want
            # of room (the rest of a long match).
            out = inflater.decompress(pending, INFLATE_CHUNK)
        except zlib.error:
            raise _refusal(NOT_DEFLATE, info) from None
        pending = inflater.unconsumed_tail
        size, crc = size + len(out), zlib.crc32(out, crc)
        if size > info.file_size:
            raise _refusal(TOO_LARGE, info, size=info.file_size)
        if not (out or pending or left or inflater.eof):
            # The stream goes on past the bytes the part declares.
            raise _refusal(CUT_SHORT, info)
    return size, crc


def _refusal(msgid: str, info: ZipInfo, **params: object) -> PermanentError:
    return PermanentError(msgid, part=repr(info.filename), **params)
