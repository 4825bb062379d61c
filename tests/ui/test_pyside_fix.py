from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

SCRIPT = """
import sys
count = sys.getrefcount(True) + 1000
{setup}
from PySide6.QtCore import QObject, Signal
class E(QObject):
    s = Signal(bytes)
e = E()
for _ in range(count):
    e.s.emit(b"pcm")
print("survived")
"""


def _run(setup: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(setup=setup)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_many_emits_survive_once_ui_is_imported() -> None:
    """More emits than True has references: without the guard this aborts on PySide6 6.12.0."""
    result = _run("import interviewer.ui")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


def test_the_bug_is_real_without_the_guard_or_the_guard_is_unused() -> None:
    """Keeps the workaround honest: it is needed exactly when emits leak."""
    from interviewer.ui import pyside_fix

    result = _run("")
    assert (result.returncode != 0) == pyside_fix._applied


NONE_SCRIPT = """
import sys
count = sys.getrefcount(None) + 1000
{setup}
from PySide6.QtCore import QObject
o = QObject()
for _ in range(count):
    o.setObjectName("x")
print("survived")
"""


def test_many_void_calls_survive_once_ui_is_imported() -> None:
    from interviewer.ui import pyside_fix

    script = NONE_SCRIPT.format(setup="import interviewer.ui")
    guarded = subprocess.run([sys.executable, "-c", script], cwd=REPO,
                             capture_output=True, text=True, timeout=120)
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr[-2000:]
    bare = subprocess.run([sys.executable, "-c", NONE_SCRIPT.format(setup="")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert (bare.returncode != 0) == pyside_fix._none_applied


def test_importing_the_history_screen_survives_many_void_calls() -> None:
    """Any `ui` module applies the guard through ui/__init__.py, the history screen too."""
    result = subprocess.run([sys.executable, "-c",
                             NONE_SCRIPT.format(setup="import interviewer.ui.history_view")],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
