"""Every benchmark module imports in a fresh interpreter with no Django settings, as
`python -m bench` and the render pool's processes import them: settings come later, from
`bench/environment.py`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.processes import without_settings

REPO = Path(__file__).resolve().parents[1]
# URL and WSGI modules of the hello route: gunicorn loads them with their own settings.
SERVED = {"hello_settings", "hello_urls", "hello_wsgi"}


def test_every_benchmark_imports_before_settings_exist():
    names = sorted(
        f"bench.{path.stem}"
        for path in (REPO / "bench").glob("*.py")
        if path.stem not in SERVED | {"__init__", "__main__"}
    )
    imported = subprocess.run(
        [sys.executable, "-c", f"import {', '.join(names)}"],
        cwd=REPO,
        env=without_settings(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr
    assert "bench.conversion" in names and "bench.search" in names
