"""The quick-start scripts on a Mac (simulated by a `uname` that says Darwin): no apt, and
a Python too old for interviewer gets told where to find a new one."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO


def _fake_bin(folder: Path, **commands: str) -> Path:
    """Scripts named after commands, put first on PATH; each logs its call to calls.log."""
    folder.mkdir()
    for name, body in commands.items():
        script = folder / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> "{folder}/calls.log"\n{body}\n')
        script.chmod(0o755)
    return folder


def _copy_scripts(tmp: Path) -> Path:
    root = tmp / "checkout"
    (root / "scripts").mkdir(parents=True)
    for name in ("scripts/system-deps.sh", "scripts/venv.sh", "pyproject.toml"):
        shutil.copy(REPO / name, root / name)
    return root


def test_system_deps_installs_nothing_on_macos(tmp_path: Path) -> None:
    fake = _fake_bin(tmp_path / "bin", uname='echo Darwin', sudo="exit 1",
                     **{"apt-get": "exit 1", "dpkg-query": "exit 1"})
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    for mode in ("app", "test"):
        done = subprocess.run(["bash", str(REPO / "scripts/system-deps.sh"), mode], env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    calls = (fake / "calls.log").read_text().split("\n")
    assert not [c for c in calls if c.startswith(("apt-get", "sudo", "dpkg-query"))]


def test_too_old_python_on_macos_is_told_where_to_get_one(tmp_path: Path) -> None:
    root = _copy_scripts(tmp_path)
    fake = _fake_bin(tmp_path / "bin", uname="echo Darwin",
                     python3='[ "$1" = --version ] && echo "Python 3.9.6"; exit 1')
    env = {**os.environ, "PATH": f"{fake}:/usr/bin:/bin", "PYTHON": str(fake / "python3")}
    done = subprocess.run(["bash", str(root / "scripts/venv.sh")], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "needs Python 3.11 or newer; found Python 3.9.6" in done.stderr
    assert "python.org" in done.stderr and "brew install" in done.stderr
    assert not (root / ".venv").exists()


def test_an_old_python3_falls_back_to_a_versioned_one(tmp_path: Path) -> None:
    """macOS's own python3 is 3.9: a python3.12 from python.org or Homebrew is used instead."""
    root = _copy_scripts(tmp_path)
    fake = _fake_bin(tmp_path / "bin", uname="echo Darwin", python3="exit 1",
                     **{"python3.13": "exit 1", "python3.11": "exit 1",  # whatever is installed
                        "python3.12": '[ "$1" = -c ] && exit 0; exit 3'})
    env = {**os.environ, "PATH": f"{fake}:/usr/bin:/bin"}
    env.pop("PYTHON", None)
    done = subprocess.run(["bash", str(root / "scripts/venv.sh")], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 3  # the fake python3.12 was asked to make the venv
    assert "python3.12 -m venv .venv" in (fake / "calls.log").read_text()
