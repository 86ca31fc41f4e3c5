"""The package has no import cycles: every module can be read knowing only the ones it imports,
and none is longer than can be read as one piece."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "generator"
MAX_LINES = 400
"""The most lines a module of the package may have (ARCHITECTURE.md, "Moduulien koko")."""
ADAPTER = PACKAGE / "mkdocs_plugin.py"
MAX_ADAPTER_CODE_LINES = 200
"""The most lines of code the MkDocs adapter may have (ARCHITECTURE.md, "Sovitin")."""


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


def code_lines(source: str) -> int:
    """Lines that hold code: not blank, not only a comment, not part of a docstring (a string
    standing alone as a statement: the module's, a class's, a function's or an attribute's)."""
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docstrings.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    layout = {
        tokenize.COMMENT,
        tokenize.NL,
        tokenize.NEWLINE,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENDMARKER,
    }
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in layout:
            lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines - docstrings)


def test_code_lines_are_counted_without_blank_lines_comments_and_docstrings():
    source = '''"""Module.

    More."""

import os  # a comment


class A:
    """Class."""

    x = 1
    """Attribute."""

    def f(self) -> str:
        # only a comment
        return """not a docstring:
        a value"""
'''
    assert code_lines(source) == 6  # import, class, x, def, and the returned string's two lines


def test_the_mkdocs_adapter_is_at_most_200_lines_of_code():
    """The adapter only wires MkDocs's events to our steps (ARCHITECTURE.md, "Sovitin")."""
    count = code_lines(ADAPTER.read_text(encoding="utf-8"))
    assert count <= MAX_ADAPTER_CODE_LINES, (
        f"{ADAPTER.name}: {count} koodiriviä (enintään {MAX_ADAPTER_CODE_LINES})"
    )
