"""How much work a benchmark run does: `python -m bench`, `--quick` or `--smoke`."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    FULL = "full"
    QUICK = "quick"  # a few files a folder, one repetition, 20,000 search slides
    SMOKE = "smoke"  # every code path once on tiny inputs, for CI; the figures mean nothing
