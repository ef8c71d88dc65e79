"""A line of right-to-left text put back in reading order from the order it stands on the page.

A PDF only places glyphs; which one a person reads first it does not say. pdfium guesses with
a shortcut of its own: it reverses the letters of a ligature with them (لا comes out ال), turns
"Version 2" into "2 Version" and reverses the Arabic words inside a Latin sentence. So a line
that holds Arabic or Hebrew is taken as it stands, left to right, and read back the way the
Unicode bidirectional algorithm lays a line out, in reverse: the runs against the line's
direction are turned round, digits always read left to right. (Which way a bracket faces is
left to the line's reader: programs name mirrored glyphs either way.)

A unit is what occupies one place on the line: one glyph with its marks (a ligature's
letters, a letter's vowel signs), or a space.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_DIGITS = frozenset({"EN", "AN"})
_DIGIT_JOINERS = frozenset({"CS", "ES"})  # 1,000 4.5 1/2 12:30, only between digits
_DIGIT_AFFIXES = frozenset({"ET"})  # % $ ° # beside digits
# Arabic letters that join the letter before them but never the one after (alef, dal, reh,
# waw, teh marbuta and their kin, Joining_Type R) or none at all (hamza): no ligature starts
# with one, so a ligature's letters that start with one were reversed.
_JOINS_NO_NEXT = frozenset(
    "\u0621\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0648\u0671\u0672\u0673"
    "\u0675\u0676\u0677\u06c0\u06c3\u06c4\u06c5\u06c6\u06c7\u06c8\u06c9\u06ca\u06cb\u06cd\u06cf"
    "\u06d2\u06d3\u06d5\u06ee\u06ef" + "".join(map(chr, range(0x0688, 0x069A)))
)


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)


def reading_order(units: Sequence[str]) -> str:
    """The line whose units stand left to right as `units`, in the order it is read."""
    kinds = _kinds(units)
    strong = [kind for kind in kinds if kind in "RL"]
    if strong.count("R") > strong.count("L"):
        runs = _turned(kinds, 0, len(kinds))
    else:
        runs = _left_to_right(kinds)
    ordered: list[str] = []
    for start, end, turned in runs:
        span = [_letters_in_order(unit) for unit in units[start:end]]
        ordered += reversed(span) if turned else span
    return "".join(ordered)


def _kinds(units: Sequence[str]) -> list[str]:
    """Each unit's part in the line: "R" or "L" (letters), "D" (a number's), "N" (neither)."""
    classes = [_bidi_class(unit) for unit in units]
    kinds = ["R" if c in _RIGHT_TO_LEFT else "L" if c == "L" else "N" for c in classes]
    kinds = ["D" if c in _DIGITS else kind for c, kind in zip(classes, kinds, strict=True)]
    for index, bidi_class in enumerate(classes):
        before = kinds[index - 1] if index else "N"
        after = kinds[index + 1] if index + 1 < len(kinds) else "N"
        between_digits = bidi_class in _DIGIT_JOINERS and before == after == "D"
        beside_digits = bidi_class in _DIGIT_AFFIXES and "D" in (before, after)
        # Digits read after Arabic letters are Arabic numbers, which a % or a currency sign
        # does not join: "4.5%" in Arabic stands "%4.5". After them is to their right.
        beside_digits &= _next_strong(classes, index) != "AL"
        if between_digits or beside_digits:
            kinds[index] = "D"
    return kinds


def _next_strong(classes: list[str], start: int) -> str:
    """The class of the first letter right of `start`: L, R or AL, or "" for none."""
    return next((c for c in classes[start + 1 :] if c in ("L", "R", "AL")), "")


def _bidi_class(unit: str) -> str:
    """The class of the unit's first character that is not a mark."""
    for char in unit:
        bidi_class = unicodedata.bidirectional(char)
        if bidi_class != "NSM":
            return bidi_class
    return "ON"


Run = tuple[int, int, bool]  # start, end, turned


def _left_to_right(kinds: list[str]) -> list[Run]:
    """A left-to-right line: its right-to-left runs turned, the rest as it stands."""
    runs: list[Run] = []
    index = 0
    while index < len(kinds):
        if kinds[index] != "R":
            runs.append((index, index + 1, False))
            index += 1
            continue
        end = _last_of(kinds, index, "R", stop="L") + 1
        runs += _turned(kinds, index, end)
        index = end
    return runs


def _turned(kinds: list[str], start: int, end: int) -> list[Run]:
    """Units `start` to `end` read right to left, in the order to lay them down: turned one by
    one, but for numbers and Latin text (with a number after it: "Version 2"), which read
    left to right inside."""
    pieces: list[Run] = []
    index = start
    while index < end:
        stop = index + 1
        if kinds[index] == "L":
            stop = _last_of(kinds, index, "LD", stop="R") + 1
        elif kinds[index] == "D":
            while stop < end and kinds[stop] == "D":
                stop += 1
        pieces.append((index, stop, kinds[index] not in "LD"))
        index = stop
    return pieces[::-1]


def _last_of(kinds: list[str], start: int, wanted: str, stop: str) -> int:
    """The last unit from `start` on of a kind in `wanted`, before one of kind `stop`."""
    last = start
    for index in range(start + 1, len(kinds)):
        if kinds[index] == stop:
            break
        if kinds[index] in wanted:
            last = index
    return last


def _letters_in_order(unit: str) -> str:
    """A ligature's letters as they are read: pdfium turns them round with the line."""
    letters = [char for char in unit if not unicodedata.combining(char)]
    if len(letters) > 1 and letters[0] in _JOINS_NO_NEXT and letters[-1] not in _JOINS_NO_NEXT:
        marks = "".join(char for char in unit if unicodedata.combining(char))
        return "".join(reversed(letters)) + marks
    return unit
