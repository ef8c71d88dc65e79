"""Where slides went when a deck's file was replaced, so old slide links keep their slide.

A link to slide 3 that was shared before a slide was inserted at 2 should open what is now
slide 4. The old and new slides are matched by their text: first in order (the common case of
inserted or removed slides), then anywhere (slides moved), then by shared words (slides edited),
then by place (a slide rewritten between two that kept their distance).
A slide that is gone maps to its nearest surviving neighbour.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from difflib import SequenceMatcher

SIMILAR_ENOUGH = 0.5
WORD = re.compile(r"\w+")


def normalised(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def match_slides(old: Sequence[str], new: Sequence[str]) -> list[int]:
    """For each old slide's text, the number (1-based) of the new slide that carries it on."""
    if not old:
        return []
    if not new:
        return [1] * len(old)
    old_texts, new_texts = [normalised(t) for t in old], [normalised(t) for t in new]
    found: dict[int, int] = {}  # old index → new index
    _match_in_order(old_texts, new_texts, found)
    _match_moved(old_texts, new_texts, found)
    _match_edited(old_texts, new_texts, found)
    _match_in_place(len(old), len(new), found)
    return [_nearest(index, found, len(old), len(new)) + 1 for index in range(len(old))]


def _match_in_order(old: list[str], new: list[str], found: dict[int, int]) -> None:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            found[block.a + offset] = block.b + offset


def _match_moved(old: list[str], new: list[str], found: dict[int, int]) -> None:
    free: dict[str, list[int]] = {}
    taken = set(found.values())
    for index, text in enumerate(new):
        if index not in taken and text:
            free.setdefault(text, []).append(index)
    for index, text in enumerate(old):
        if index not in found and free.get(text):
            found[index] = free[text].pop(0)


def _match_edited(old: list[str], new: list[str], found: dict[int, int]) -> None:
    taken = set(found.values())
    new_words = {i: set(text.split()) for i, text in enumerate(new) if i not in taken and text}
    pairs = []
    for index, text in enumerate(old):
        words = set(text.split())
        if index in found or not words:
            continue
        for candidate, other in new_words.items():
            score = len(words & other) / len(words | other)
            if score >= SIMILAR_ENOUGH:
                # Ties go to the candidate nearest the old position.
                pairs.append((-score, abs(candidate - index), index, candidate))
    for _, _, index, candidate in sorted(pairs):
        if index not in found and candidate not in taken:
            found[index] = candidate
            taken.add(candidate)


def _match_in_place(old_count: int, new_count: int, found: dict[int, int]) -> None:
    """Slides rewritten beyond recognition, in a gap as wide before and after: pair by place."""
    anchors = [(-1, -1), *sorted(found.items()), (old_count, new_count)]
    taken = set(found.values())
    for (start, new_start), (end, new_end) in itertools.pairwise(anchors):
        if end - start != new_end - new_start or end - start < 2:
            continue
        for offset in range(1, end - start):
            if new_start + offset not in taken:
                found[start + offset] = new_start + offset


def _nearest(index: int, found: dict[int, int], old_count: int, new_count: int) -> int:
    """The slide's own new place, or else its nearest surviving neighbour's (later first).

    With nothing in common at all, the slide keeps its number (or the last one).
    """
    if index in found:
        return found[index]
    for distance in range(1, old_count):
        for neighbour in (index + distance, index - distance):
            if neighbour in found:
                return found[neighbour]
    return min(index, new_count - 1)


def is_identity(moves: Sequence[int], new_count: int) -> bool:
    return len(moves) == new_count and all(n == i for i, n in enumerate(moves, start=1))


def follow(history: Sequence[Sequence[int]], number: int, version: int) -> int:
    """Where slide `number` of numbering `version` is now, after every later replacement."""
    for moves in history[max(version - 1, 0) :]:
        if not moves:
            return 1
        number = moves[min(max(number, 1), len(moves)) - 1]
    return number
