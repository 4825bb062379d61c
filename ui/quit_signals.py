"""A polite end on SIGTERM, SIGINT or SIGHUP (a logout, `kill`, Ctrl+C in the terminal).

Without this Qt dies at once and the answer on screen, not yet saved (it is saved when
the candidate moves on, so a correction or rating goes with it), is lost: only its
recording is left to recover. Closing the window instead saves it as Quit does.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP")
                if hasattr(signal, name))
TICK_MS = 200  # Python runs signal handlers only between bytecodes: wake it up this often


def close_on_signals(window: QWidget) -> Callable[[], None]:
    """Close `window` when the process is asked to end; returns a function that undoes it."""
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        signal.signal(sig, lambda _sig, _frame: QTimer.singleShot(0, window.close))
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(TICK_MS)

    def restore() -> None:
        tick.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return restore
