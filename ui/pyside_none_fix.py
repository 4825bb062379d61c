"""Work around a PySide6 6.12.0 bug on Python 3.11: every call of a `void` Qt method
drops one reference to `None`.

None starts with a few thousand references, so after a few thousand calls (a history
screen refreshed a handful of times) the interpreter aborts with "none_dealloc". The
fix makes None effectively immortal, as Python 3.12 does; it is applied only when the
leak is measured, so a fixed PySide6 or a newer Python leaves it unused. (The app's
`pyside_fix` does the same for True and False, which `Signal.emit` leaks.)
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40  # more calls than any session could make
_applied = False


def void_call_leaks_none() -> bool:
    """Call a void Qt method a few times and see whether None's reference count falls."""
    from PySide6.QtCore import QObject

    probe = QObject()
    probe.setObjectName("probe")  # warm-up
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 4


def guard_none_refcount() -> bool:
    """Apply the workaround if needed; returns True when it has been applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or not void_call_leaks_none():
        return _applied
    ctypes.c_ssize_t.from_address(id(None)).value += _BIG
    _applied = True
    return True
