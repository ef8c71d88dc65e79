"""How long to wait before trying again: twice as long after every failure in a row."""

from __future__ import annotations

import math


def backoff(failures: int, first: float = 1.0, longest: float = math.inf) -> float:
    """The wait after `failures` failures in a row: `first`, doubled each time, at most
    `longest` seconds."""
    return min(first * 2.0 ** max(failures - 1, 0), longest)
