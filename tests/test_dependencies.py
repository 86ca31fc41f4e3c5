"""Every package the code imports is declared, and the lock installs exactly what is declared.

``make`` installs the virtual environment from ``requirements.lock`` alone (pinned versions with
their hashes), so a package that is only there because another one happens to depend on it today
would vanish without notice the day that one stops. The runtime code (``generator/``) may import
only the dependencies of ``pyproject.toml``; the tests, scripts and benchmarks also the ``test``
extra. (``scripts/measure-search`` alone needs the ``measure`` extra, which is not in the lock:
``pip install -e '.[measure]'`` when comparing the analysers.)
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCK = REPO / "requirements.lock"


def declared(*groups: str) -> set[str]:
    """The declared distributions, with what a declared extra brings (``pagefind[bin]``)."""
    specs = list(PYPROJECT["dependencies"])
    for group in groups:
        specs += PYPROJECT["optional-dependencies"][group]
    names = set()
    for spec in map(Requirement, specs):
        names.add(canonicalize_name(spec.name))
        for extra in spec.extras:
            for needed in map(Requirement, requires(spec.name) or []):
                if needed.marker and needed.marker.evaluate({"extra": extra}):
                    names.add(canonicalize_name(needed.name))
    return names


def python_files(*places: str) -> list[Path]:
    files: list[Path] = []
    for place in places:
        path = REPO / place
        if path.is_file():
            files.append(path)
        else:
            files += [p for p in path.rglob("*.py") if "fixtures" not in p.parts and "golden" not in p.parts]
    return files


def imported(path: Path) -> set[str]:
    """Top-level names of the absolute imports of one file (inside functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def project_modules() -> set[str]:
    """Names the project's own files can be imported as (pytest and the scripts put their folders on the path)."""
    names = set()
    for place in ("generator", "tests", "scripts", "benchmarks"):
        for path in (REPO / place).rglob("*.py"):
            names.add(path.stem)
            names |= {parent.name for parent in path.parents if (parent / "__init__.py").exists()}
    return names


def undeclared(files: list[Path], allowed: set[str]) -> list[str]:
    providers = packages_distributions()
    own = project_modules()
    problems = []
    for path in files:
        for name in sorted(imported(path)):
            if name in sys.stdlib_module_names or name in own:
                continue
            dists = {canonicalize_name(d) for d in providers.get(name, [])}
            if not dists:
                problems.append(f"{path.relative_to(REPO)}: {name} (not installed)")
            elif not dists & allowed:
                problems.append(f"{path.relative_to(REPO)}: {name} (from {', '.join(sorted(dists))})")
    return problems


def test_the_runtime_code_imports_only_declared_dependencies() -> None:
    assert undeclared(python_files("generator"), declared()) == []


def test_tests_scripts_and_benchmarks_import_only_declared_dependencies() -> None:
    files = python_files("tests", "benchmarks", "scripts/find_browser.py", "scripts/runner-rehearsal")
    assert undeclared(files, declared("test")) == []


def locked() -> dict[str, list[tuple[str, str]]]:
    """Name → [(version, environment marker)] of every package in the lock."""
    pins: dict[str, list[tuple[str, str]]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        found = re.match(r"([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]*?))?\s*\\?$", line)
        if found:
            name, version, marker = found.groups()
            pins.setdefault(canonicalize_name(name), []).append((version, marker or ""))
    return pins


def test_every_locked_package_has_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert blocks
    for block in blocks:
        assert "--hash=sha256:" in block, block.splitlines()[0]


@pytest.mark.parametrize("group", ["dependencies", "test"])
def test_the_lock_satisfies_pyproject(group: str) -> None:
    """After a change to pyproject.toml, `make lock` must be run: otherwise this fails by name."""
    specs = (
        PYPROJECT["dependencies"] if group == "dependencies" else PYPROJECT["optional-dependencies"][group]
    )
    pins = locked()
    stale = []
    for spec in specs:
        requirement = Requirement(spec)
        versions = [version for version, _ in pins.get(canonicalize_name(requirement.name), [])]
        if not versions or not all(requirement.specifier.contains(v, prereleases=True) for v in versions):
            stale.append(f"{spec}: lukossa {versions or 'ei ole'}")
    assert stale == [], "aja make lock"
