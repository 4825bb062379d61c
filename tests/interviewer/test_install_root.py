"""One install root: pyproject's hand-written `packages` list misses no folder, and the
checkout resolves the nested names to its own folders (issue #24)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.conftest import REPO

SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"]


def _expected_packages() -> set[str]:
    """Every folder with an __init__.py under each package-dir root, as a dotted name."""
    found: set[str] = set()
    for package, folder in SETUPTOOLS["package-dir"].items():
        for init in (REPO / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(REPO / folder).parts
            found.add(".".join((package, *relative)))
    return found


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    listed = set(SETUPTOOLS["packages"])
    missing = sorted(_expected_packages() - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert not sorted(listed - _expected_packages()), "listed but no such folder"
    assert len(listed) >= 13


def test_package_dir_keeps_the_top_level_folders() -> None:
    assert SETUPTOOLS["package-dir"] == {"interviewer": "interviewer", "interviewer.ui": "ui",
                                         "interviewer.voices": "voices",
                                         "interviewer.bank_files": "banks"}


def test_package_data_follows_the_remapped_folders() -> None:
    data = SETUPTOOLS["package-data"]
    for package, patterns in data.items():
        folder = REPO / SETUPTOOLS["package-dir"].get(package, package.replace(".", "/"))
        for pattern in patterns:
            assert list(folder.glob(pattern)), f"{package}: {pattern} matches nothing"
    assert set(data) == {"interviewer", "interviewer.bank_files", "interviewer.voices"}


def test_checkout_imports_its_own_folders_not_a_namesake(tmp_path) -> None:
    """A `voices` and a `banks` package earlier on sys.path change nothing for the app."""
    for name in ("voices", "banks", "ui"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("raise ImportError('the namesake')\n")
    code = ("import sys; sys.path.insert(0, sys.argv[1])\n"
            "import interviewer.ui.jobs, interviewer.voices.personas, interviewer.bank_files\n"
            "from interviewer.banks.loader import builtin_dir\n"
            "from interviewer.voices.personas import builtin_dir as personas_dir\n"
            "print(interviewer.ui.jobs.__file__, builtin_dir(), personas_dir())\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(REPO / "ui" / "jobs.py"), str(REPO / "banks"),
                                   str(REPO / "voices" / "personas")]
