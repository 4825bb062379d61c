"""Small helpers so every control gets a name, a tooltip with its shortcut, and one look."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QScrollArea, QWidget


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


class Heading(QLabel):
    """A bold label `scale` times the app's font, following the font-size setting."""

    def __init__(self, text: str, scale: float) -> None:
        super().__init__(text)
        self.scale = scale
        self._rescale(QApplication.font())
        # an explicitly set font no longer follows the app's: follow its changes here
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._rescale)

    def _rescale(self, base: QFont) -> None:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * self.scale)
        font.setBold(True)
        self.setFont(font)


def heading(text: str, name: str, scale: float = 1.3) -> QLabel:
    label = Heading(text, scale)
    label.setAccessibleName(name)
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


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """`content` in a frameless area that scrolls down, never sideways: a large font
    makes a screen taller rather than pushing the window past the display."""
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to `width` x `height`, or as much of it as the display has room for."""
    room = window.screen().availableGeometry()
    window.resize(min(width, round(room.width() * 0.95)),
                  min(height, round(room.height() * 0.95)))
