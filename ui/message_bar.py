"""The one place the app shows problems: a bar above the screens with the message and the hint.

Problems (red) and notes (blue) sit in two separate boxes, so a note such as "Saved the
session report" never reads as part of a warning, and a warning never turns a note red.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from interviewer.errors import InterviewerError
from interviewer.ui.widgets import button

MAX_SHOWN = 3
_COLORS = {True: "#b3261e", False: "#2a6fdb"}


def _box(name: str, warn: bool) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet(f"#{name} {{ border: 2px solid {_COLORS[warn]}; border-radius: 4px; }}")
    text = QLabel()
    text.setWordWrap(True)
    text.setAccessibleName("Problem" if warn else "Note")
    QVBoxLayout(frame).addWidget(text)
    frame.hide()
    return frame, text


def _lines(text: str) -> str:
    """Plain text as rich text: escaped, each line on its own line."""
    return "<br>".join(html.escape(line) for line in text.split("\n"))


class MessageBar(QWidget):
    """Hidden until there is something to say; shows the last few, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Message bar")
        self.setObjectName("messageBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        boxes = QVBoxLayout()
        self.problem_box, self.problem_text = _box("messageProblems", True)
        self.note_box, self.note_text = _box("messageNotes", False)
        boxes.addWidget(self.problem_box)
        boxes.addWidget(self.note_box)
        lay.addLayout(boxes, 1)
        self.close_button = button("Dismiss", "Dismiss message", "Hide this message", None,
                                   self.dismiss, self)
        lay.addWidget(self.close_button)
        self._shown: list[tuple[str, str, bool]] = []
        self.hide()

    def dismiss(self) -> None:
        self._shown.clear()
        self._render()

    def withdraw(self, message: str) -> None:
        """Take back one message (a "working on it" note once the work is done)."""
        kept = [e for e in self._shown if e[0].lower() != message.lower()]
        if kept != self._shown:
            self._shown = kept
            self._render()

    def clear_info(self) -> None:
        """Drop the notes (keep the problems): a note belongs to the screen it was made on."""
        self._shown = [e for e in self._shown if e[2]]
        self._render()

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
        self._render()

    def _render(self) -> None:
        for warn, frame, text in ((True, self.problem_box, self.problem_text),
                                  (False, self.note_box, self.note_text)):
            entries = [(m, h) for m, h, w in self._shown if w == warn]
            text.setText("<br>".join(
                f"<b>{_lines(m)}</b>" + (f" — {_lines(h)}" if h else "") for m, h in entries))
            frame.setVisible(bool(entries))
        self.setAccessibleDescription(" ".join(f"{m}. {h}" for m, h, _ in self._shown))
        self.setVisible(bool(self._shown))

    @property
    def message(self) -> str:
        return self.accessibleDescription()

    @property
    def notes(self) -> str:
        """What the blue box says, as plain text (a note stands on its own)."""
        return self._plain(warn=False)

    @property
    def problems(self) -> str:
        """What the red box says, as plain text."""
        return self._plain(warn=True)

    def _plain(self, warn: bool) -> str:
        return "\n".join(m + (f" — {h}" if h else "") for m, h, w in self._shown if w == warn)
