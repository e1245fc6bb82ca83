"""The generator's packages import one way, and no module reaches into another's private names.

Layers, each importing only from the ones before it:
vn -> corpus -> link -> {publish, importer} -> build (publish and importer are siblings: neither
imports the other). Every import counts, including one inside a function. A name that starts
with "_" is private to its module: importing it from another module, or reading it as an
attribute of another module (`pipeline._resolve`), is a back-channel (in the benchmarks too).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generator"
LAYERS = {"vn": 0, "corpus": 1, "link": 2, "publish": 3, "importer": 3, "build": 4}
TOP = 5  # generator/__main__.py and generator/__init__.py sit above every package


@dataclass(frozen=True)
class Import:
    line: int
    target: str  # the imported module, dotted
    name: Optional[str] = None  # the name taken from it (from X import name), or read from it (X.name)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str, path: Path, known: set[str]) -> Iterator[Import]:
    """Every import of one of our modules in `path`, and every private name read from one."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    bound: dict[str, str] = {}  # local name -> our module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "generator":
                    yield Import(node.lineno, alias.name)
                    bound[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, path, node)
            if target.split(".")[0] != "generator":
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in known:  # from generator.corpus import rules
                    yield Import(node.lineno, submodule)
                    bound[alias.asname or alias.name] = submodule
                else:
                    yield Import(node.lineno, target, alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            owner = _dotted(node.value)
            if owner in bound or owner in known:  # structure._X, generator.build.pipeline._x
                yield Import(node.lineno, bound.get(owner, owner), node.attr)


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def layer(module: str) -> tuple[int, str]:
    parts = module.split(".")
    if len(parts) < 2 or parts[1] not in LAYERS:
        return TOP, ""
    return LAYERS[parts[1]], parts[1]


def is_private(name: Optional[str]) -> bool:
    return name is not None and name.startswith("_") and not name.startswith("__")


def violations(modules: dict[str, Path], known: set[str]) -> list[str]:
    """Every backward import and every private name taken from another module, located."""
    found = []
    for module, path in modules.items():
        rank, package = layer(module)
        for taken in imports(module, path, known):
            target_rank, target_package = layer(taken.target)
            where = f"{path.name}:{taken.line}: {module} -> {taken.target}"
            sibling = target_rank == rank != TOP
            if target_package != package and (target_rank > rank or sibling):
                found.append(f"{where} points backwards ({package or 'generator'} may not import {target_package})")
            if is_private(taken.name) and taken.target != module:
                found.append(f"{where}: private name {taken.name}")
    return found


def test_imports_point_one_way_and_take_no_private_names():
    modules = _modules()
    assert violations(modules, set(modules)) == []


def test_benchmarks_take_no_private_names():
    known = set(_modules())
    found = [
        f"{path.name}:{taken.line}: {taken.target}.{taken.name}"
        for path in sorted((ROOT / "benchmarks").rglob("*.py"))
        for taken in imports(module_name(path), path, known)
        if is_private(taken.name)
    ]
    assert found == []


@pytest.mark.parametrize(
    "module, source, expected",
    [
        ("generator.vn.text", "from generator.corpus.model import Document\n", "points backwards"),
        ("generator.corpus.read", "def f():\n    from generator.link import resolve\n", "points backwards"),
        ("generator.publish.views", "import generator.importer.emit\n", "points backwards"),
        ("generator.importer.emit", "from generator.publish.urls import page_url\n", "points backwards"),
        ("generator.link.tasks", "from ..build import cli\n", "points backwards"),
        ("generator.build.preview", "from generator.build.pipeline import _resolve\n", "private name _resolve"),
        ("generator.importer.tasks", "from . import structure\nx = structure._INLINE\n", "private name _INLINE"),
        ("generator.build.cli", "import generator.build.pipeline\ngenerator.build.pipeline._x()\n", "private name _x"),
        ("generator.link.tasks", "from ..corpus import model\nfrom .resolve import sort_key\n", None),
        ("generator.build.cli", "from generator.publish import render\nimport generator.vn.text\n", None),
        ("generator.__main__", "from generator.build.cli import main\n", None),
        ("generator.corpus.read", "from generator.corpus.load import _err\n", "private name _err"),
    ],
)
def test_the_walk_finds_a_backward_or_private_import(tmp_path, module, source, expected):
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    problems = violations({module: path}, set(_modules()))
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and expected in problems[0], problems


# --- sizes: no module over about 500 lines, no function over about 80 -------------------------

MODULE_LINES = 500
FUNCTION_LINES = 80


def oversized(paths: list[Path], root: Path) -> list[str]:
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root)
        if len(text.splitlines()) > MODULE_LINES:
            found.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno:
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    found.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    return found


def test_no_module_or_function_is_oversized():
    assert oversized(sorted(PACKAGE.rglob("*.py")), ROOT) == []


def test_the_size_check_sees_a_long_function_and_a_long_module(tmp_path):
    (tmp_path / "long.py").write_text("def f():\n" + "    x = 1\n" * FUNCTION_LINES, encoding="utf-8")
    (tmp_path / "short.py").write_text("def g():\n    return 1\n", encoding="utf-8")
    (tmp_path / "big.py").write_text("x = 1\n" * (MODULE_LINES + 1), encoding="utf-8")
    found = oversized(sorted(tmp_path.glob("*.py")), tmp_path)
    assert found == ["big.py: 501 lines", "long.py:1 f: 81 lines"]


def test_every_module_has_a_test_module_of_its_own():
    # generator/<package>/<module>.py -> tests/unit/<package>/test_<module>.py
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        relative = path.relative_to(PACKAGE)
        test = ROOT / "tests" / "unit" / relative.parent / f"test_{relative.name}"
        if not test.is_file():
            missing.append(test.relative_to(ROOT).as_posix())
    assert missing == []


def test_a_bare_test_run_collects_every_test_module():
    """`make test` runs every test module: no folder of tests is skipped by name (pytest's
    default skipped tests/unit/build/, as it skips any folder named "build")."""
    import subprocess
    import sys

    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    collected = {line.split("::", 1)[0] for line in listed.splitlines() if "::" in line}
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    assert modules - collected == set()
