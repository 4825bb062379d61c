"""The answer's length against its target: a bar that fills towards the longest a good
answer runs, and one quiet "time to wrap up" cue when it gets there."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from interviewer.ui.widgets import fmt_seconds, label

WRAP_UP = "Time to wrap up"
# bar colours: still building up, in the target range, past it
_COLOURS = {"short": "#5b7fa6", "good": "#1b7a3a", "long": "#b26a00"}
_PULSES = 6  # half-second flashes of the cue: noticeable, then quiet again


class LengthBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Answer length against its target")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Answer length")
        self.bar.setTextVisible(True)
        self.cue = label("", "Wrap-up cue", wrap=False)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cue)
        self.target = (60, 120)
        self.cued = False
        self._state = ""
        self._pulses = 0
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._pulse)
        self.set_target(self.target)

    def set_target(self, target: tuple[int, int]) -> None:
        """A new answer: empty bar, the range named, no cue yet."""
        self.target, self.cued = target, False
        self._timer.stop()
        self.cue.setText("")
        self.bar.setRange(0, target[1])
        self.set_elapsed(0.0)

    def set_elapsed(self, seconds: float) -> None:
        low, high = self.target
        self.bar.setValue(int(min(seconds, high)))
        self.bar.setFormat(f"{fmt_seconds(seconds)} · aim for {low}-{high} s")
        state = "short" if seconds < low else "good" if seconds <= high else "long"
        if state != self._state:
            self._state = state
            self._colour(_COLOURS[state])

    def wrap_up(self) -> None:
        """The one cue per answer: a few flashes of the bar and a line beside it."""
        if self.cued:
            return
        self.cued = True
        self.cue.setText(WRAP_UP)
        self._pulses = _PULSES
        self._timer.start()

    def _pulse(self) -> None:
        self._pulses -= 1
        self._colour("#d93025" if self._pulses % 2 else _COLOURS["long"])
        if self._pulses <= 0:
            self._timer.stop()
            self._colour(_COLOURS[self._state or "long"])

    def _colour(self, colour: str) -> None:
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background-color: {colour}; }}")
