"""One side of the side-by-side comparison: pick an attempt, read it, hear it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from interviewer.history import AttemptRecord
from interviewer.practice.exchange import AFTER_PROBE, stored_exchange
from interviewer.reports import feedback_view
from interviewer.reports import format as fmt
from interviewer.ui.audio_out import Player


def attempt_html(attempt: AttemptRecord) -> str:
    """The answer and its scores, in the same words as the report."""
    covered, missed = feedback_view.key_points(attempt.scored)
    parts = [f"<p><b>Coverage {fmt.percent(attempt.coverage)}</b>, pace {fmt.wpm(attempt.wpm)}"
             f" <span style='color:#666'>({escape(attempt.transcript.engine)}, "
             f"{fmt.when(attempt.created_at)})</span></p>",
             f"<p>{escape(attempt.text) or '<i>(no answer)</i>'}</p>"]
    probe, after = stored_exchange(attempt.feedback)
    if attempt.followup_of is not None:
        asked = f"The interviewer asked: “{escape(probe)}” " if probe else ""
        parts.insert(1, f"<p style='color:#666'><i>{asked}Follow-up to #{attempt.followup_of}; "
                        "the scores are for the whole exchange.</i></p>")
    if attempt.corrected_text is not None and attempt.corrected_text != attempt.transcript.text:
        parts.append(f"<p style='color:#666'><i>As recognised:</i> "
                     f"{escape(attempt.transcript.text)}</p>")
    parts += [f"<div style='color:#1b7a3a'>&#10003; {escape(c)}"
              f"{f' ({AFTER_PROBE})' if c in after else ''}</div>" for c in covered]
    parts += [f"<div style='color:#b3261e'>&#10007; {escape(m)}</div>" for m in missed]
    parts += [f"<div>{escape(d)}</div>" for d in feedback_view.delivery_lines(attempt.scored)]
    return "\n".join(parts)


class AttemptPane(QWidget):
    """A chooser over the attempts of one question, the chosen one's text and a replay button."""

    attempt_changed = Signal(int)

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.attempts: list[AttemptRecord] = []
        self.title = QLabel(f"<b>{escape(title)}</b>")
        self.chooser = QComboBox()
        # as narrow as a few characters: the pane's width decides, and the chosen attempt's
        # date and coverage are repeated in full in the text below it
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        self.text = QTextBrowser()
        self.text.setPlaceholderText("Pick a question on the left to compare its attempts.")
        self.play_button = QPushButton("Play recording")
        self.player = Player(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.chooser, self.text, self.play_button):
            layout.addWidget(widget)
        self._connect_callbacks()

    def _connect_callbacks(self) -> None:
        self.chooser.currentIndexChanged.connect(self._on_chosen)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.player.started.connect(self._show_playing)
        for ended in (self.player.finished, self.player.stopped):
            ended.connect(self._show_stopped)
        self.player.error.connect(self._on_error)

    def set_attempts(self, attempts: list[AttemptRecord], chosen: int) -> None:
        self.attempts = attempts
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for attempt in attempts:
            # short enough for the box at any font; the when and the follow-up are on hover
            # and in the text below
            follow = f" (follow-up to #{attempt.followup_of})" if attempt.followup_of else ""
            self.chooser.addItem(f"#{attempt.id} · {fmt.percent(attempt.coverage)}", attempt.id)
            self.chooser.setItemData(self.chooser.count() - 1,
                                     f"#{attempt.id}, {fmt.when(attempt.created_at)}{follow}",
                                     Qt.ItemDataRole.ToolTipRole)
        self.chooser.blockSignals(False)
        self.chooser.setCurrentIndex(chosen if attempts else -1)
        self._on_chosen(self.chooser.currentIndex())

    @property
    def current(self) -> AttemptRecord | None:
        index = self.chooser.currentIndex()
        return self.attempts[index] if 0 <= index < len(self.attempts) else None

    def _on_chosen(self, index: int) -> None:
        # Choosing another attempt does not stop playback: stopping tears the player's
        # audio thread down, and under PySide6 6.12 that can deadlock against the UI work
        # that follows a selection. Stop stays one click away.
        attempt = self.current
        self.text.setHtml(attempt_html(attempt) if attempt else "")
        self._update_button()
        if attempt:
            self.attempt_changed.emit(attempt.id)

    def _update_button(self) -> None:
        """Enabled while something plays (so it can be stopped) or a recording exists."""
        attempt = self.current
        playable = bool(attempt and attempt.audio_path and attempt.audio_path.is_file())
        self.play_button.setEnabled(playable or self.player.is_playing())
        self.play_button.setToolTip("" if playable else "No recording kept for this attempt")

    def _on_play_clicked(self) -> None:
        attempt = self.current
        if self.player.is_playing():
            self.player.stop()
        elif attempt and attempt.audio_path:
            self.play_button.setText("Stop")
            self.player.play(attempt.audio_path)

    def _show_playing(self) -> None:
        self.play_button.setText("Stop")

    def _show_stopped(self) -> None:
        self.play_button.setText("Play recording")
        self._update_button()

    def _on_error(self, message: str) -> None:
        self._show_stopped()
        self.play_button.setToolTip(message)
