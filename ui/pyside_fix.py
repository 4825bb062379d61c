"""Work around PySide6 6.12.0 reference leaks: every `Signal.emit()` drops a reference
to `True`, every call of a `void` Qt method one to `None`.

On Python 3.11 (where these are ordinary refcounted objects) a few thousand calls bring
the count to zero and the interpreter aborts ("bool_dealloc", "none_dealloc") mid-run
or at exit. The app emits a signal and sets widgets per audio chunk, so one long answer
is enough. The fix makes True, False and None effectively immortal, as Python 3.12
does; each part is applied only when its leak is measured, so a fixed PySide6 or a
newer Python leaves it unused.
"""

from __future__ import annotations

import ctypes
import sys

_BIG = 1 << 40  # more emits than any session could make
_applied = False
_none_applied = False


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


def void_call_leaks_none() -> bool:
    """Call a void Qt method and see whether None's reference count falls."""
    from PySide6.QtCore import QObject

    probe = QObject()
    probe.setObjectName("probe")
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 4


def _pin(*values: object) -> None:
    for value in values:
        ctypes.c_ssize_t.from_address(id(value)).value += _BIG


def guard_bool_refcounts() -> bool:
    """Apply the workarounds that are needed; returns True when any was applied."""
    global _applied, _none_applied
    if sys.version_info >= (3, 12):
        return False
    if not _applied and emit_leaks_true():
        _pin(True, False)
        _applied = True
    if not _none_applied and void_call_leaks_none():
        _pin(None)
        _none_applied = True
    return _applied or _none_applied
