from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def manifest() -> dict[str, str]:
    """Corpus path (relative to the corpus folder) -> description."""
    with (CORPUS / "MANIFEST.tsv").open(newline="") as handle:
        return {row["path"]: row["description"] for row in csv.DictReader(handle, delimiter="\t")}


def expected_slides(relative: str) -> int | None:
    match = re.search(r"(?:slides|pages)=(\d+)", manifest().get(relative, ""))
    return int(match.group(1)) if match else None


@pytest.fixture
def media(settings, tmp_path):
    """A fresh media folder for the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
