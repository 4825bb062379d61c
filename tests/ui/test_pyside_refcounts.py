"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and to
True/False on every bool signal, and the interpreter aborts after a few thousand. The
project excludes that release; this guards against installing one like it."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QObject, Signal

class Probe(QObject):
    flag = Signal(bool)

probe = Probe()
probe.flag.connect(lambda value: None)
probe.setObjectName("warm")
probe.flag.emit(True)
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(5000):
    probe.setObjectName("probe")
    probe.flag.emit(True)
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_void_calls_and_bool_signals_keep_their_references() -> None:
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert run.returncode == 0, run.stderr[-500:]
    none_delta, true_delta = map(int, run.stdout.split())
    assert abs(none_delta) < 100 and abs(true_delta) < 100, run.stdout
