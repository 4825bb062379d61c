"""The wheel a user installs, not the checkout: built, installed in a fresh virtualenv
with all its dependencies, and run from there (commands, the app on the X screen, pipx).

Slow by nature (a real install of PySide6, ONNX Runtime, CTranslate2...), but pip's wheel
cache makes a second install mostly unpacking. The screenshot of the app started from
the wheel is left in tests/artifacts/wheel-app.png for a person to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.interviewer.recordings import librivox

# the repository's top-level folders and where the wheel puts them (pyproject package-dir)
PACKAGES = {"interviewer": "interviewer", "ui": "interviewer/ui", "voices": "interviewer/voices",
            "banks": "interviewer/bank_files"}
# PyPI distributions whose import names are the repository's folder names: installed next to
# the wheel, they must not shadow or break the app (issue #24). `voices` is installed without
# its dependencies (PyAudio needs a C build against PortAudio, plus librosa and matplotlib);
# what matters is its top-level `voices` package on sys.path, which it brings either way.
PYPI_NAMESAKES = (("banks==2.5.1",), ("--no-deps", "voices==1.2.0"))
# a real install of every dependency: minutes on a loaded machine, more with a cold cache
pytestmark = [pytest.mark.slow, pytest.mark.timeout(2400)]


def _source_files() -> list[str]:
    """Files git has or would add (tracked, plus new ones not ignored)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.splitlines() if (REPO / name).is_file()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build --wheel` of a clean copy of the sources (no build/ or .venv)."""
    source = tmp_path_factory.mktemp("source")
    for name in _source_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out),
                            str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [found] = out.glob("interview_rehearsal-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtualenv with the wheel and its dependencies installed by pip; its bin dir."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    # no PYTHONPATH: a checkout on it carries an .egg-info pip would take as installed
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    for what in ((str(wheel),), *PYPI_NAMESAKES):
        installed = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q",
                                    *what], env=env, capture_output=True, text=True)
        assert installed.returncode == 0, installed.stderr[-3000:]
    assert (bin_dir / "interviewer").is_file(), "the wheel's command was not installed"
    return bin_dir


def _in_wheel(source_name: str) -> str:
    """Where a repository file lands in the wheel: ui/x.py -> interviewer/ui/x.py."""
    top, _, rest = source_name.partition("/")
    return f"{PACKAGES[top]}/{rest}"


def _home_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["INTERVIEWER_HOME"] = str(tmp_path / "home")
    return env


def test_wheel_holds_every_data_file_of_the_packages(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = [_in_wheel(n) for n in _source_files()
              if n.split("/")[0] in PACKAGES and not n.endswith((".pyc", ".py"))]
    assert {"interviewer/bank_files/ar_collector.toml",
            "interviewer/voices/personas/warm_recruiter.toml",
            "interviewer/desktop/icons/interviewer.svg",
            "interviewer/desktop/icons/interviewer-16.png"} <= set(wanted)
    missing = sorted(set(wanted) - names)
    assert not missing, f"left out of the wheel: {missing}"
    modules = [_in_wheel(n) for n in _source_files()
               if n.split("/")[0] in PACKAGES and n.endswith(".py")]
    assert not sorted(set(modules) - names)
    print(f"{wheel.name}: {len(wanted)} data files and {len(modules)} modules, all inside")


def test_wheel_has_one_install_root(wheel: Path) -> None:
    """site-packages gets `interviewer` and the dist-info, nothing named ui, voices, banks."""
    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    version = wheel.name.split("-")[1]
    assert tops == {"interviewer", f"interview_rehearsal-{version}.dist-info"}, tops


SCORED_QUESTION = "ar-collector/ar-collection-experience"
SCORED_ANSWER = ("I have worked four years in accounts receivable collections, calling overdue "
                 "customers every day, setting up payment plans and cutting days sales "
                 "outstanding by ten days.")
# The app's own start path (ui/app.build_window), shown offscreen, closed by a timer; then
# where its packages came from, and whether the namesakes were imported at all.
START_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from interviewer.ui.app import build_window
from interviewer.voices.personas import load_personas
app = QApplication(sys.argv)
window = build_window()
window.show()
QTimer.singleShot(1500, window.close)
QTimer.singleShot(3000, app.quit)
app.exec()
import interviewer.ui, interviewer.voices, interviewer.bank_files
print("started and quit:", window.windowTitle(), len(load_personas()), "personas",
      interviewer.voices.__file__)
assert "voices" not in sys.modules and "banks" not in sys.modules, "a namesake was imported"
"""


def test_app_runs_next_to_the_pypi_namesakes(fresh: Path, tmp_path: Path) -> None:
    """PyPI's `voices` and `banks` sit in the same site-packages: help, score and a start."""
    env = {**_home_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    site = next((fresh.parent / "lib").glob("python3*/site-packages"))
    assert (site / "voices/__init__.py").is_file() and (site / "banks/__init__.py").is_file()
    helped = subprocess.run([str(fresh / "interviewer"), "--help"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0 and "score" in helped.stdout, helped.stderr[-2000:]
    scored = subprocess.run([str(fresh / "interviewer"), "score", SCORED_QUESTION, "--json",
                             "--text", SCORED_ANSWER], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert scored.returncode == 0, scored.stderr[-2000:]
    result = json.loads(scored.stdout)
    assert result["question"] == SCORED_QUESTION and result["coverage"] > 0, result
    print(f"score next to PyPI voices/banks: {json.dumps(result)[:200]}")
    started = subprocess.run([str(fresh / "python"), "-c", START_AND_QUIT], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr[-3000:]
    assert "Traceback" not in started.stderr, started.stderr[-3000:]
    print(started.stdout.strip())


def test_installed_wheel_lists_banks_and_personas_from_its_own_files(fresh: Path,
                                                                      tmp_path: Path) -> None:
    env = _home_env(tmp_path)
    site = str(fresh.parent / "lib")
    listed = subprocess.run([str(fresh / "interviewer"), "banks", "--json"], cwd=tmp_path,
                            env=env, capture_output=True, text=True, check=True)
    banks = json.loads(listed.stdout)
    assert banks and all(b["path"].startswith(site) for b in banks)
    assert sum(b["questions"] for b in banks) >= 45
    voices = subprocess.run([str(fresh / "python"), "-c",
                             "import json; from interviewer.voices.personas import load_personas; "
                             "print(json.dumps({p.id: str(p.path) for p in load_personas()}))"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert voices.returncode == 0, voices.stderr
    personas = json.loads(voices.stdout)
    assert {"brisk_manager", "slow_clear", "warm_recruiter"} <= set(personas)
    assert all(path.startswith(site) for path in personas.values())


def test_installed_wheel_transcribes_a_real_recording(fresh: Path, tmp_path: Path) -> None:
    recording = librivox()[1]  # "he was not an ill disposed young man"
    done = subprocess.run([str(fresh / "interviewer"), "transcribe", "--json",
                           str(recording.path)], cwd=tmp_path, env=_home_env(tmp_path),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    [result] = json.loads(done.stdout)
    heard = set(result["text"].lower().split())
    said = recording.transcript.split()
    hits = [w for w in said if w in heard]
    print(f"{result['engine']}: {result['text']!r} ({len(hits)}/{len(said)} words)")
    assert len(hits) >= len(said) * 0.6


def test_installed_wheel_writes_a_valid_launcher(fresh: Path, tmp_path: Path) -> None:
    into = tmp_path / "xdg-data"
    subprocess.run([str(fresh / "interviewer"), "install-launcher", "--into", str(into)],
                   env=_home_env(tmp_path), capture_output=True, text=True, check=True)
    entry = into / "applications" / "interviewer.desktop"
    valid = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert valid.returncode == 0 and not valid.stdout.strip(), valid.stdout
    assert f"Exec={fresh / 'interviewer'}\n" in entry.read_text(encoding="utf-8")
    assert (into / "icons/hicolor/48x48/apps/interviewer.png").stat().st_size > 0


def _app_window(name: str, timeout: float = 60.0) -> str | None:
    """The X id of the top-level window of class `name`, once it is mapped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True)
        match = re.search(rf'(0x[0-9a-f]+) "{name}": \("{name}" "{name}"\)', tree.stdout)
        if match:
            return match.group(1)
        time.sleep(0.5)
    return None


GRAB_SCREEN = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
app.primaryScreen().grabWindow(0).save(sys.argv[1])
"""


def test_app_starts_from_the_installed_wheel_with_its_icon(fresh: Path, tmp_path: Path,
                                                           artifacts: Path) -> None:
    assert os.environ.get("DISPLAY"), "run the tests under xvfb-run (./test.sh does)"
    env = {**_home_env(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen([str(fresh / "interviewer")], cwd=tmp_path, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        window = _app_window("interviewer")
        assert window, "no interviewer window appeared"
        time.sleep(2)  # let the start screen paint
        assert app.poll() is None
        props = subprocess.run(["xprop", "-id", window, "WM_CLASS", "_NET_WM_ICON"],
                               capture_output=True, text=True, check=True).stdout
        sizes = set(re.findall(r"Icon \((\d+) x \1\)", props))
        assert {"16", "32", "48", "128"} <= sizes, props[:300]  # Qt sends up to 128 px
        shot = artifacts / "wheel-app.png"
        subprocess.run([str(fresh / "python"), "-c", GRAB_SCREEN, str(shot)], env=env,
                       check=True, timeout=60)
        assert shot.stat().st_size > 10_000  # a painted window, not a blank screen
        print(f"app window {window}, icon sizes {sorted(sizes, key=int)}, screenshot {shot}")
    finally:
        app.terminate()
        output = app.communicate(timeout=30)[0]
    assert "Traceback" not in output, output[-2000:]


def test_pipx_install_of_the_wheel_gives_a_working_command(wheel: Path, fresh: Path,
                                                           tmp_path: Path) -> None:
    """pipx makes its own virtualenv for the app: the way to install it for good."""
    subprocess.run([str(fresh / "python"), "-m", "pip", "install", "-q", "pipx"], check=True)
    env = {**_home_env(tmp_path), "PIPX_HOME": str(tmp_path / "pipx"),
           "PIPX_BIN_DIR": str(tmp_path / "pipx-bin"), "PIPX_MAN_DIR": str(tmp_path / "man")}
    done = subprocess.run([str(fresh / "pipx"), "install", str(wheel)], env=env,
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    command = tmp_path / "pipx-bin" / "interviewer"
    listed = subprocess.run([str(command), "banks", "--json"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=True)
    banks = json.loads(listed.stdout)
    assert all(b["path"].startswith(str(tmp_path / "pipx")) for b in banks)
    print(f"pipx: {command} lists {len(banks)} banks from its own virtualenv")
