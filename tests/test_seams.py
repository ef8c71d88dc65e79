"""Who owns what: the deck row stays small, conversion state has one writer, and visibility is
compared in one module. Read from the code (the AST), not from running it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from slideshelf.presentations.models import Presentation

PACKAGE = Path(__file__).resolve().parents[1] / "slideshelf"
STATE = {"status", "stage", "progress_done", "progress_total", "failure", "attempts"}
STATE_WRITER = PACKAGE / "conversion" / "models.py"
ACCESS = PACKAGE / "presentations" / "access.py"
# `visibility == …`, `visibility__in=…`, `filter(visibility=Visibility.PUBLIC)` and the like.
COMPARISON = re.compile(
    r"visibility(__\w+)?\s*(==|!=|=)\s*(Visibility\.|\"(public|unlisted|private)\")"
)


def sources() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts]


def test_a_deck_has_at_most_25_fields():
    fields = [*Presentation._meta.local_fields, *Presentation._meta.local_many_to_many]
    assert len(fields) <= 25, [field.name for field in fields]


def writes_of_state(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            for part in target.elts if isinstance(target, ast.Tuple) else [target]:
                if isinstance(part, ast.Attribute) and part.attr in STATE:
                    found.append(f"{path.name}:{node.lineno} .{part.attr} =")
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "update":
            found += [
                f"{path.name}:{node.lineno} update({k.arg}=)"
                for k in node.keywords
                if k.arg in STATE
            ]
    return found


def test_conversion_state_is_written_in_one_module():
    assert writes_of_state(STATE_WRITER), "the writer itself must be found by this test"
    elsewhere = [
        write for path in sources() if path != STATE_WRITER for write in writes_of_state(path)
    ]
    assert elsewhere == []


def test_only_the_access_module_compares_visibility():
    assert COMPARISON.search(ACCESS.read_text())
    compared = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sources()
        if path != ACCESS
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if COMPARISON.search(line) and "default=" not in line and ": str =" not in line
    ]
    assert compared == []
