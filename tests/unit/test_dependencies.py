"""pyproject.toml lists every third-party package the generator imports (its runtime dependencies)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_packages() -> set[str]:
    found = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name not in ("generator", "__future__")}


def test_every_imported_package_is_a_listed_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = {_normalized(re.split(r"[<>=!~ \[]", requirement)[0]) for requirement in project["dependencies"]}
    distributions = importlib.metadata.packages_distributions()
    imported = _imported_packages()
    assert {"yaml", "jinja2", "markupsafe", "docx"} <= imported
    unlisted = {module for module in imported if not {_normalized(d) for d in distributions.get(module, [])} & listed}
    assert unlisted == set()
