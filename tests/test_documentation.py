"""The READMEs name files that exist, and each package README lists every module of its package.

A path in backticks whose first folder is one of the repository's (``generator/site/plan.py``,
``docs/assets/kb-plan/plan.js``, ``tests/browser/pages.py``), or one relative to ``generator/``
(``site/explorer.py``), must exist; so must a Python or JavaScript file named alone. Addresses on
the site (``lainaukset/<tunniste>/``), build output (``data/practices.json``) and patterns with
``*`` or ``<…>`` are not files of the repository and are left alone.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SKIPPED = {".git", ".venv", "node_modules", "site", "build", "__pycache__", ".pytest_cache"}
"""Not the repository's own files (``site`` and ``build`` only at the top: ``generator/site`` is)."""
READMES = [
    REPO / "README.md",
    REPO / "benchmarks" / "README.md",
    *sorted((REPO / "generator").glob("*/README.md")),
]
TOKEN = re.compile(r"`([^`\s]+)`")
FILE_SUFFIXES = (".py", ".js")


@cache
def repository_files() -> set[str]:
    names: set[str] = set()
    for folder, dirs, files in os.walk(REPO):
        top = folder == str(REPO)
        dirs[:] = [
            d for d in dirs if not (d in SKIPPED and (top or d != "site")) and not d.startswith(".site")
        ]
        names.update(files)
        names.update(dirs)
    return names


def missing_paths(readme: Path, names: set[str]) -> list[str]:
    top = {p.name for p in REPO.iterdir() if p.name not in SKIPPED}
    package = readme.parent if readme.parent.parent.name == "generator" else None
    missing = []
    for line_number, line in enumerate(readme.read_text(encoding="utf-8").splitlines(), 1):
        for token in TOKEN.findall(line):
            path = token.split("#")[0].rstrip(":,.")
            if not path or any(c in path for c in "*<>…$=?{}") or "://" in path or path.startswith("/"):
                continue
            first = path.split("/")[0]
            if "/" in path.rstrip("/"):
                bases = [REPO] if first in top else []
                # ``site/…`` is the build's output, unless it names a module of generator/site.
                if (REPO / "generator" / first).is_dir() and (first != "site" or path.endswith(".py")):
                    bases.append(REPO / "generator")
                if package and (package / first).exists():
                    bases.append(package)
                if bases and not any((base / path).exists() for base in bases):
                    missing.append(f"{readme.relative_to(REPO)}:{line_number}: {token}")
            elif path.endswith(FILE_SUFFIXES) and path not in names:
                missing.append(f"{readme.relative_to(REPO)}:{line_number}: {token}")
    return missing


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_path_a_readme_names_exists(readme: Path) -> None:
    assert missing_paths(readme, repository_files()) == []


@pytest.mark.parametrize(
    "package", sorted(p.parent for p in (REPO / "generator").glob("*/README.md")), ids=lambda p: p.name
)
def test_a_package_readme_lists_every_module_of_its_package(package: Path) -> None:
    text = (package / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w/]+\.py)`", text))
    modules = {p.name for p in package.glob("*.py") if p.name != "__init__.py"}
    assert sorted(modules - {Path(n).name for n in named}) == [], "modules the README does not list"
    strangers = [n for n in named if "/" not in n and n not in modules and not (package.parent / n).exists()]
    assert strangers == [], "listed modules that are neither the package's nor generator's own"


def test_the_layering_contract_covers_every_module_and_only_the_adapter_may_import_mkdocs() -> None:
    """The README's claim: layers checked by import-linter, and mkdocs_plugin.py the only module
    that uses MkDocs. A module left out of the contract would be checked by neither."""
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    top = {
        f"generator.{p.stem}" if p.is_file() else f"generator.{p.name}"
        for p in (REPO / "generator").iterdir()
        if (p.suffix == ".py" and p.stem not in {"__init__", "__main__"}) or (p / "__init__.py").exists()
    }
    layered = {
        name.strip()
        for c in contracts
        if c["type"] == "layers"
        for layer in c["layers"]
        for name in layer.split("|")
    }
    assert sorted(top - layered) == []
    [forbidden] = [c for c in contracts if c["type"] == "forbidden"]
    assert set(forbidden["forbidden_modules"]) >= {"mkdocs", "material"}
    assert sorted(top - set(forbidden["source_modules"])) == ["generator.mkdocs_plugin"]
