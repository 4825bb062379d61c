"""The one place the app shows problems: a bar above the screens with the message and the hint."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from interviewer.errors import InterviewerError
from ui.widgets import button

MAX_SHOWN = 3


class MessageBar(QFrame):
    """Hidden until there is something to say; shows the last few, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Message bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("messageBar")
        lay = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Message")
        lay.addWidget(self.text, 1)
        self.close_button = button("Dismiss", "Dismiss message", "Hide this message", None,
                                   self.dismiss, self)
        lay.addWidget(self.close_button)
        self._shown: list[tuple[str, str, bool]] = []
        self.hide()

    def dismiss(self) -> None:
        self._shown.clear()
        self.text.clear()
        self.text.setAccessibleDescription("")
        self.hide()

    def withdraw(self, message: str) -> None:
        """Take back one message (a "working on it" note once the work is done)."""
        kept = [e for e in self._shown if e[0].lower() != message.lower()]
        if kept == self._shown:
            return
        self._shown = []
        if not kept:
            self.hide()
        for entry in reversed(kept):
            self._show(*entry)

    def clear_info(self) -> None:
        """Drop the notes (keep the problems): a note belongs to the screen it was made on."""
        kept = [e for e in self._shown if e[2]]
        if kept != self._shown:
            self.dismiss()
            for entry in reversed(kept):
                self._show(*entry)

    def show_error(self, error: InterviewerError) -> None:
        """A problem replaces the notes shown, so it never reads as part of one."""
        self._shown = [e for e in self._shown if e[2]]
        self._show(error.message, error.hint, warn=True)

    def show_info(self, message: str, hint: str = "") -> None:
        self._show(message, hint, warn=False)

    def _show(self, message: str, hint: str, warn: bool) -> None:
        first = message[:1].upper() + message[1:]
        entry = (first, hint, warn)
        if entry in self._shown:
            self._shown.remove(entry)
        self._shown = [entry, *self._shown][:MAX_SHOWN]
        self.text.setText("<br>".join(
            f"<b>{html.escape(m)}</b>" + (f" — {html.escape(h)}" if h else "")
            for m, h, _ in self._shown))
        self.text.setAccessibleDescription(" ".join(f"{m}. {h}" for m, h, _ in self._shown))
        warn = any(w for _, _, w in self._shown)
        color = "#b3261e" if warn else "#2a6fdb"
        self.setStyleSheet(f"#messageBar {{ border: 2px solid {color}; border-radius: 4px; }}")
        self.show()

    @property
    def message(self) -> str:
        return self.text.accessibleDescription()
