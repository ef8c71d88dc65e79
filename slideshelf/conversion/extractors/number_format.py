"""A chart's number as the chart shows it, from the value and an Excel number format code.

Charts keep each point's value as a plain number plus the format its cell had. The simple
formats are followed (decimals, thousands, percent, literal text, conditions, dates); any
other (fractions, scientific) shows the number as Excel's General format does.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

# Quoted text, an escaped character, padding the width of a character (_x), a fill (*x),
# or one format character.
_TOKEN = re.compile(r'"(?P<quoted>[^"]*)"?|\\(?P<escaped>.)|_(?P<pad>.)|\*.|(?P<char>.)', re.S)
_BRACKET = re.compile(r"\[([^\]]*)\]")
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?)\]")
_AM_PM = re.compile(r"AM/PM|A/P", re.I)
_DIGIT = re.compile(r"[0#?]")
_DATE_LETTER = re.compile(r"[ymdhs]", re.I)
_OPERATORS = {
    "<": float.__lt__,
    ">": float.__gt__,
    "=": float.__eq__,
    "<=": float.__le__,
    ">=": float.__ge__,
    "<>": float.__ne__,
}
# A number stored as text has 15 to 17 significant digits; the last of them are the binary
# noise of a sum (120.00000000001), which no chart shows.
_SIGNIFICANT = 10
_LARGEST_EXACT = 1e15


def format_number(text: str, code: str = "", date1904: bool = False) -> str:
    """`text` (a cached value) formatted by `code`; text that is no number is kept as it is."""
    try:
        value = float(text)
    except ValueError:
        return " ".join(text.split())  # "#N/A", or a label in a number cache
    if not math.isfinite(value):
        return text.strip()
    section, value = _section(_sections(code or "General"), value)
    return " ".join(_render(section, value, date1904).split())


def general(value: float) -> str:
    """The number in as few digits as it needs, without float noise or an exponent."""
    if value.is_integer() and abs(value) < _LARGEST_EXACT:
        return str(int(value))
    rounded = float(f"{value:.{_SIGNIFICANT}g}")
    if rounded.is_integer() and abs(rounded) < _LARGEST_EXACT:
        return str(int(rounded))
    return format(Decimal(repr(rounded)), "f")


def _sections(code: str) -> list[str]:
    """The format's sections: positive; negative; zero; text (";" in quotes is text)."""
    sections = [""]
    for part in re.findall(r'"[^"]*"?|\\.?|;|[^";\\]+', code):
        if part == ";":
            sections.append("")
        else:
            sections[-1] += part
    return sections


def _section(sections: list[str], value: float) -> tuple[str, float]:
    """The section that formats `value`, and the value it is given (negative sections
    write their own sign)."""
    conditions = [_CONDITION.search(section) for section in sections[:3]]
    if any(conditions):
        for section, condition in zip(sections, conditions, strict=False):
            if condition and _OPERATORS[condition[1]](value, float(condition[2])):
                return section, value
        rest = [s for s, condition in zip(sections, conditions, strict=False) if not condition]
        return (rest[0] if rest else "General"), value
    if value < 0 and len(sections) > 1:
        return sections[1], -value
    if value == 0 and len(sections) > 2:
        return sections[2], value
    return sections[0], value


def _cells(section: str) -> list[tuple[str, bool]]:
    """Each character of the section, and whether it is literal text."""
    section = _BRACKET.sub(_bracket, section)
    cells: list[tuple[str, bool]] = []
    for token in _TOKEN.finditer(section):
        if token["char"] is not None:
            cells.append((token["char"], False))
        else:
            literal = token["quoted"] or token["escaped"] or (" " if token["pad"] else "")
            cells.extend((char, True) for char in literal)
    return cells


def _bracket(match: re.Match[str]) -> str:
    """A currency in brackets ([$€-407]) is shown, elapsed time ([h]) is time; colours,
    conditions and locales are not shown."""
    inside = match[1]
    if inside.startswith("$"):
        return '"' + inside[1:].split("-")[0].replace('"', "") + '"'
    return inside if re.fullmatch(r"[hms]+", inside, re.I) else ""


def _render(section: str, value: float, date1904: bool) -> str:
    cells = _cells(section)
    # The format characters alone, literal text blanked so that it never looks like a code.
    codes = _AM_PM.sub(lambda m: "h" * len(m[0]), "".join(" " if lit else c for c, lit in cells))
    general_at = codes.lower().find("general")
    if _DIGIT.search(codes):
        start, end, text = _number(codes, value)
    elif general_at >= 0:
        start, end, text = general_at, general_at + len("general"), general(value)
    elif letters := [m.start() for m in _DATE_LETTER.finditer(codes)]:
        start, end = letters[0], letters[-1] + 1
        text = _date(codes[start:end], value, date1904)
    elif "@" in codes:
        start = codes.index("@")
        end, text = start + 1, general(value)
    else:  # only literal text, like "n.a."
        return "".join(c for c, _ in cells)
    return "".join(c for c, _ in cells[:start]) + text + "".join(c for c, _ in cells[end:])


def _number(codes: str, value: float) -> tuple[int, int, str]:
    """Where the digit placeholders stand in the codes, and the number they show."""
    digits = [m.start() for m in _DIGIT.finditer(codes)]
    start, end = digits[0], digits[-1] + 1
    if start and codes[start - 1] == ".":
        start -= 1
    scale = len(codes[end:]) - len(codes[end:].lstrip(","))  # each trailing "," is 1000s
    end += scale
    core = codes[start:end]
    if re.search(r"[eE][+-]|/", codes) or abs(value) >= _LARGEST_EXACT:
        return start, end, general(value)
    value = value * 100 ** codes.count("%") / 1000**scale
    decimals = len(_DIGIT.findall(core.partition(".")[2]))
    shown = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = format(shown, ",f" if "," in core.rstrip(",") else "f")
    return start, end, ("-" if value < 0 and shown else "") + text


def _date(codes: str, value: float, date1904: bool) -> str:
    """The moment in ISO notation, as fine as the format shows it (a year, a month, a day,
    a time): 1/6/02 and 6.1.2002 are the same day written for different readers."""
    moment = _moment(value, date1904)
    if moment is None:
        return general(value)
    kinds = [run[0] for run in re.findall(r"[ymdhs]+", codes.lower())]
    # "m" is minutes right after hours or right before seconds, else the month.
    minutes = {
        n
        for n, kind in enumerate(kinds)
        if kind == "m" and (kinds[n - 1 : n] == ["h"] or kinds[n + 1 : n + 2] == ["s"])
    }
    shown = {kind for n, kind in enumerate(kinds) if n not in minutes}
    day = "%Y-%m-%d" if "d" in shown else "%Y-%m" if "m" in shown else "%Y" if "y" in shown else ""
    time = "%H:%M:%S" if "s" in shown else "%H:%M" if "h" in shown or minutes else ""
    return moment.strftime(f"{day} {time}".strip())


def _moment(value: float, date1904: bool) -> datetime | None:
    """A serial date as a moment: days since 1904-01-01, or since 1899-12-31 counting the
    29 February 1900 that Lotus 1-2-3 invented and Excel kept."""
    if value < 0:
        return None
    if date1904:
        base, days = datetime(1904, 1, 1), value
    else:
        base, days = datetime(1899, 12, 30), value if value >= 61 else value + 1
    try:
        return base + timedelta(seconds=round(days * 86400))
    except OverflowError:
        return None
