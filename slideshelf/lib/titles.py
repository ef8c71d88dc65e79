"""What may stand as a title: not a date or a page number, not a template's stock name."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from slideshelf.lib.text import squash

# Month and weekday names in the languages decks here are written in, whole or shortened.
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januari februari mars maj juni juli augusti oktober okt "  # Swedish
    "januar februar märz mär mai dezember dez "  # German
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "janv févr avr juil déc "  # French
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre ene abr ago dic "  # Spanish
    "maart mei augustus mrt"  # Dutch
)
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "måndag tisdag onsdag torsdag fredag lördag söndag "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo"
)


def _words(names: str) -> str:
    return "(?:" + "|".join(sorted(set(names.split()), key=len, reverse=True)) + r")\.?"


_MONTH = _words(_MONTHS)
_DAY = r"\d{1,2}(?:\.|st|nd|rd|th)?"
_DATE = (
    rf"(?:{_words(_WEEKDAYS)},?\s+)?"  # "Sunday, "
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?"  # 11/29/2026, 29.11.2026, 2026-11-29
    rf"|{_DAY}\s+{_MONTH},?\s+\d{{2,4}}"  # 29 November 2026, 29. Nov. 2026
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # Nov 29, 2026
    rf"|{_MONTH}\s+\d{{4}}"  # November 2026
    r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"  # 2026年11月29日
)
_TIME = (
    r"(?:(?:上午|下午|午前|午後)\s*)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:[ap]\.?m\.?|上午|下午|午前|午後))?"
)
_NUMBER = r"[#№]?\d+(?:[.,]\d+)*\.?(?:\s*/\s*\d+)?"  # 6, 1.9, 6 / 28
_FIELD_LINE = re.compile(
    rf"{_DATE}(?:\s+{_TIME})?(?:\s+\d{{1,4}})?|{_TIME}|{_NUMBER}", re.IGNORECASE
)

# Names programs give a file nobody titled, and template prompts, compared with their digits
# taken out ("Presentation1", "Slide 1"); lower case.
STOCK_TITLES = frozenset(
    {
        "powerpoint presentation",
        "powerpoint-presentation",
        "powerpoint-presentatie",
        "powerpoint-präsentation",
        "présentation powerpoint",
        "presentación de powerpoint",
        "apresentação do powerpoint",
        "presentation",
        "presentation title",
        "präsentation",
        "presentación",
        "présentation",
        "presentazione",
        "presentatie",
        "slide",
        "folie",
        "diapositive",
        "diapositiva",
        "snímek",
        "bild",
        "スライド",
        "幻灯片",
        "no slide title",
        "ingen lysbildetittel",
        "untitled",
        "untitled presentation",
        "namnlös",
        "unbenannt",
        "sans titre",
        "sin título",
        "title",
        "titel",
        "click to add title",
        "click to add text",
        "klicka här för att lägga till en rubrik",
        "klicka här för att lägga till rubrik",
    }
)
_COPY_NUMBER = re.compile(r"\s*\(\d+\)$")  # "deck (1).pptx", the browser's second download


def is_field_text(line: str, slide_number: int = 0) -> bool:
    """Whether a line is only a date, a time, a number, or a date and a number: what a date
    or slide-number field shows, never a title. Given the slide's number, a footer row as a
    PDF gives it counts too: the date, the footer's text, that number."""
    line = squash(line)
    if _FIELD_LINE.fullmatch(line):
        return True
    footer = rf"{_DATE}(?:\s+{_TIME})?\s.*\s{slide_number}"
    return slide_number > 0 and bool(re.fullmatch(footer, line, re.IGNORECASE))


def is_stock_title(title: str) -> bool:
    """Whether `title` is a name a program or template gave, not one a person wrote."""
    words = squash(re.sub(r"\d+", " ", title)).strip(" .:_-").lower()
    return words in STOCK_TITLES


def readable_file_name(name: str) -> str:
    """A file name as a title: "annual_report-2025_v2.pptx" -> "Annual report 2025 v2"."""
    stem = PurePosixPath(name.replace("\\", "/")).name
    if "." in stem.strip("."):
        stem = stem.rsplit(".", 1)[0]
    words = squash(_COPY_NUMBER.sub("", stem).replace("_", " ").replace("-", " "))
    first = words.split(" ", 1)[0]
    return words[:1].upper() + words[1:] if first.islower() else words
