"""Small file systems of a test's own: a tmpfs mounted over a folder (mounting needs root; CI
runs as root), and a disk filled to its last byte."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

import pytest


def mount(folder, size: str, *options: str) -> None:
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join([*options, f"size={size}"]), "tmpfs", folder],
        check=True,
        capture_output=True,
    )


def small_folder(folder: Path, size: str) -> Path:
    """A new folder with a tmpfs of `size` over it; the test is skipped where none can be."""
    folder.mkdir()
    try:
        mount(folder, size)
    except subprocess.CalledProcessError:
        pytest.skip("this machine does not let tests mount a file system")
    return folder


def unmount(folder) -> None:
    subprocess.run(["umount", "--lazy", folder], check=False)


def fill(path: Path) -> int:
    """Write `path` until its disk has not a byte left; returns how many bytes it took."""
    written = 0
    with path.open("wb", buffering=0) as handle:
        for chunk in (1 << 20, 1 << 12, 1):
            while True:
                try:
                    written += handle.write(b"\0" * chunk)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return written
