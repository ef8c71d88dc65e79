"""What the programs that open uploaded files may do: LibreOffice and the PDF processes (pdfium)
run as a user of their own without capabilities, within memory and CPU-time caps, with a
scrubbed environment and no network, seeing only the folder lent to them. Tesseract, which
reads only its input and writes only its output: the same, as `nobody`.

They parse whatever people upload, so a flaw in them must not reach the database, the secret
key or another deck. Each warm office and each worker's PDF processes get a user id of their
own (a slot from a small range, held with a lock for the worker's lifetime): no two can read
each other's files. Switching users needs root; where a guard cannot be had, `missing` says
which, for the log and `slideshelf check`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import IO

from slideshelf.lib import scratch

log = logging.getLogger(__name__)

UID_SLOTS = 64
NOBODY = 65534
WITHOUT_PRIVILEGES = ("--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs")
PATH = "/usr/local/bin:/usr/bin:/bin"


@dataclass(frozen=True)
class Limits:
    memory_bytes: int  # address space of every contained process; 0: no cap
    cpu_seconds: int  # per conversion
    uid_base: int  # first of UID_SLOTS user ids contained programs run as, when the worker is root


@dataclass(frozen=True)
class Containment:
    prefix: tuple[str, ...]  # the commands the program is started under
    uid: int | None  # the program's own user id, or None: the worker's
    missing: tuple[str, ...]  # guards this machine cannot give, in words

    def as_worker(self, reason: str) -> Containment:
        """The same guards but the worker's user: for a program that user cannot start."""
        release_uid(self.uid)
        switcher = shutil.which("setpriv")
        prefix = self.prefix
        if switcher in prefix:
            prefix = prefix[: prefix.index(switcher)]
        return replace(self, prefix=prefix, uid=None, missing=(*self.missing, reason))


def contain(limits: Limits, isolate_network: bool) -> Containment:
    """The prefix that starts a new program contained, and what it lacks."""
    missing = missing_guards(isolate_network)
    prefix: list[str] = [*network_isolation_prefix()] if isolate_network else []
    limiter, switcher = shutil.which("prlimit"), shutil.which("setpriv")
    if limiter:
        memory = limits.memory_bytes or "unlimited"
        prefix += [limiter, f"--as={memory}", f"--cpu={2 * limits.cpu_seconds}"]
    uid = _claim_uid(limits.uid_base) if switcher else None
    if uid is not None and switcher:
        prefix += [switcher, f"--reuid={uid}", f"--regid={uid}", *WITHOUT_PRIVILEGES]
    elif not missing:
        missing.append(f"a user of its own (all {UID_SLOTS} user ids are taken)")
    return Containment(tuple(prefix), uid, tuple(missing))


@cache
def filter_prefix(memory_bytes: int, cpu_seconds: int) -> tuple[str, ...]:
    """The commands a program that reads stdin and writes stdout only is started under."""
    prefix: list[str] = []
    limiter, switcher = shutil.which("prlimit"), shutil.which("setpriv")
    if limiter:
        prefix += [limiter, f"--as={memory_bytes}", f"--cpu={cpu_seconds}"]
    if switcher and os.geteuid() == 0:
        prefix += [switcher, f"--reuid={NOBODY}", f"--regid={NOBODY}", *WITHOUT_PRIVILEGES]
    return tuple(prefix)


def missing_guards(isolate_network: bool) -> list[str]:
    """The guards this machine cannot give, in words for the log and checks."""
    missing = []
    if isolate_network and not network_isolation_prefix():
        missing.append("a network namespace (it has the profile's guards only)")
    if not shutil.which("prlimit"):
        missing.append("memory and CPU-time caps (prlimit is not installed)")
    if os.geteuid() != 0:
        missing.append("a user of its own (the worker does not run as root)")
    elif not shutil.which("setpriv"):
        missing.append("a user of its own (setpriv is not installed)")
    return missing


def hand_over(folder: Path, uid: int | None) -> None:
    """Make `folder` and everything in it the contained program's own, and no one else's."""
    folder.chmod(0o700)
    if uid is None:
        return
    for path in (folder, *folder.rglob("*")):
        os.chown(path, uid, uid, follow_symlinks=False)


class PlantedLink(Exception):
    """A contained program left something other than files and folders where it wrote."""


@contextmanager
def lent(folder: Path, uid: int | None) -> Iterator[None]:
    """`folder` is the contained program's for the length of the block, then the worker's."""
    hand_over(folder, uid)
    try:
        yield
    finally:
        take_back(folder, uid)


def take_back(folder: Path, uid: int | None) -> None:
    """Make `folder` the worker's again, and check what the program left in it.

    A program that a hostile file took over could leave a link to the database where the
    worker expects a slide image, for the worker to publish. So each folder is taken back
    before it is looked into (the program can no longer add to it), and whatever is not a
    plain file or folder is removed and reported with `PlantedLink`.
    """
    planted = _take_back(folder, uid is not None)
    if planted:
        raise PlantedLink(", ".join(planted))


def _take_back(folder: Path, chown: bool) -> list[str]:
    if chown:
        os.chown(folder, os.getuid(), os.getgid(), follow_symlinks=False)
    planted = []
    for entry in os.scandir(folder):
        mode = entry.stat(follow_symlinks=False).st_mode
        path = Path(entry.path)
        if stat.S_ISDIR(mode):
            planted += _take_back(path, chown)
        elif not stat.S_ISREG(mode):
            path.unlink()
            planted.append(entry.name)
        elif chown:
            os.chown(path, os.getuid(), os.getgid(), follow_symlinks=False)
    return planted


def scrubbed_environment(home: Path) -> dict[str, str]:
    """All a contained program is told: none of the worker's variables (database address, keys)."""
    return {"PATH": PATH, "HOME": str(home), "TMPDIR": str(home), "LANG": "C.UTF-8"}


def office_environment(home: Path) -> dict[str, str]:
    # fontconfig and Java caches go into HOME, the throw-away profile folder
    return {**scrubbed_environment(home), "SAL_USE_VCLPLUGIN": "svp"}


def cpu_used(process_group: int) -> float:
    """CPU seconds a contained program's processes have used since it started.

    A program may use twice the per-conversion cap in its life; one that has used more than
    the cap is restarted before the next conversion, so each has at least the cap. (Setting a
    running process's limit from outside needs CAP_SYS_RESOURCE, which containers often lack.)
    """
    return sum(_cpu_seconds(pid) for pid in _members(process_group))


def _members(process_group: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == process_group:
                    members.append(int(entry.name))
            except ProcessLookupError:
                continue
    return members


def _cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0  # gone
    fields = stat.rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime and stime
    return ticks / os.sysconf("SC_CLK_TCK")


_held: dict[int, IO[bytes]] = {}


def _claim_uid(base: int) -> int | None:
    """A user id no other contained program has, held until this process ends; None unless root."""
    if os.geteuid() != 0:
        return None
    for slot in range(UID_SLOTS):
        uid = base + slot
        if uid in _held:
            continue
        lock = (scratch.ROOT.parent / f"slideshelf-office-{uid}.lock").open("ab")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        _held[uid] = lock
        return uid
    return None


def release_uid(uid: int | None) -> None:
    lock = _held.pop(uid, None) if uid is not None else None
    if lock is not None:
        lock.close()


@cache
def network_isolation_prefix() -> tuple[str, ...]:
    """`unshare` arguments that give LibreOffice a network namespace with no interfaces.

    The UNO pipe is a Unix socket on the file system, which still works inside the new
    namespace. Where namespaces are not allowed, the profile's settings still block remote
    links; we log that the stronger guard is missing.
    """
    unshare = shutil.which("unshare")
    if not unshare:
        return ()
    candidates: list[tuple[str, ...]] = [(unshare, "--net")] if os.geteuid() == 0 else []
    candidates.append((unshare, "--user", "--map-root-user", "--net"))
    for prefix in candidates:
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return prefix
    log.warning("cannot create a network namespace; LibreOffice runs with profile guards only")
    return ()
