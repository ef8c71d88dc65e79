"""How much work a benchmark run does: `python -m bench`, `--quick` or `--smoke`."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    FULL = "full"
    QUICK = "quick"  # a few files a folder, one repetition, 20,000 search slides
    SMOKE = "smoke"  # every code path once on tiny inputs, for CI; the figures mean nothing

    @classmethod
    def of(cls, *, smoke: bool, quick: bool) -> Mode:
        """The mode that the command line's --smoke and --quick ask for."""
        if smoke:
            return cls.SMOKE
        return cls.QUICK if quick else cls.FULL
