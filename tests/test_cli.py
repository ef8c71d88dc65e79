"""The command line a script can rely on: import --wait, show --json, demo."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from django.core.management import call_command

from slideshelf.conversion.models import Status
from slideshelf.presentations.models import Presentation
from tests.conftest import CORPUS
from tests.processes import subprocess_env

pytestmark = pytest.mark.django_db(transaction=True)


def test_import_wait_prints_one_line_per_file_and_fails_when_any_failed(media, tmp_path, capsys):
    folder = tmp_path / "decks"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", folder / "a.pdf")
    shutil.copy(CORPUS / "broken/unst_password.pdf", folder / "sub" / "b.pdf")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", str(folder), "--wait", "--visibility", "unlisted")
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 2
    first_id, first_status, first_path = lines[0].split(" ", 2)
    assert (first_status, first_path) == ("ready", str(folder / "a.pdf"))
    assert lines[1].split(" ", 3)[1] == "failed" and "password-protected" in lines[1]
    assert "2 files: 1 failed, 1 ready" in err
    assert Presentation.objects.get(public_id=first_id).visibility == "unlisted"


def test_import_wait_exits_zero_when_all_converted(media, capsys):
    call_command("import", str(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"), "--wait")
    out, _ = capsys.readouterr()
    assert " ready " in out


def test_import_without_wait_only_queues(media, capsys):
    call_command("import", str(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"))
    out, _ = capsys.readouterr()
    assert " queued " in out
    assert Presentation.objects.get().conversion.status == Status.QUEUED


def test_show_json_has_the_promised_shape(media, capsys):
    call_command("import", str(CORPUS / "pptx/mkd_test.pptx"), "--wait")
    public_id = capsys.readouterr().out.split()[0]
    call_command("show", public_id, "--json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"id", "title", "language", "status", "error", "slide_count", "slides"}
    assert data["id"] == public_id and data["status"] == "ready" and data["slide_count"] == 6
    slides = data["slides"]
    assert set(slides[0]) == {
        *("number", "title", "text", "notes"),
        *("tables", "alt_texts", "ocr_text", "hidden", "source"),
    }
    assert slides[0]["title"].startswith("AutoGen")
    assert slides[1]["alt_texts"] == [
        "The first page of the AutoGen ArXiv paper. 44bf7d06-5e7a-4a40-a2e1-a2e42ef28c8a"
    ]
    assert slides[2]["tables"][0].startswith("ColA | ColB | ColC")
    assert slides[3]["tables"][0].startswith(" | Series 1\n2000 | 2000"), "chart data"
    assert {(s["source"], s["hidden"]) for s in slides} == {("structure", False)}
    # The picture of the paper's first page, read apart from the slide's own text
    assert "Multi-Agent" in slides[1]["ocr_text"] and "Multi-Agent" not in slides[1]["text"]
    assert not slides[0]["ocr_text"]


def test_demo_adds_its_decks_once(media, capsys):
    call_command("demo")
    count = Presentation.objects.count()
    assert count >= 6
    languages = set(Presentation.objects.values_list("language", flat=True))
    assert {"sv", "en"} <= languages
    call_command("demo")
    assert Presentation.objects.count() == count
    conference = Presentation.objects.filter(collection__isnull=False).first()
    assert conference.collection.date and conference.collection.place


def test_check_files_answers_to_the_name_the_readme_gives_it(media):
    done = subprocess.run(
        [sys.executable, "-m", "slideshelf", "check-files", "--checksums"],
        env=subprocess_env(media),
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert "0 found, 0 repaired" in done.stderr
