"""Small helpers so every control gets a name, a tooltip with its shortcut, and one look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def button(text: str, name: str, tip: str, key: str | None = None,
           slot: Callable[[], None] | None = None, parent: QWidget | None = None) -> QPushButton:
    """A push button whose tooltip shows its shortcut; the shortcut works within `parent`."""
    btn = QPushButton(text, parent)
    btn.setAccessibleName(name)
    shown = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) if key else ""
    btn.setToolTip(f"{tip} ({shown})" if shown else tip)
    btn.setAccessibleDescription(btn.toolTip())
    if slot is not None:
        btn.clicked.connect(slot)
    if key and parent is not None:
        shortcut(parent, key, btn.animateClick if slot is None else _if_enabled(btn, slot))
    return btn


def _if_enabled(btn: QPushButton, slot: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        if btn.isEnabled() and btn.isVisible():
            slot()
    return run


def shortcut(parent: QWidget, key: str, slot: Callable[[], None]) -> QShortcut:
    """A key that works while `parent` (a screen) or any of its children has focus."""
    sc = QShortcut(QKeySequence(key), parent)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def heading(text: str, name: str, scale: float = 1.3) -> QLabel:
    label = QLabel(text)
    label.setAccessibleName(name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def label(text: str, name: str, wrap: bool = True) -> QLabel:
    lbl = QLabel(text)
    lbl.setAccessibleName(name)
    lbl.setWordWrap(wrap)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


def fmt_seconds(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
