from __future__ import annotations

import os
import threading

import pytest
from django.conf import settings

from slideshelf.conversion.errors import PermanentError, TransientError
from slideshelf.conversion.office.client import Output, office_available
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.processes import alive, office_client, office_processes

pytestmark = [
    pytest.mark.skipif(
        not office_available(settings.SOFFICE, settings.OFFICE_PYTHON),
        reason="LibreOffice is installed by 'make test' as root",
    ),
    SQLITE_PASS_ONLY,
]


@pytest.fixture
def office():
    client = office_client(timeout=60, restart_after=2)
    yield client
    client.stop()


def test_ppt_becomes_a_pdf_and_a_pptx_in_one_load(office, tmp_path):
    pdf, pptx = tmp_path / "deck.pdf", tmp_path / "deck.pptx"
    result = office.convert(
        str(CORPUS / "ppt/poi_bullets.ppt"),
        [Output(str(pdf), "impress_pdf_Export"), Output(str(pptx), "Impress Office Open XML")],
    )
    assert result.slides >= 1
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pptx.read_bytes().startswith(b"PK")


def test_office_stays_warm_between_jobs_and_restarts_after_n(office, tmp_path):
    source = str(CORPUS / "pptx/mkd_test.pptx")
    for _ in range(3):
        office.convert(source, [Output(str(tmp_path / "x.pdf"), "impress_pdf_Export")])
    assert office.starts == 2  # jobs 1–2 on the first process, job 3 on a fresh one


def test_timeout_kills_the_whole_process_group(tmp_path):
    client = office_client(timeout=0.3, restart_after=5)
    try:
        client.restart()
        pid = client.pid
        with pytest.raises(TransientError, match="longer than"):
            client.convert(
                str(CORPUS / "odp/odft_perf_Presentation5_800slides.odp"),
                [Output(str(tmp_path / "x.pdf"), "impress_pdf_Export")],
            )
        assert client.pid is None
        assert not alive(pid)
    finally:
        client.stop()


def test_unreadable_file_fails_permanently_and_the_next_file_converts(office, tmp_path):
    with pytest.raises(PermanentError, match="could not read"):
        office.convert(
            str(CORPUS / "broken/poi_clusterfuzz-POIHSLFFuzzer-6614960949821440.ppt"),
            [Output(str(tmp_path / "bad.pdf"), "impress_pdf_Export")],
        )
    result = office.convert(
        str(CORPUS / "pptx/mkd_test.pptx"), [Output(str(tmp_path / "ok.pdf"), "impress_pdf_Export")]
    )
    assert result.slides > 0


def test_office_runs_without_network_interfaces(office):
    from slideshelf.conversion.containment import network_isolation_prefix

    prefix = network_isolation_prefix()
    if not prefix:
        pytest.skip("this machine allows no network namespaces")
    office.restart()
    with open(f"/proc/{office.pid}/net/dev") as handle:
        interfaces = [line.split(":")[0].strip() for line in handle.readlines()[2:]]
    assert interfaces == ["lo"]


def test_a_file_is_called_damaged_only_after_a_fresh_office_fails_too(office, tmp_path):
    with pytest.raises(PermanentError, match="could not read"):
        office.convert(
            str(CORPUS / "broken/poi_clusterfuzz-POIHSLFFuzzer-6614960949821440.ppt"),
            [Output(str(tmp_path / "bad.pdf"), "impress_pdf_Export")],
        )
    assert office.starts == 2


@pytest.mark.parametrize("after", [0.1, 0.4, 0.8, 1.5])
def test_a_killed_office_is_never_blamed_on_the_file(office, tmp_path, after):
    office.restart()
    killer = threading.Timer(after, lambda: [os.kill(pid, 9) for pid in office_processes(office)])
    killer.start()
    try:
        office.convert(
            str(CORPUS / "pptx/poi_2411-Performance_Up.pptx"),
            [Output(str(tmp_path / "x.pdf"), "impress_pdf_Export")],
        )
    except TransientError:
        pass  # the crash is the machinery's: the job is retried
    finally:
        killer.join()


def test_a_lock_file_left_by_a_killed_office_does_not_make_the_file_damaged(office, tmp_path):
    """An office killed while storing leaves `.~lock.<name>#`; the next must store anyway."""
    target = tmp_path / "x.pdf"
    (tmp_path / ".~lock.x.pdf#").write_text("root,root,elsewhere,29.11.2026 03:00,file:///x;\n")
    result = office.convert(
        str(CORPUS / "pptx/mkd_test.pptx"), [Output(str(target), "impress_pdf_Export")]
    )
    assert result.slides == 6 and target.read_bytes().startswith(b"%PDF")
