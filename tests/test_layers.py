"""The package has no import cycles: every module can be read knowing only the ones it imports,
and none is longer than can be read as one piece."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "generator"
MAX_LINES = 400
"""The most lines a module of the package may have (ARCHITECTURE.md, "Moduulien koko")."""


def _module(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str) -> set[str]:
    """Modules of the package that ``path`` imports when it runs (not under TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_of_the_package_imports_itself_through_others():
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {
        name: {m for m in _imports(path, name) if m in modules and m != name and not name.startswith(m + ".")}
        for name, path in modules.items()
    }
    cycles = []

    def visit(name: str, trail: list[str]) -> None:
        for nxt in sorted(graph[name]):
            if nxt in trail:
                cycles.append(" → ".join(trail[trail.index(nxt) :] + [nxt]))
            elif nxt not in done:
                visit(nxt, trail + [nxt])
        done.add(name)

    done: set[str] = set()
    for name in sorted(modules):
        if name not in done:
            visit(name, [name])
    assert not cycles, cycles
    assert graph["generator.site.render"] >= {"generator.site.hubs", "generator.site.context"}


def test_no_module_of_the_package_is_over_400_lines():
    lengths = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    assert lengths, "no modules found"
    too_long = [f"{name}: {lines} riviä" for name, lines in lengths.items() if lines > MAX_LINES]
    assert not too_long, too_long
