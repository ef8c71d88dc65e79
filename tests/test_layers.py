"""The import graph: dependencies point one way, down the layers the README draws.

Read from the code's own `import` statements (the AST), not from running it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "slideshelf"

# Top first. A module may import its own part and anything in a lower layer; parts that share
# a layer may not import each other.
LAYERS: list[set[str]] = [
    {"__main__"},
    {"cli", "wsgi"},
    {"urls"},
    {"core", "settings"},
    {"demo"},
    {"api"},
    {"studio", "moderation", "pages"},
    {"conversion", "search", "statistics"},
    {"presentations"},
    {"accounts"},
    {"limits"},
    {"lib"},
]
# Django's documented place for wiring at start-up: an app's `ready()` imports its signal
# receivers and system checks, which must not load before the app registry is ready.
STARTUP = "apps.py"


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "migrations" in relative.parts:
            continue
        name = ".".join(relative.parts).removesuffix(".__init__")
        found[name] = path
    return found


def imports_of(path: Path, name: str) -> list[tuple[str, int, bool]]:
    """(imported module, line, at module level) for each slideshelf import in the file."""
    tree = ast.parse(path.read_text(), str(path))
    top = {id(node) for node in tree.body} | _type_checking_blocks(tree)
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:
                base = ".".join([*name.split(".")[: -node.level], node.module])
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            if target.startswith("slideshelf"):
                found.append((target, node.lineno, id(node) in top))
    return found


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    inside = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside |= {id(child) for child in node.body}
    return inside


def graph() -> dict[str, set[str]]:
    known = modules()
    edges: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for target, _, _ in imports_of(path, name):
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]  # `from pkg.mod import name`
            if target in known and target != name:
                edges[name].add(target)
    return edges


def part_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def layer_of(module: str) -> int:
    part = part_of(module)
    for number, parts in enumerate(LAYERS):
        if part in parts:
            return number
    raise AssertionError(f"{module} is in no layer: add its part to LAYERS and the README")


def test_every_part_is_in_a_layer():
    for module in modules():
        if module != "slideshelf":
            layer_of(module)


def test_no_import_runs_up_or_across_the_layers():
    wrong = []
    for module, targets in graph().items():
        if module == "slideshelf":
            continue
        for target in targets:
            if target == "slideshelf" or part_of(target) == part_of(module):
                continue
            if layer_of(target) <= layer_of(module):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_the_import_graph_has_no_cycle():
    edges = graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_no_import_hides_inside_a_function():
    hidden = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for name, path in modules().items()
        if path.name != STARTUP
        for target, line, at_top in imports_of(path, name)
        if not at_top
    ]
    assert hidden == []
