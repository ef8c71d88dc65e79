"""`serve` and `worker` on a data folder as people bring them: only migrated, or not at all.

Each runs with slideshelf's own settings (not the suite's), in a data folder of its own, as
a new volume or a moved folder would be.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.request

import pytest

from tests.processes import free_port, stop, wait_until, without_settings

pytestmark = pytest.mark.slow

SLIDESHELF = [sys.executable, "-m", "slideshelf"]


@pytest.fixture
def fresh_site(tmp_path) -> dict[str, str]:
    """The environment of a site whose data folder is empty."""
    return {
        **without_settings(),
        "DJANGO_SETTINGS_MODULE": "slideshelf.settings",
        "SLIDESHELF_DATA_DIR": str(tmp_path / "data"),
    }


def run(env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SLIDESHELF, *command], env=env, capture_output=True, text=True, timeout=120
    )


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def answered(url: str) -> tuple[int, bytes] | None:
    """The status and body once the server answers at all."""
    status, body = fetch(url)
    return (status, body) if status else None


def test_serve_on_a_folder_that_was_only_migrated_collects_the_static_files_and_answers(
    fresh_site,
):
    assert run(fresh_site, "migrate", "--no-input").returncode == 0
    port = free_port()
    serve = subprocess.Popen(
        [*SLIDESHELF, "serve", "--port", str(port), "--workers", "1"],
        env=fresh_site,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        status, page = wait_until(lambda: answered(f"http://127.0.0.1:{port}/"))
        stylesheet = page.decode().split('rel="stylesheet" href="')[1].split('"')[0]
        style_status, style = fetch(f"http://127.0.0.1:{port}{stylesheet}")
    finally:
        stop(serve)
    assert status == 200
    assert style_status == 200 and b"{" in style
    assert "Collected the static files" in serve.stdout.read()


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_a_folder_that_was_never_migrated_is_refused_with_the_command_to_run(fresh_site, command):
    started = run(fresh_site, command)
    assert started.returncode == 1
    assert "run `slideshelf migrate` first" in started.stderr
    assert "Traceback" not in started.stderr


def test_a_database_that_does_not_answer_is_named_not_traced(fresh_site):
    fresh_site["SLIDESHELF_DATABASE_URL"] = f"postgres://nobody@127.0.0.1:{free_port()}/none"
    started = run(fresh_site, "worker")
    assert started.returncode == 1
    assert "slideshelf cannot reach its database" in started.stderr
    assert "SLIDESHELF_DATABASE_URL" in started.stderr
    assert "Traceback" not in started.stderr
