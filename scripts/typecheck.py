"""mypy over the package as it installs: `interviewer` with ui/, voices/, banks/ inside.

pyproject's `package-dir` nests the top-level folders under `interviewer` in the wheel;
mypy cannot follow that remap, and with `ignore_missing_imports` it would quietly type every
`interviewer.ui...` import as Any. So this builds a view of the installed layout under
build/typecheck/ (symlinks, gitignored), runs mypy on it with pyproject's settings, and
prints each error with the path a developer opens (ui/jobs.py, not the view's path).

    .venv/bin/python scripts/typecheck.py [extra mypy arguments]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VIEW = REPO / "build" / "typecheck"


def package_dirs() -> dict[str, str]:
    """pyproject's package-dir: dotted package -> repository folder."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject["tool"]["setuptools"]["package-dir"]


def build_view() -> dict[str, str]:
    """build/typecheck/interviewer/: the core's entries and the nested folders, as symlinks.
    Returns view-relative prefix -> repository-relative prefix, for the error paths."""
    shutil.rmtree(VIEW, ignore_errors=True)
    root = VIEW / "interviewer"
    root.mkdir(parents=True)
    for entry in (REPO / "interviewer").iterdir():
        if entry.name != "__pycache__":
            (root / entry.name).symlink_to(entry)
    prefixes = {}
    for package, folder in package_dirs().items():
        if package == "interviewer":
            continue
        name = package.removeprefix("interviewer.")
        (root / name).symlink_to(REPO / folder, target_is_directory=True)
        prefixes[f"interviewer/{name}/"] = f"{folder}/"
    return prefixes


def repo_path(line: str, prefixes: dict[str, str]) -> str:
    """interviewer/ui/jobs.py:12: error -> ui/jobs.py:12: error."""
    for view, folder in prefixes.items():
        if line.startswith(view):
            return folder + line[len(view):]
    return line


def main(argv: list[str]) -> int:
    prefixes = build_view()
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"),
         "--cache-dir", str(REPO / "build" / "mypy-cache"), "interviewer", *argv],
        cwd=VIEW, capture_output=True, text=True)
    for line in (done.stdout + done.stderr).splitlines():
        print(re.sub(r"\s+$", "", repo_path(line, prefixes)))
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
