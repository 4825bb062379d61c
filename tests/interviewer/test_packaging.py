"""A wheel built from the repo carries all four folders under `interviewer`, every bank, and
its command works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-q", "-w", str(out), str(REPO)],
        check=True, capture_output=True, text=True,
    )
    [built] = out.glob("interview_rehearsal-*.whl")
    return built


def test_wheel_contains_every_package_and_bank(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("interviewer", "interviewer/ui", "interviewer/voices",
                    "interviewer/bank_files"):
        assert f"{package}/__init__.py" in names
    banks = {p.name for p in (REPO / "banks").glob("*.toml")}
    assert banks and {f"interviewer/bank_files/{b}" for b in banks} <= names
    assert "interviewer/py.typed" in names


def test_wheel_installs_a_working_command_in_a_fresh_virtualenv(wheel: Path,
                                                               tmp_path: Path) -> None:
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    site = target / "site-packages"
    # Unpack the wheel as pip would; dependencies come from this test run's environment.
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    run = [str(venv / "bin" / "python"), "-m", "interviewer"]
    version = subprocess.run([*run, "--version"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, check=True)
    assert version.stdout.startswith("interviewer ")
    listed = subprocess.run([*run, "banks", "--json"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=True)
    banks = json.loads(listed.stdout)
    assert all(b["path"].startswith(str(site)) for b in banks)
    assert sum(b["questions"] for b in banks) >= 45


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "interviewer"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "banks" in result.stdout
