"""Work around a PySide6 6.12.0 bug: every `Signal.emit()` drops one reference to `True`.

On Python 3.11 (where True is an ordinary refcounted object) a few thousand emits bring
True's count to zero and the interpreter aborts with "bool_dealloc" (mid-run or at
exit). The app emits a signal per audio chunk, so a long answer is enough. The fix
makes True and False effectively immortal, as Python 3.12 does for them; it is applied
only when the leak is measured, so a fixed PySide6 or a newer Python leaves it unused.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40  # more emits than any session could make
_applied = False


def emit_leaks_true() -> bool:
    """Emit a test signal and see whether True's reference count falls."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    probe.ping.emit()  # warm-up: first emit may create caches
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before - 4


def guard_bool_refcounts() -> bool:
    """Apply the workaround if needed; returns True when it was applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or not emit_leaks_true():
        return _applied
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _BIG
    _applied = True
    return True
