"""Bar charts as numbers for a template to draw in SVG: where each bar stands and how tall.

The SVG's viewBox is WIDTH × HEIGHT and it scales to its box, so a phone's 320 pixels show the
whole chart. No text is drawn inside it: the page says what the chart says, in its table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 600
HEIGHT = 160
GAP = 0.2  # of each bar's slot, between bars
LEAST = 1.0  # the height of a bar above zero, however small beside the highest


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]


def bar_chart(values: Sequence[float], top: float | None = None) -> BarChart:
    """One bar for each value, left to right, the tallest (or `top`) as high as the chart."""
    highest = max([top or 0.0, *values, 0.0])
    slot = WIDTH / max(len(values), 1)
    bars = []
    for number, value in enumerate(values):
        height = HEIGHT * value / highest if highest else 0.0
        height = max(height, LEAST) if value > 0 else 0.0
        bars.append(
            Bar(
                x=round(number * slot + slot * GAP / 2, 2),
                y=round(HEIGHT - height, 2),
                width=round(slot * (1 - GAP), 2),
                height=round(height, 2),
            )
        )
    return BarChart(WIDTH, HEIGHT, bars)
