"""pdfium runs contained, as LibreOffice does: the PDF processes have a user of their own
without capabilities, memory and CPU-time caps, a scrubbed environment, and only the folder
lent to them; what they answer is checked, and what they leave behind is taken back.

Read from /proc of the real processes, and tried from inside with a program started exactly
as they are.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings

from slideshelf.conversion.containment import (
    Limits,
    PlantedLink,
    cpu_used,
    lent,
    scrubbed_environment,
)
from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.extractors.pdf import DAMAGED_PAGE
from slideshelf.conversion.pdf_pool import PdfPool, _result
from slideshelf.conversion.pdf_process import Garbled
from slideshelf.conversion.render import RenderSettings
from slideshelf.lib.secret import keep_private
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.processes import limit, pdf_pool, status

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="'make test' runs as root in CI"),
    SQLITE_PASS_ONLY,
]
PDF = CORPUS / "pdf/odft_2023_LibOCon_Bukarest_ODF_and_its_Toolkit.pdf"


@pytest.fixture
def pool():
    pool = pdf_pool(processes=1)
    yield pool
    pool.shutdown()


@pytest.fixture
def pdf(workspace) -> str:
    shutil.copyfile(PDF, workspace / "deck.pdf")
    return str(workspace / "deck.pdf")


def pids(pool: PdfPool) -> list[int]:
    return [process.pid for process in pool._running]


def run_as(pool: PdfPool, code: str) -> subprocess.CompletedProcess[str]:
    """Python run exactly as the PDF processes are started: same prefix, same environment."""
    return subprocess.run(
        [*pool.containment.prefix, sys.executable, "-I", "-c", code],
        capture_output=True,
        text=True,
        cwd="/",
        env=scrubbed_environment(Path("/")),
        check=False,
    )


def test_pdf_processes_run_as_their_own_user_without_capabilities_within_caps(pool, pdf):
    os.environ["SLIDESHELF_TEST_SECRET"] = "never-to-leave-the-worker"
    try:
        assert pool.page_count(pdf) > 1
    finally:
        del os.environ["SLIDESHELF_TEST_SECRET"]
    (pid,) = pids(pool)
    seen = status(pid)
    uid = pool.containment.uid
    assert uid is not None and set(seen["Uid"].split()) == {str(uid)}
    assert set(seen["Gid"].split()) == {str(uid)} and seen["Groups"] == ""
    for capabilities in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert int(seen[capabilities], 16) == 0, capabilities
    assert seen["NoNewPrivs"] == "1"
    assert limit(pid, "Max address space") == (str(pool.limits.memory_bytes),) * 2
    assert limit(pid, "Max cpu time") == (str(2 * pool.limits.cpu_seconds),) * 2
    environ = Path(f"/proc/{pid}/environ").read_bytes()
    names = {entry.split(b"=", 1)[0].decode() for entry in environ.split(b"\0") if entry}
    assert names == {"PATH", "HOME", "TMPDIR", "LANG"} and b"never-to-leave" not in environ


def test_the_folder_lent_comes_back_to_the_worker(pool, pdf, workspace):
    pool.render(pdf, 2, str(workspace / "images"), RenderSettings(320, 160))
    for path in (workspace, *workspace.rglob("*")):
        assert path.lstat().st_uid == os.getuid(), path
    assert (workspace.stat().st_mode & 0o777) == 0o700


def test_a_pdf_process_can_open_neither_the_database_nor_the_secret_key(pool, tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "slideshelf.sqlite3").write_text("rows")
    (data / "slideshelf.sqlite3").chmod(0o644)
    (data / "secret_key").write_text("key")
    keep_private(data)
    for path in (data / "slideshelf.sqlite3", data / "secret_key"):
        tried = run_as(pool, f"open({str(path)!r}).read()")
        assert tried.returncode != 0 and "PermissionError" in tried.stderr, path
    assert run_as(pool, "import pypdfium2").returncode == 0, "the probe works"


def test_the_pdf_processes_of_two_workers_cannot_read_each_others_folders(pool, pdf):
    other = pdf_pool(processes=1)
    try:
        assert pool.page_count(pdf) and other.page_count(pdf)
        assert other.containment.uid != pool.containment.uid
        tried = run_as(pool, f"import os; print(os.listdir({str(other._home)!r}))")
        assert tried.returncode != 0 and "PermissionError" in tried.stderr
    finally:
        other.shutdown()


def test_a_link_left_where_a_process_draws_is_removed_before_the_worker_looks(pool, workspace):
    images = workspace / "images"
    images.mkdir()
    secret = Path(settings.DATA_DIR) / "secret_key"
    plant = f"import os; os.symlink({str(secret)!r}, {str(images / '1.webp')!r})"
    with pytest.raises(PlantedLink, match=r"1\.webp"), lent(workspace, pool.containment.uid):
        assert run_as(pool, plant).returncode == 0
    assert not os.path.lexists(images / "1.webp")
    assert images.lstat().st_uid == os.getuid()


def test_a_job_whose_folder_holds_a_link_is_retried_with_fresh_processes(pool, pdf, workspace):
    assert pool.page_count(pdf)
    before = pids(pool)
    (workspace / "planted").symlink_to("/etc/passwd")
    with pytest.raises(TransientError, match="crashed"):
        pool.page_count(pdf)
    assert not os.path.lexists(workspace / "planted")
    assert pool.page_count(pdf) and pids(pool) != before


def test_a_killed_pdf_process_fails_its_job_alone_and_is_replaced(pool, pdf, workspace):
    pages = pool.page_count(pdf)
    (first,) = pids(pool)
    killer = threading.Timer(0.3, os.kill, (first, signal.SIGKILL))
    killer.start()
    with pytest.raises(TransientError, match="crashed"):
        pool.render(pdf, pages, str(workspace / "killed"), RenderSettings(width=2400))
    killer.join()
    (image,) = pool.render(pdf, 1, str(workspace / "next"), RenderSettings(320, 160))
    assert image.width == 320 and pids(pool) != [first]


def test_a_file_that_takes_more_cpu_than_the_cap_fails_its_job_not_the_next(workspace, pdf):
    one_second = PdfPool(1, Limits(2**31, 1, settings.OFFICE_UID_BASE))
    try:
        heavy = RenderSettings(width=8000, max_pixels=60_000_000)  # seconds a page
        with pytest.raises(TransientError, match="crashed"):  # killed at twice the cap
            one_second.render(pdf, 4, str(workspace / "slow"), heavy)
        assert one_second.page_count(pdf) > 1
        (pid,) = pids(one_second)
        assert limit(pid, "Max cpu time") == ("2", "2")
    finally:
        one_second.shutdown()


def test_a_process_that_has_used_its_cap_is_restarted_before_the_next_job(pdf, workspace):
    pool = PdfPool(1, Limits(2**31, 2, settings.OFFICE_UID_BASE))
    try:
        assert pool.page_count(pdf)
        (first,) = pids(pool)
        for _ in range(200):  # a page at a time, until the process has used its cap
            if cpu_used(first) > pool.limits.cpu_seconds:
                break
            pool.render(pdf, 1, str(workspace / "images"), RenderSettings(width=1600))
        assert pids(pool) == [first] and cpu_used(first) > pool.limits.cpu_seconds
        assert pool.page_count(pdf) and pids(pool) != [first]
    finally:
        pool.shutdown()


def test_only_what_a_pdf_process_may_say_is_believed():
    with pytest.raises(PermanentError, match="Page 3"):
        _result({"error": "permanent", "msgid": DAMAGED_PAGE, "params": {"number": "3"}})
    with pytest.raises(PermanentError, match="more memory"):
        _result({"error": "memory"})
    for answer in (
        {"error": "permanent", "msgid": "Your deck was deleted; sign in at evil.example"},
        {"error": "permanent", "msgid": DAMAGED_PAGE, "params": {"number": "<script>"}},
        {"error": "permanent", "msgid": DAMAGED_PAGE, "params": {"path": "/etc"}},
        {"error": "whatever"},
        ["result"],
    ):
        with pytest.raises(Garbled):
            _result(answer)
    assert _result({"result": [1, 2]}) == [1, 2]


def test_only_scratch_folders_are_ever_lent(pool, tmp_path):
    shutil.copyfile(PDF, tmp_path / "deck.pdf")
    before = tmp_path.stat()
    with pytest.raises(ValueError, match="scratch"):
        pool.page_count(str(tmp_path / "deck.pdf"))
    assert tmp_path.stat().st_uid == before.st_uid and tmp_path.stat().st_mode == before.st_mode
