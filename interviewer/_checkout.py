"""Run from a source checkout: find `interviewer.ui`, `.voices`, `.bank_files` beside us.

The wheel nests ui/, voices/ and banks/ inside `interviewer` (pyproject `package-dir`). An
editable install maps them through setuptools' finder, but that finder points at the tree
that was installed: a second worktree on PYTHONPATH would import the other tree's ui. So
when this package sits in a checkout (pyproject.toml next to it), the three names resolve
to the checkout's own folders, ahead of any installed mapping. In site-packages there is
no pyproject.toml beside `interviewer/`, and nothing here runs.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

FOLDERS = {"interviewer.ui": "ui", "interviewer.voices": "voices",
           "interviewer.bank_files": "banks"}


class CheckoutFinder(importlib.abc.MetaPathFinder):
    """Finds the three remapped packages in the checkout's top-level folders."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def find_spec(self, fullname: str, path: object = None,
                  target: object = None) -> importlib.machinery.ModuleSpec | None:
        folder = FOLDERS.get(fullname)
        if folder is None:
            return None
        init = self.root / folder / "__init__.py"
        return importlib.util.spec_from_file_location(
            fullname, init, submodule_search_locations=[str(init.parent)])


def install(package_dir: Path) -> None:
    """Put the finder first on sys.meta_path when `package_dir` is inside a checkout."""
    root = package_dir.parent
    if not (root / "pyproject.toml").is_file() or not (root / "ui" / "__init__.py").is_file():
        return
    if not any(isinstance(f, CheckoutFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, CheckoutFinder(root))
