"""The layers hold (CONVENTIONS: layers): the core never imports Qt or the app, nothing
imports the PyPI namesakes `ui`, `voices`, `banks`, and the core's parts form no cycle.

"Imports" here are every `import`, `from ... import`, and every import by name
(`importlib.import_module("...")`, `import_module(f"pkg.{x}")`, `__import__("...")`):
a name given as a string is as much a dependency as an import statement.
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO
from tests.interviewer.test_import_cycles import cycles

# repository folder -> the package it installs as (pyproject package-dir)
CORE = {"interviewer": "interviewer", "voices": "interviewer.voices",
        "banks": "interviewer.bank_files"}
EVERYTHING = {**CORE, "ui": "interviewer.ui"}
FORBIDDEN = ("PySide6", "shiboken6", "interviewer.ui")
NAMESAKES = ("ui", "voices", "banks")
# The two places the core reaches the app, by name at run time, on purpose:
RUN_TIME_UI = {
    ("interviewer/cli/main.py", "interviewer.ui.app"):
        "`interviewer` with no command starts the desktop app",
    ("interviewer/reports/export.py", "interviewer.ui.report_pdf"):
        "a PDF report is drawn with Qt's PDF writer",
}
DYNAMIC = "<not a literal>"


@dataclass(frozen=True)
class Imported:
    path: str  # relative to the repository
    line: int
    name: str  # dotted module name; for an f-string, its literal package prefix
    by_name: bool


def module_name(path: Path) -> str:
    """ui/jobs.py -> interviewer.ui.jobs; banks/__init__.py -> interviewer.bank_files."""
    relative = path.relative_to(REPO)
    parts = [EVERYTHING[relative.parts[0]], *relative.with_suffix("").parts[1:]]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _literal_name(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
            return first.value.rstrip(".")
    return DYNAMIC


def _is_by_name_call(node: ast.Call) -> bool:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("import_module", "__import__") and bool(node.args)


def imports_in(source: str, relative: str, package: str = "") -> list[Imported]:
    """Every module `source` imports, statically or by name. `package` resolves `from .x`."""
    found: list[Imported] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Imported(relative, node.lineno, a.name, False) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] \
                if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.append(Imported(relative, node.lineno, module, False))
            found += [Imported(relative, node.lineno, f"{module}.{a.name}", False)
                      for a in node.names]  # `from pkg import module` imports pkg.module
        elif isinstance(node, ast.Call) and _is_by_name_call(node):
            found.append(Imported(relative, node.lineno, _literal_name(node.args[0]), True))
    return found


def _sources(folders: tuple[str, ...]) -> list[Path]:
    return [path for folder in folders for path in sorted((REPO / folder).rglob("*.py"))]


def _imports(folders: tuple[str, ...]) -> list[Imported]:
    found: list[Imported] = []
    for path in _sources(folders):
        name = module_name(path) if path.relative_to(REPO).parts[0] in EVERYTHING else ""
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found += imports_in(path.read_text(encoding="utf-8"),
                            path.relative_to(REPO).as_posix(), package)
    return found


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_walker_sees_imports_by_name() -> None:
    source = ("import importlib\nfrom importlib import import_module\n"
              "a = importlib.import_module('PySide6.QtCore')\n"
              "b = import_module(f'interviewer.ui.{x}')\nc = __import__('shiboken6')\n"
              "d = importlib.import_module(name)\nfrom .sibling import y\n")
    found = {(i.name, i.by_name) for i in imports_in(source, "x.py", "interviewer.reports")}
    assert {("PySide6.QtCore", True), ("interviewer.ui", True), ("shiboken6", True),
            (DYNAMIC, True), ("interviewer.reports.sibling", False)} <= found


def test_core_never_imports_qt_or_the_app_except_the_two_named_ones() -> None:
    offenders = {(i.path, i.name): i for i in _imports(tuple(CORE))
                 if _under(i.name, FORBIDDEN)}
    assert set(offenders) == set(RUN_TIME_UI), (
        "the core (interviewer/, voices/, banks/) must not import Qt or interviewer.ui; "
        f"found {sorted(offenders)}")
    assert all(i.by_name for i in offenders.values()), "the exceptions import at run time only"


def test_every_import_by_name_in_the_core_can_be_checked() -> None:
    unchecked = [f"{i.path}:{i.line}" for i in _imports(tuple(CORE)) if i.name == DYNAMIC]
    assert unchecked == [], "give import_module a literal (or an f-string with a literal package)"


def test_nothing_imports_the_pypi_namesakes() -> None:
    """`ui`, `voices`, `banks` are other people's packages on PyPI: ours are interviewer.*."""
    folders = ("interviewer", "ui", "voices", "banks", "tests", "benchmarks", "scripts")
    wrong = [f"{i.path}:{i.line} {i.name}" for i in _imports(folders)
             if _under(i.name, NAMESAKES)]
    assert wrong == [], "import interviewer.ui, interviewer.voices, interviewer.bank_files"


@functools.cache
def _core_modules() -> frozenset[str]:
    return frozenset(module_name(p) for p in _sources(tuple(CORE)))


def _part(name: str) -> str | None:
    """The core part a module belongs to: a subpackage, or a loose module of the root."""
    parts = name.split(".")
    if parts[0] != "interviewer" or len(parts) < 2 or _under(name, ("interviewer.ui",)):
        return None
    while parts and ".".join(parts) not in _core_modules():
        parts.pop()  # `from interviewer import __version__` is the root package itself
    return ".".join(parts[:2]) if len(parts) >= 2 else None


def core_graph() -> dict[str, set[str]]:
    """Part -> the parts it imports (statically or by name), within the core."""
    edges: dict[str, set[str]] = {}
    for imported in _imports(tuple(CORE)):
        source = _part(module_name(REPO / imported.path))
        target = _part(imported.name)
        if source and target and source != target:
            edges.setdefault(source, set()).add(target)
    return edges


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_between_the_core_parts() -> None:
    edges = core_graph()
    assert len(edges) >= 15 and "interviewer.speech" in edges["interviewer.practice"]
    assert cycles(edges) == []


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, interviewer, interviewer.voices\n"
        "for root in (interviewer, interviewer.voices):\n"
        "    for m in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "        if m.name != 'interviewer.__main__': importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'ui',\n"
        "       'voices', 'banks') or n.startswith('interviewer.ui')]\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
