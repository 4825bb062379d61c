"""Spin boxes and combo boxes that ignore the mouse wheel until clicked or tabbed into.

Scrolling a long dialog with the wheel must scroll the dialog: a value box that happens
to pass under the pointer would otherwise take the wheel and quietly change a setting
(the silence stop turned to "never"). Once the box has the keyboard focus, the wheel
changes it as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget)
                and not watched.hasFocus()):
            event.ignore()  # passed on to the parent: the scroll area scrolls instead
            return True
        return False


def guard_wheel(root: QWidget) -> None:
    """Guard every spin box and combo box under `root` (call once its fields exist)."""
    guard = root.findChild(_WheelGuard)
    if guard is None:
        guard = _WheelGuard(root)
    for widget in [*root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox)]:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel no longer focuses it
        widget.removeEventFilter(guard)
        widget.installEventFilter(guard)
