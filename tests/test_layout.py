"""The package's layout shows the data flow (graph.py): these are its rules, checked on the
imports every module makes (at its top or inside a function)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

from conftest import ROOT

PACKAGE = ROOT / "src" / "jazu"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> Dict[str, Set[str]]:
    """{module: the jazu modules it imports}; a name imported from a package counts as the
    package's module (or its submodule, where one is so named)."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    found: Dict[str, Set[str]] = {}
    for name, path in modules.items():
        targets: Set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jazu"):
                assert node.level == 0, f"{name}: relative import (the package imports absolutely)"
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("jazu"))
        found[name] = {t for t in targets if t != name}
    return found


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or parts[-1] in ("arabic", "latin", "cyrillic", "text", "tableset", "formats", "serve") else module


def test_no_module_imports_itself_through_others() -> None:
    graph = _imports()
    done: Set[str] = set()

    def visit(module: str, path: List[str]) -> None:
        if module in path:
            raise AssertionError("import circle: " + " -> ".join(path[path.index(module):] + [module]))
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            if target != "jazu":  # the public API package itself, imported by the CLI only
                visit(target, path + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_rooms_import_only_downstream() -> None:
    """Shared stages know no script; script rooms know neither each other nor the faces (CLI,
    API, graph); the tables' loader and compiler know no converter; document formats know only
    the Transliterator they are handed."""
    allowed = {
        "text": {"text", "errors"},
        "tableset": {"tableset", "errors"},
        "cyrillic": {"cyrillic"},
        "arabic": {"arabic", "cyrillic", "tableset", "text", "errors"},
        "latin": {"latin", "cyrillic", "tableset", "text", "errors"},
        "formats": {"formats", "errors"},  # documents call a Transliterator handed to them
        "serve": {"serve", "errors", "formats", "jazu"},  # the server calls the public API only
    }
    for module, targets in _imports().items():
        room = _room(module)
        if room not in allowed:
            continue
        for target in targets:
            target_room = _room(target).replace("jazu.", "")
            assert target_room in allowed[room], f"{module} imports {target}"
