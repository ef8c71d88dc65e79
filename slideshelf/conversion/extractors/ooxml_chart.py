"""The data of a DrawingML chart part (ppt/charts/chartN.xml) as a slide table.

A chart part caches every value it plots, as text with its cell's number format, beside the
reference to the workbook it came from; the cache is what the chart shows, so it is read
and the embedded workbook never is.
"""

from __future__ import annotations

from bisect import bisect_right

from lxml import etree

from slideshelf.conversion.extractors.chart_table import Series, table_text
from slideshelf.conversion.extractors.number_format import format_number

_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_CACHES = (_C + "numCache", _C + "strCache", _C + "numLit", _C + "strLit")
_NUMBERS = frozenset({_C + "numCache", _C + "numLit"})


def chart_table(space: etree._Element | None) -> str:
    """The categories, series names and values of a chart (its c:chartSpace), as table text."""
    plot_area = space.find(f"{_C}chart/{_C}plotArea") if space is not None else None
    if space is None or plot_area is None:
        return ""
    date1904 = _true(space.find(_C + "date1904"))
    plots = [el for el in plot_area if isinstance(el.tag, str) and el.tag.endswith("Chart")]
    found = [ser for plot in plots for ser in plot.iterchildren(_C + "ser")]
    # c:order is the series' place in the legend and the data sheet, across all plots.
    found.sort(key=lambda ser: _int(ser.find(_C + "order"), "val") or 0)
    return table_text([_series(ser, date1904) for ser in found])


def _series(ser: etree._Element, date1904: bool) -> Series:
    tx = ser.find(_C + "tx")  # typed in (c:v) or linked to a cell (its cached c:v)
    name = " ".join(v.text or "" for v in tx.iter(_C + "v")) if tx is not None else ""
    return Series(
        name=" ".join(name.split()),
        labels=_points(_first(ser, "cat", "xVal"), date1904),
        values=_points(_first(ser, "val", "yVal"), date1904),
        sizes=_points(ser.find(_C + "bubbleSize"), date1904),
    )


def _first(ser: etree._Element, *names: str) -> etree._Element | None:
    return next((el for name in names if (el := ser.find(_C + name)) is not None), None)


def _points(data: etree._Element | None, date1904: bool) -> dict[int, str]:
    """Each point's shown text, by index, from a c:cat, c:val, c:xVal… element's cache."""
    if data is None:
        return {}
    levels = data.find(f"{_C}multiLvlStrRef/{_C}multiLvlStrCache")
    if levels is not None:
        return _multi_level(levels)
    cache = next(data.iter(*_CACHES), None)
    if cache is None:
        return {}
    code = cache.findtext(_C + "formatCode") or ""
    points = {}
    for pt in cache.iterchildren(_C + "pt"):
        index, text = _int(pt, "idx"), pt.findtext(_C + "v") or ""
        if index is not None and cache.tag in _NUMBERS:
            points[index] = format_number(text, pt.get("formatCode") or code, date1904)
        elif index is not None:
            points[index] = " ".join(text.split())
    return points


def _multi_level(cache: etree._Element) -> dict[int, str]:
    """Categories in groups (2019: Q1, Q2; 2020: Q1…), each labelled outermost group first.
    The first level is the innermost; an outer label stands at its group's first point and
    covers the points up to the next one."""
    levels = [_level(level) for level in cache.iterchildren(_C + "lvl")]
    if not levels:
        return {}
    labels: dict[int, list[str]] = {index: [] for index in levels[0]}
    for outer in reversed(levels[1:]):
        starts = sorted(outer)
        for index, parts in labels.items():
            if at := bisect_right(starts, index):
                parts.append(outer[starts[at - 1]])
    return {index: " ".join([*labels[index], label]) for index, label in levels[0].items()}


def _level(level: etree._Element) -> dict[int, str]:
    return {
        index: " ".join((pt.findtext(_C + "v") or "").split())
        for pt in level.iterchildren(_C + "pt")
        if (index := _int(pt, "idx")) is not None
    }


def _int(el: etree._Element | None, attr: str) -> int | None:
    try:
        value = int(el.get(attr, "")) if el is not None else None
    except ValueError:
        return None
    return value if value is None or value >= 0 else None


def _true(el: etree._Element | None) -> bool:
    return el is not None and el.get("val", "true") in ("1", "true")
