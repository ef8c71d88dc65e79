"""LibreOffice runs contained: its own user without capabilities, memory and CPU-time caps, a
scrubbed environment, no network, and only its own folder to read and write.

Read from /proc of the real soffice.bin, and tried from inside: a program started exactly as
the office is cannot open the database, the secret key or another office's folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from slideshelf.conversion.containment import office_environment
from slideshelf.conversion.office.client import OfficeClient, Output
from slideshelf.lib.secret import keep_private
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.processes import limit, office_client, office_processes, status

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="'make test' runs as root in CI"),
    SQLITE_PASS_ONLY,
]
CONVERTED = [CORPUS / "pptx/mkd_test.pptx"]


@pytest.fixture
def office(tmp_path):
    client = office_client(timeout=60, restart_after=5)
    client.convert(str(CONVERTED[0]), [Output(str(tmp_path / "first.pdf"), "impress_pdf_Export")])
    yield client
    client.stop()


def run_as(office: OfficeClient, code: str) -> subprocess.CompletedProcess[str]:
    """Python run exactly as the office is started: same prefix, same environment."""
    return subprocess.run(
        [*office.containment.prefix, settings.OFFICE_PYTHON, "-c", code],
        capture_output=True,
        text=True,
        env=office_environment(Path("/")),
        check=False,
    )


def test_the_office_runs_as_its_own_user_without_any_capability(office):
    pids = office_processes(office)
    assert pids, "soffice.bin runs"
    for pid in pids:
        seen = status(pid)
        uids = set(seen["Uid"].split())
        assert uids == {str(office.containment.uid)} and "0" not in uids
        assert set(seen["Gid"].split()) == {str(office.containment.uid)}
        assert seen["Groups"] == ""
        for capabilities in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
            assert int(seen[capabilities], 16) == 0, capabilities
        assert seen["NoNewPrivs"] == "1"


def test_the_office_has_a_memory_cap_and_a_cpu_time_cap_per_conversion(office):
    for pid in office_processes(office):
        assert limit(pid, "Max address space") == (str(office.limits.memory_bytes),) * 2
        # Twice the per-conversion cap in its life; restarted once it has used the cap.
        assert limit(pid, "Max cpu time") == (str(2 * office.limits.cpu_seconds),) * 2


def test_the_office_is_told_nothing_of_the_workers_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SLIDESHELF_DATABASE_URL", "postgres://user:password@db/slideshelf")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "never-to-leave-the-worker")
    office = office_client(timeout=60, restart_after=5)
    try:
        office.convert(str(CONVERTED[0]), [Output(str(tmp_path / "x.pdf"), "impress_pdf_Export")])
        for pid in office_processes(office):
            environ = Path(f"/proc/{pid}/environ").read_bytes()
            assert b"password" not in environ and b"never-to-leave" not in environ
            names = {entry.split(b"=", 1)[0].decode() for entry in environ.split(b"\0") if entry}
            assert "PATH" in names and "HOME" in names
            assert not {name for name in names if name.startswith(("SLIDESHELF_", "AWS_"))}
    finally:
        office.stop()


def test_the_office_can_open_neither_the_database_nor_the_secret_key(office, tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)  # as `mkdir` makes it, readable by everyone
    (data / "slideshelf.sqlite3").write_text("rows")
    (data / "slideshelf.sqlite3").chmod(0o644)
    (data / "secret_key").write_text("key")
    keep_private(data)
    for path in (
        data / "slideshelf.sqlite3",
        data / "secret_key",
        settings.DATABASES["default"]["TEST"]["NAME"]
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        else data / "secret_key",
    ):
        tried = run_as(office, f"open({str(path)!r}).read()")
        assert tried.returncode != 0 and "PermissionError" in tried.stderr, path
    public = Path(tempfile.mkdtemp())
    try:
        public.chmod(0o755)
        (public / "public.txt").write_text("x")
        tried = run_as(office, f"open({str(public / 'public.txt')!r}).read()")
        assert tried.returncode == 0, "the probe works"
    finally:
        shutil.rmtree(public)


def test_one_office_cannot_read_another_offices_folder(office, tmp_path):
    other = office_client(timeout=60, restart_after=5)
    try:
        other.restart()
        assert other.containment.uid != office.containment.uid
        folder = other._profile
        assert folder is not None
        tried = run_as(office, f"import os; print(os.listdir({str(folder)!r}))")
        assert tried.returncode != 0 and "PermissionError" in tried.stderr
    finally:
        other.stop()


def test_memory_beyond_the_cap_is_refused_to_what_runs_as_the_office(office):
    beyond = office.limits.memory_bytes + 2**20
    tried = run_as(office, f"bytearray({beyond})")
    assert tried.returncode != 0 and "MemoryError" in tried.stderr
    assert run_as(office, f"bytearray({2**20})").returncode == 0, "the probe works"


def test_what_this_machine_cannot_give_is_said_at_start(monkeypatch):
    from django.core.checks import run_checks

    assert not [m for m in run_checks() if m.id == "slideshelf.W003"], "root gives every guard"
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    (warning,) = [m for m in run_checks() if m.id == "slideshelf.W003"]
    assert "a user of its own (the worker does not run as root)" in warning.msg


def test_text_recognition_runs_as_nobody_without_privileges_within_caps():
    from slideshelf.conversion.containment import NOBODY, filter_prefix
    from slideshelf.conversion.ocr import OCR_MEMORY_BYTES, OCR_TIMEOUT

    probe = "import os; print(os.getuid(), os.getgid(), os.getgroups())"
    prefix = filter_prefix(OCR_MEMORY_BYTES, OCR_TIMEOUT)
    seen = subprocess.run(
        [*prefix, settings.OFFICE_PYTHON, "-c", probe], capture_output=True, text=True, check=True
    )
    assert seen.stdout.split() == [str(NOBODY), str(NOBODY), "[]"]
    tried = subprocess.run(
        [*prefix, settings.OFFICE_PYTHON, "-c", f"bytearray({OCR_MEMORY_BYTES})"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "MemoryError" in tried.stderr


def test_a_link_where_the_office_should_have_written_its_pdf_is_not_taken(tmp_path):
    from slideshelf.conversion.office.client import _plain_file

    (tmp_path / "deck.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "planted.pdf").symlink_to(tmp_path / "deck.pdf")
    assert _plain_file(str(tmp_path / "deck.pdf"))
    assert not _plain_file(str(tmp_path / "planted.pdf"))
    assert not _plain_file(str(tmp_path / "missing.pdf"))
