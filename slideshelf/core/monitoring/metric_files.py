"""The files in which the web processes of one host keep their request timings.

prometheus_client's multiprocess mode: each process writes its figures to a memory-mapped file
of its own, `histogram_<pid>.db` in PROMETHEUS_MULTIPROC_DIR (SLIDESHELF_METRICS_DIR, set by the
settings before the library is imported), and a scrape adds up every file in the folder, so
whichever of a host's gunicorn processes answers /metrics reports them all. Two things the
library leaves to its user:

- A process that exits leaves its file behind, and gunicorn starts another under a new id, so
  every restart would add files for each scrape to read. A scrape first folds the files of
  processes that are gone into one (`histogram_archive.db`), under a lock every scrape takes,
  so that no scrape counts a process twice or not at all, and no count ever goes back.
- The library grows its files by truncation, so their disk blocks are allocated only when a
  page is first written, through the mapping: on a full disk that write is a SIGBUS, which
  kills the process in the middle of a request. Each process's file is given its blocks before
  the library opens it (`prepare`); a process that finds no room times no requests.

One folder per host: a process id means something on its own host (and container) alone.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prometheus_client.mmap_dict import MmapedDict

log = logging.getLogger(__name__)

# Room for some 2,300 values, each about 220 bytes with its key: 135 routes' histograms of 17
# (buckets and sum). Past that the library grows the file as it would, without the guard;
# more would take a small data disk's room for slides.
SIZE = 512 << 10
KIND = "histogram"  # the only kind of figure kept in files (request latency)
ARCHIVE = f"{KIND}_archive.db"
LOCK = ".lock"  # not *.db: the library reads every *.db file in the folder


def prepare(folder: Path) -> bool:
    """Give this process's file its disk blocks before prometheus_client maps it; False when
    there is no room for them, or no folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / f"{KIND}_{os.getpid()}.db").open("ab") as handle:
            # A file left by an earlier process of this id is kept: its counts go on.
            size = max(SIZE, os.fstat(handle.fileno()).st_size)
            os.posix_fallocate(handle.fileno(), 0, size)
    except OSError as error:
        log.warning("this web process times no requests: %s", error)
        return False
    return True


@contextmanager
def gathered(folder: Path) -> Iterator[None]:
    """The folder held for one scrape, the files of processes that are gone folded into one."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            dead = [path for path in folder.glob(f"{KIND}_*.db") if _is_gone(path)]
            if dead:
                _fold(folder / ARCHIVE, dead)
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _is_gone(path: Path) -> bool:
    owner = path.stem.removeprefix(f"{KIND}_")
    if not owner.isdigit():
        return False  # the archive
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def _fold(archive: Path, dead: list[Path]) -> None:
    """Add the dead processes' values to the archive's, then remove their files.

    Every value in a histogram's file adds up across processes (bucket counts, not yet
    cumulative, and sums), so folding is adding, key by key.
    """
    totals: dict[str, float] = {}
    for path in [archive, *dead] if archive.exists() else dead:
        for key, value, _, _ in _values_in(path):
            totals[key] = totals.get(key, 0.0) + value
    part = archive.with_name(archive.name + ".part")
    try:
        _write(part, totals)
    except OSError as error:
        log.warning("the timings of ended web processes stay apart for now: %s", error)
        part.unlink(missing_ok=True)
        return
    os.replace(part, archive)
    for path in dead:
        path.unlink()


# prometheus_client's file format, through its own reader and writer (which have no type hints).


def _values_in(path: Path) -> Iterator[tuple[str, float, float, int]]:
    return MmapedDict.read_all_values_from_file(str(path))  # type: ignore[no-any-return,no-untyped-call]


def _write(path: Path, values: dict[str, float]) -> None:
    path.unlink(missing_ok=True)  # a part left by a scrape that was killed
    needed = 8 + sum(len(key.encode()) + 36 for key in values)  # header; length, padding, 2 doubles
    with path.open("ab") as handle:
        os.posix_fallocate(handle.fileno(), 0, max(needed, 1 << 16))
    archive = MmapedDict(str(path))  # type: ignore[no-untyped-call]
    try:
        for key, value in values.items():
            archive.write_value(key, value, 0.0)  # type: ignore[no-untyped-call]
    finally:
        archive.close()  # type: ignore[no-untyped-call]
