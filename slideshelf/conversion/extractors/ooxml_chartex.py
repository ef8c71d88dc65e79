"""The title and data of an Office 2016 chart part (ppt/charts/chartExN.xml) as a slide table.

Waterfall, funnel, treemap, sunburst, histogram, Pareto and box-and-whisker charts are
"chartex" charts, in a namespace of their own: the part's cx:chartData caches each data set
the chart plots (a cx:data: its categories in a cx:strDim, its values in a cx:numDim, the
points of each in a cx:lvl), and each series (cx:series) names the data set it shows by its
id. As with a classic chart part, the cache is what the chart shows, so it is read and the
embedded workbook never is.
"""

from __future__ import annotations

from lxml import etree

from slideshelf.conversion.extractors.chart_table import Series, table_text
from slideshelf.conversion.extractors.number_format import format_number

_CX = "{http://schemas.microsoft.com/office/drawing/2014/chartex}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_SERIES = f"{_CX}chart/{_CX}plotArea/{_CX}plotAreaRegion/{_CX}series"
# Which dimension holds the categories and which the values, by preference: a region map
# names its regions "entityId" and colours them by "colorVal"; treemaps and sunbursts size
# their tiles by "size".
_LABELS = ("cat", "entityId")
_VALUES = ("val", "size", "colorVal")


def chartex_title(space: etree._Element | None) -> str:
    """The chart's title: typed in (rich text) or linked to a cell (its cached value)."""
    tx = space.find(f"{_CX}chart/{_CX}title/{_CX}tx") if space is not None else None
    if tx is None:
        return ""
    lines = ("".join(t.text or "" for t in p.iter(_A + "t")) for p in tx.iter(_A + "p"))
    typed = " ".join(" ".join(lines).split())
    return typed or " ".join((tx.findtext(f"{_CX}txData/{_CX}v") or "").split())


def chartex_table(space: etree._Element | None) -> str:
    """The categories, series names and values of a chart (its cx:chartSpace), as table text,
    series in the order the chart lists them."""
    if space is None:
        return ""
    data = {block.get("id"): block for block in space.iterfind(f"{_CX}chartData/{_CX}data")}
    shown = []
    for series in space.iterfind(_SERIES):
        # A Pareto line draws its owner's data (ownerIdx) and has none of its own.
        block = data.get(_data_id(series))
        if block is not None:
            shown.append(_series(series, block))
    return table_text(shown)


def _data_id(series: etree._Element) -> str | None:
    found = series.find(_CX + "dataId")
    return found.get("val") if found is not None else None


def _series(series: etree._Element, data: etree._Element) -> Series:
    name = series.findtext(f"{_CX}tx/{_CX}txData/{_CX}v") or ""
    return Series(
        name=" ".join(name.split()),
        labels=_labels(_dimension(data, _CX + "strDim", _LABELS)),
        values=_values(_dimension(data, _CX + "numDim", _VALUES)),
    )


def _dimension(data: etree._Element, tag: str, kinds: tuple[str, ...]) -> etree._Element | None:
    """The data set's dimension of the first of `kinds` it has, else its first one."""
    dims = data.findall(tag)
    first = dims[0] if dims else None
    return next((dim for kind in kinds for dim in dims if dim.get("type") == kind), first)


def _labels(dim: etree._Element | None) -> dict[int, str]:
    """Each point's category; in a hierarchy (treemap, sunburst), its path, outermost first.

    The first level is the innermost. Every level caches a label for every point, empty
    where the point's branch ends above that level ("Branch 2" with no stem or leaf)."""
    levels = [_points(level) for level in dim.iterchildren(_CX + "lvl")] if dim is not None else []
    points: set[int] = set().union(*levels)
    return {
        index: " ".join(label for level in reversed(levels) if (label := level.get(index, "")))
        for index in sorted(points)
    }


def _values(dim: etree._Element | None) -> dict[int, str]:
    """Each point's value, as its number format shows it."""
    level = dim.find(_CX + "lvl") if dim is not None else None
    if level is None:
        return {}
    code = level.get("formatCode", "")
    return {index: format_number(text, code) for index, text in _points(level).items() if text}


def _points(level: etree._Element) -> dict[int, str]:
    """The text of a cx:lvl's points by index (Office writes it in the cx:pt itself)."""
    points = {}
    for pt in level.iterchildren(_CX + "pt"):
        index = pt.get("idx", "")
        if index.isdigit():
            points[int(index)] = " ".join("".join(pt.itertext()).split())
    return points
