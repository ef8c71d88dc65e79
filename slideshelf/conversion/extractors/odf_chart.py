"""The title and data of an ODF chart object ("Object 1/content.xml" in an ODP) as slide text.

A chart object keeps its data in a local table; each series names the cells it plots
(chart:values-cell-range-address, chart:label-cell-address, chart:domain for x values) and
the x axis names the categories, so the table is read through those ranges, in the order
the chart shows them. A chart whose ranges cannot be read gives its whole table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from slideshelf.conversion.extractors.chart_table import MAX_ROWS, Series, table_text
from slideshelf.conversion.extractors.number_format import format_number

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CHART = "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_NUMBER = "{urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0}"

# "local-table.$B$2:.$B$5", "'local-table'.B2:'local-table'.B5": the table's name, if
# any, is the chart's own local table.
_RANGE = re.compile(r"\.\$?([A-Z]+)\$?(\d+)(?::[^.\s]*\.\$?([A-Z]+)\$?(\d+))?")
_NUMERIC = frozenset({"float", "percentage", "currency", "date", "time"})

_ADDRESS = _TABLE + "cell-range-address"

Grid = list[list[etree._Element]]  # the local table's cells, header rows included


def chart_text(document: etree._Element) -> tuple[str, str]:
    """(title, table text) of a chart object's content.xml; empty for other objects."""
    chart = document.find(f"{_OFFICE}body/{_OFFICE}chart/{_CHART}chart")
    if chart is None:
        return "", ""
    title = " ".join(" ".join(_text(p) for p in chart.iterfind(f"{_CHART}title/{_TEXT}p")).split())
    table = chart.find(_TABLE + "table")
    grid = _grid(table) if table is not None else []
    formats = _formats(document)
    series = list(_series(chart, grid, formats))
    if any(one.values for one in series):
        return title, table_text(series)
    return title, "\n".join(
        " | ".join(cells) for row in grid if any(cells := [_shown(cell, "") for cell in row])
    )


def _series(chart: etree._Element, grid: Grid, formats: dict[str, str]) -> Iterator[Series]:
    plot = chart.find(_CHART + "plot-area")
    if plot is None:
        return
    x_axis = plot.find(f"{_CHART}axis[@{_CHART}dimension='x']")
    categories = x_axis.find(_CHART + "categories") if x_axis is not None else None
    axis_style = x_axis.get(_CHART + "style-name", "") if x_axis is not None else ""
    labels = _points(grid, categories, _ADDRESS, formats.get(axis_style, ""))
    kind = chart.get(_CHART + "class", "")
    for one in plot.iterchildren(_CHART + "series"):
        domains = list(one.iterchildren(_CHART + "domain"))
        values = _points(grid, one, _CHART + "values-cell-range-address", "")
        name = " ".join(_points(grid, one, _CHART + "label-cell-address", "").values())
        if one.get(_CHART + "class", kind) == "chart:bubble":
            # A bubble series plots its sizes; its first domain is y, its second x.
            yield Series(name, _domain(grid, domains, 1), _domain(grid, domains, 0), values)
        elif domains:  # scatter: the domain holds the x values
            yield Series(name, _domain(grid, domains, 0), values)
        else:
            yield Series(name, labels, values)


def _domain(grid: Grid, domains: list[etree._Element], n: int) -> dict[int, str]:
    return _points(grid, domains[n], _ADDRESS, "") if n < len(domains) else {}


def _points(grid: Grid, el: etree._Element | None, attr: str, code: str) -> dict[int, str]:
    """The shown text of each cell a range attribute names, numbered in range order."""
    cells: list[etree._Element | None] = []
    for match in _RANGE.finditer(el.get(attr, "") if el is not None else ""):
        first_col, first_row = _column(match[1]), int(match[2]) - 1
        last_col = _column(match[3]) if match[3] else first_col
        last_row = min(int(match[4]) - 1 if match[4] else first_row, len(grid) - 1)
        for row in range(max(first_row, 0), last_row + 1):
            width = min(last_col + 1, len(grid[row]))
            cells += [grid[row][col] for col in range(first_col, width)] or [None]
            if len(cells) > MAX_ROWS:  # no more rows are shown
                break
    return {n: _shown(cell, code) for n, cell in enumerate(cells) if cell is not None}


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _grid(table: etree._Element) -> Grid:
    grid: Grid = []
    for row in table.iter(_TABLE + "table-row"):
        cells: list[etree._Element] = []
        for cell in row.iterchildren(_TABLE + "table-cell", _TABLE + "covered-table-cell"):
            cells += [cell] * min(_repeat(cell, "number-columns-repeated"), MAX_ROWS - len(cells))
        grid.extend([cells] * min(_repeat(row, "number-rows-repeated"), MAX_ROWS + 1 - len(grid)))
        if len(grid) > MAX_ROWS:
            break
    return grid


def _repeat(el: etree._Element, attr: str) -> int:
    value = el.get(_TABLE + attr, "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _shown(cell: etree._Element, code: str) -> str:
    """A cell's value as the chart shows it: a number in the axis' format, else its text."""
    value = cell.get(_OFFICE + "value")
    if cell.get(_OFFICE + "value-type") in _NUMERIC and value is not None:
        return format_number(value, code)
    # A category of several levels keeps "East Q1" in its first paragraph, its levels in a list.
    return " ".join(_text(p) for p in cell.iterchildren(_TEXT + "p"))


def _text(paragraph: etree._Element) -> str:
    return " ".join("".join(paragraph.itertext()).split())


def _formats(document: etree._Element) -> dict[str, str]:
    """The format code of each chart style that shows numbers in a style of its own (not in
    its source's, which for a local table is no style at all)."""
    styles = document.find(_OFFICE + "automatic-styles")
    numbers = {
        el.get(_STYLE + "name", ""): el
        for el in (styles if styles is not None else ())
        if isinstance(el.tag, str) and el.tag.startswith(_NUMBER)
    }
    found = {}
    for style in styles.iterchildren(_STYLE + "style") if styles is not None else ():
        props = style.find(_STYLE + "chart-properties")
        linked = props is not None and props.get(_CHART + "link-data-style-to-source") == "true"
        number = numbers.get(style.get(_STYLE + "data-style-name", ""))
        if number is not None and not linked:
            found[style.get(_STYLE + "name", "")] = _format_code(number)
    return found


def _format_code(style: etree._Element) -> str:
    """An ODF number style as the Excel format code that shows numbers the same way."""
    kind = etree.QName(style).localname
    if kind in ("date-style", "time-style"):
        parts = {"year": "yyyy", "month": "mm", "day": "dd", "hours": "hh", "seconds": "ss"}
        names = (etree.QName(el).localname for el in style.iterchildren(etree.Element))
        return "-".join(parts[name] for name in names if name in parts)
    number = style.find(_NUMBER + "number")
    places = number.get(_NUMBER + "decimal-places", "") if number is not None else ""
    if number is None or not places.isdigit():
        return "General"  # LibreOffice's standard format says nothing about decimals
    digits = "#,##0" if number.get(_NUMBER + "grouping") == "true" else "0"
    digits += "." + "0" * min(int(places), 15) if int(places) else ""
    return digits + "%" if kind == "percentage-style" else digits
