"""The whole data folder (database, media, search index, secret key) on a small disk that fills
while `slideshelf serve` converts: clear answers while it is full, nothing lost, and once there
is room again every deck converts and `check-files` finds nothing wrong.

Real processes over a data folder of the test's own, as a person runs slideshelf: not the
suite's test database. The folder is a tmpfs (mounting needs root; CI runs as root).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from tests.conftest import CORPUS, expected_slides
from tests.filesystems import fill, small_folder, unmount
from tests.processes import (
    alive,
    descendants,
    free_port,
    listening,
    stop,
    wait_until,
    without_settings,
)
from tests.uploading import BOUNDARY, multipart

pytestmark = [
    pytest.mark.slow,
    pytest.mark.office,
    pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root"),
]
SIZE = "48m"  # the database, the collected static files and the decks, with room to spare
BIG = "pptx/poi_2411-Performance_Up.pptx"  # 48 slides: still converting when the disk fills
MID_CONVERSION = ("pdf", "text", "images")  # stages: LibreOffice alone takes ~5 s
SMALL = ["pdf/pdfjs_german-umlaut-r.pdf", "pptx/mkd_test.pptx", "pptx/pypptx_tbl-cell.pptx"]
LATE = "pptx/pypptx_shp-groupshape.pptx"  # uploaded once there is room again
PASSWORD = "correct horse battery staple"
FULL_FOR = 10.0  # seconds the disk stays full once the worker has run into it


@pytest.fixture
def data_folder(tmp_path):
    folder = small_folder(tmp_path / "data", SIZE)
    yield folder
    unmount(folder)


def environment(folder: Path) -> dict[str, str]:
    """slideshelf's own settings over the folder, as `make run` has them (the secret key is
    made in the folder too), but pages rendered every time, view counts written at once and a
    dead worker noticed within seconds."""
    return {
        **without_settings(),
        "DJANGO_SETTINGS_MODULE": "slideshelf.settings",
        "SLIDESHELF_DATA_DIR": str(folder),
        "SLIDESHELF_PAGE_CACHE_SECONDS": "0",
        "SLIDESHELF_VIEW_COUNT_FLUSH_SECONDS": "0",
        "SLIDESHELF_WORKER_HEARTBEAT_SECONDS": "0.5",
        "SLIDESHELF_WORKER_STALE_SECONDS": "3",
        "SLIDESHELF_CONVERSION_RETRY_DELAY": "1",
    }


def slideshelf(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "slideshelf", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


class Visitor:
    """A browser's part: cookies, the CSRF token, and every answer's status kept."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.answers: list[tuple[str, int]] = []

    def get(self, path: str) -> tuple[int, bytes]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, parts: list[tuple[str, str | None, bytes]]) -> tuple[int, bytes]:
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), None) or ""
        body = multipart([("csrfmiddlewaretoken", None, token.encode()), *parts])
        request = urllib.request.Request(
            self.base + path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                "Accept": "application/json",
                "Referer": self.base + path,
            },
        )
        return self._open(request)

    def _open(self, request: urllib.request.Request) -> tuple[int, bytes]:
        try:
            with self.opener.open(request, timeout=60) as response:
                answer = response.status, response.read()
        except urllib.error.HTTPError as error:
            answer = error.code, error.read()
        self.answers.append((request.full_url, answer[0]))
        return answer

    def log_in(self, username: str, password: str) -> None:
        self.get("/login/")
        fields = {"username": username, "password": password}
        status, _ = self.post("/login/", [(k, None, v.encode()) for k, v in fields.items()])
        assert status == 200 and any(c.name == "sessionid" for c in self.cookies)

    def upload(self, relative: str) -> tuple[int, dict]:
        fields = {"visibility": "public", "licence": "cc-by-4.0"}
        parts = [(k, None, v.encode()) for k, v in fields.items()]
        parts.append(("file", Path(relative).name, (CORPUS / relative).read_bytes()))
        status, body = self.post("/upload/", parts)
        return status, json.loads(body or b"{}")

    def status(self, deck: dict) -> dict:
        code, body = self.get(deck["status_url"])
        assert code == 200, body[:500]
        return json.loads(body)


def start_serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "slideshelf", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            start_new_session=True,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def set_up(env: dict[str, str]) -> None:
    """What a person does once: the database, the static files, an account."""
    for args in (
        ("migrate", "--no-input"),
        ("collectstatic", "--no-input"),
        ("createsuperuser", "--no-input", "--username", "ada", "--email", "ada@example.org"),
    ):
        done = slideshelf({**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD}, *args)
        assert done.returncode == 0, done.stderr


def statuses(visitor: Visitor, decks: dict[str, dict]) -> dict[str, str]:
    return {name: visitor.status(deck)["status"] for name, deck in decks.items()}


def test_a_full_data_folder_loses_nothing_and_everything_converts_once_there_is_room(
    data_folder, tmp_path
):
    env = environment(data_folder)
    set_up(env)
    port, log = free_port(), tmp_path / "serve.log"
    serve = start_serve(env, port, log)
    filler = data_folder / "filler"
    try:
        wait_until(lambda: listening(port), timeout=60)
        visitor = Visitor(port)
        visitor.log_in("ada", PASSWORD)
        decks = {name: _uploaded(visitor, name) for name in [BIG, *SMALL]}
        wait_until(lambda: visitor.status(decks[BIG])["stage"] in MID_CONVERSION, timeout=120)
        _truncate_write_ahead_log(data_folder)
        fill(filler)
        while_full = _while_full(visitor, decks, log)
        filler.unlink()
        decks[LATE] = _uploaded(visitor, LATE)
        wait_until(lambda: set(statuses(visitor, decks).values()) == {"ready"}, timeout=240)
        pages = [visitor.get(deck["page_url"])[0] for deck in decks.values()]
        shown = {name: _shown(env, deck) for name, deck in decks.items()}
        wait_until(lambda: all(_found(visitor, deck) for deck in shown.values()), timeout=30)
        family = descendants(serve.pid)
        held = {path.name for path in data_folder.iterdir()}
        # Read before the stop: a worker stopping may say more (its signals are not this test's).
        output = log.read_text(errors="replace")
    finally:
        filler.unlink(missing_ok=True)
        stop(serve)
    assert {"slideshelf.sqlite3", "media", "search", "secret_key"} <= held
    assert while_full["upload"][0] == 507, while_full
    assert "no room for this file" in while_full["upload"][1]["error"]
    assert while_full["home"] == 200 and set(while_full["pages"]) == {200}
    assert "failed" not in while_full["seen"], while_full["seen"]
    assert set(pages) == {200}
    refused = [(url, status) for url, status in visitor.answers if status >= 500]
    assert refused == [(visitor.base + "/upload/", 507)], "no 5xx but the upload refused"
    assert re.findall(r'"[A-Z]+ (\S+) HTTP/1.1" (5\d\d) ', output) == [("/upload/", "507")]
    assert "Traceback" not in output, output[-5000:]
    assert "the worker exited" not in output and "the worker was stopped" not in output
    for name, deck in shown.items():
        assert deck["status"] == "ready" and deck["slide_count"] == expected_slides(name)
    assert len(_column(data_folder, "presentations_presentation", "id")) == len(decks), (
        "the refused upload left no deck"
    )
    assert _column(data_folder, "conversion_conversion", "attempts") == [1] * len(decks), (
        "the full disk cost no deck an attempt"
    )
    checked = slideshelf(env, "check-files", "--checksums")
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr
    wait_until(lambda: not [pid for pid in family if alive(pid)], timeout=20)


def _uploaded(visitor: Visitor, name: str) -> dict:
    status, deck = visitor.upload(name)
    assert status == 201, deck
    return deck


def _shown(env: dict[str, str], deck: dict) -> dict:
    return json.loads(slideshelf(env, "show", "--json", deck["id"]).stdout)


def _found(visitor: Visitor, deck: dict) -> bool:
    """The search index has the deck: a search for the longest word of its title finds it."""
    word = max(re.findall(r"[^\W\d_]+", deck["title"]), key=len)
    status, page = visitor.get(f"/search/?q={urllib.parse.quote(word)}")
    return status == 200 and f"/p/{deck['id']}/".encode() in page


def _truncate_write_ahead_log(folder: Path) -> None:
    """Every write from now on needs new room (as after a restart): SQLite would otherwise
    reuse the room a checkpointed write-ahead log already holds."""
    with sqlite3.connect(folder / "slideshelf.sqlite3", timeout=20) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _while_full(visitor: Visitor, decks: dict[str, dict], log: Path) -> dict:
    """What visitors get while the disk is full, and every status the decks go through: until
    FULL_FOR seconds after the worker has run into the full disk."""
    seen: set[str] = set()
    home = visitor.get("/")[0]
    upload = visitor.upload(LATE)
    started, met = time.monotonic(), None
    while met is None or time.monotonic() < met + FULL_FOR:
        assert time.monotonic() < started + 120, "the worker never ran into the full disk"
        seen |= set(statuses(visitor, decks).values())
        if met is None and "the disk is full" in log.read_text(errors="replace"):
            met = time.monotonic()
        time.sleep(0.5)
    pages = [visitor.get(deck["page_url"])[0] for deck in decks.values()]
    return {"home": home, "upload": upload, "pages": pages, "seen": seen}


def _column(folder: Path, table: str, column: str) -> list[int]:
    with sqlite3.connect(f"file:{folder / 'slideshelf.sqlite3'}?mode=ro", uri=True) as db:
        values = [value for (value,) in db.execute(f"SELECT {column} FROM {table}")]
    db.close()
    return values
