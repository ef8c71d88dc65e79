"""A chart's data as a slide table: the layout of the chart's own data sheet.

One row per category (or x value), one column per series, a header row of series names:
how PowerPoint's and LibreOffice's data sheets show a chart's data, short lines however many
categories there are, and a pie chart's slices become "slice | value" rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

# A chart of more points is a plot of measurements, not figures anyone reads one by one;
# its first rows still say what it holds, and its text stays the size of a slide's.
MAX_ROWS = 500


@dataclass(frozen=True)
class Series:
    """One series as shown: its values, and the category (or x value) of each, by point."""

    name: str
    labels: Mapping[int, str]  # empty: none of its own (the chart numbers the points)
    values: Mapping[int, str]
    sizes: Mapping[int, str] = field(default_factory=dict)  # bubble charts: each bubble's size


def table_text(series: Sequence[Series]) -> str:
    """The series as table text, one row a line and " | " between cells, as slide tables are."""
    rows = [row for labels, block in _blocks(series) for row in _rows(labels, block) if any(row)]
    return "\n".join(" | ".join(row) for row in rows[:MAX_ROWS])


def _blocks(series: Sequence[Series]) -> Iterator[tuple[dict[int, str], list[Series]]]:
    """Runs of series whose categories agree, with the categories they have between them.

    Series on one axis may cache fewer categories than the axis shows (a combination
    chart's line beside its bars); series whose x values differ (scatter) are tables apart.
    """
    labels: dict[int, str] = {}
    block: list[Series] = []
    for one in series:
        if block and any(labels.get(n, label) != label for n, label in one.labels.items()):
            yield labels, block
            labels, block = {}, []
        labels = {**one.labels, **labels}
        block.append(one)
    if block:
        yield labels, block


def _rows(labels: dict[int, str], block: list[Series]) -> Iterator[list[str]]:
    yield ["", *chain.from_iterable(_cells(one, None) for one in block)]
    points = set(labels).union(*(set(one.values) | set(one.sizes) for one in block))
    for n in sorted(points)[:MAX_ROWS]:
        # Without categories (or x values) a chart numbers its points 1, 2, 3.
        label = labels.get(n, "") if labels else str(n + 1)
        yield [label, *chain.from_iterable(_cells(one, n) for one in block)]


def _cells(series: Series, point: int | None) -> list[str]:
    """The series' cells in the header row (no point) or in a point's row."""
    if point is None:
        value, size = series.name, ""
    else:
        value, size = series.values.get(point, ""), series.sizes.get(point, "")
    return [value, size] if series.sizes else [value]
