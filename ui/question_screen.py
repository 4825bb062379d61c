"""The question screen: hear the question, answer out loud (or type), watch it being heard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from interviewer.banks import Question
from interviewer.ui.flow_layout import FlowLayout
from interviewer.ui.length_bar import LengthBar
from interviewer.ui.widgets import button, fmt_seconds, heading, label, scrolling, shortcut

HIDDEN_TEXT = "The question is spoken only, as in a real interview. Press R to hear it again."


class QuestionScreen(QWidget):
    """Layout and display state only; the practice controller reacts to its signals."""

    replay_requested = Signal()
    stop_voice_requested = Signal()
    record_toggled = Signal()
    typed_submitted = Signal(str)
    load_file_requested = Signal()
    hide_text_changed = Signal(bool)
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Question screen")
        self._question_text = ""
        page = QVBoxLayout(self)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scrolling(content, "Question and answer"))
        top = QHBoxLayout()
        self.progress = label("", "Progress", wrap=False)
        self.countdown = label("", "Time left in the mock interview", wrap=False)
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.countdown)
        outer.addLayout(top)
        self.question = heading("", "Question", 1.5)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.question.setMinimumHeight(80)
        outer.addWidget(self.question)
        self.voice_state = label("", "Interviewer voice status", wrap=False)
        outer.addWidget(self.voice_state)
        outer.addLayout(self._voice_row())
        outer.addWidget(self._recording_panel())
        outer.addWidget(self._typing_panel())
        outer.addStretch(1)
        shortcut(self, "Space", self._space)
        shortcut(self, "Ctrl+Return", self._submit_typed)

    def _voice_row(self) -> FlowLayout:
        row = FlowLayout()
        self.replay_button = button("Replay question", "Replay question",
                                    "Hear the question again", "R",
                                    self.replay_requested.emit, self)
        self.stop_voice_button = button("Stop voice", "Stop voice", "Stop reading the question",
                                        "Escape", self.stop_voice_requested.emit, self)
        self.hide_text = QCheckBox("Hide the question text")
        self.hide_text.setAccessibleName("Hide the question text")
        self.hide_text.setToolTip("Only hear the question, as in a real interview (Ctrl+H)")
        self.hide_text.toggled.connect(self._on_hide_toggled)
        shortcut(self, "Ctrl+H", self.hide_text.toggle)
        row.addWidget(self.replay_button)
        row.addWidget(self.stop_voice_button)
        row.addWidget(self.hide_text)
        row.add_push()
        self.end_button = button("End round", "End round", "Stop this round and see the summary",
                                 "Ctrl+E", self.end_requested.emit, self)
        row.addWidget(self.end_button)
        return row

    def _recording_panel(self) -> QWidget:
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.record_button = button("Record answer", "Record answer",
                                    "Start or stop recording your answer", None,
                                    self.record_toggled.emit, self)
        self.record_button.setToolTip("Start or stop recording your answer (Space)")
        self.record_button.setMinimumWidth(180)
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setAccessibleName("Input level")
        self.level.setToolTip("How loud the microphone hears you")
        self.elapsed = label("0:00", "Elapsed time against the target", wrap=False)
        row.addWidget(self.record_button)
        row.addWidget(self.level, 1)
        row.addWidget(self.elapsed)
        lay.addLayout(row)
        self.length = LengthBar()
        lay.addWidget(self.length)
        self.engine = label("", "Speech recognizer")
        lay.addWidget(self.engine)
        self.live = QPlainTextEdit()
        self.live.setReadOnly(True)
        self.live.setAccessibleName("Live transcript")
        self.live.setPlaceholderText("Your words appear here while you speak.")
        self.live.setMaximumHeight(140)
        lay.addWidget(self.live)
        return panel

    def _typing_panel(self) -> QWidget:
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(0, 0, 0, 0)
        row = FlowLayout()
        self.type_button = button("Type answer instead", "Type answer instead",
                                  "Write your answer instead of speaking", "T",
                                  self.show_typing, self)
        self.load_button = button("Load audio file", "Load audio file",
                                  "Use a recording of your answer", "Ctrl+O",
                                  self.load_file_requested.emit, self)
        row.addWidget(self.type_button)
        row.addWidget(self.load_button)
        lay.addLayout(row)
        self.typed = QPlainTextEdit()
        self.typed.setAccessibleName("Typed answer")
        self.typed.setPlaceholderText("Type your answer, then press Ctrl+Enter.")
        self.typed.setVisible(False)
        lay.addWidget(self.typed)
        self.submit_typed = button("Score typed answer", "Score typed answer",
                                   "Score the answer you typed", None,
                                   self._submit_typed, self)
        self.submit_typed.setToolTip("Score the answer you typed (Ctrl+Enter)")
        self.submit_typed.setVisible(False)
        lay.addWidget(self.submit_typed)
        return panel

    def focus_target(self) -> QWidget:
        return self.typed if self.typed.isVisible() else self.record_button

    # --- display state, set by the controller

    def show_question(self, question: Question, progress: str, hide_text: bool) -> None:
        self._question_text = question.text
        self.progress.setText(f"{progress} · {question.category} · {question.difficulty}")
        self.hide_text.blockSignals(True)
        self.hide_text.setChecked(hide_text)
        self.hide_text.blockSignals(False)
        self._show_text(hide_text)
        self._clear_answer()

    def show_follow_up(self, text: str, hide_text: bool) -> None:
        self._question_text = text
        self.progress.setText(self.progress.text().split(" ·")[0] + " · follow-up")
        self._show_text(hide_text)
        self._clear_answer()

    def _clear_answer(self) -> None:
        """A new question starts empty: nothing heard, nothing typed, ready to record."""
        self.live.clear()
        self.typed.clear()
        self.typed.setVisible(False)
        self.submit_typed.setVisible(False)
        self.level.setValue(0)
        self.elapsed.setText("0:00")  # not the last answer's time against its target
        self.engine.setText("")  # the recognizer is named again when this answer starts
        self.set_recording(False)
        self.record_button.setFocus()

    def reveal_text(self) -> None:
        """Show the question even when hidden: used when it cannot be spoken."""
        self._show_text(False)

    def _show_text(self, hidden: bool) -> None:
        self.question.setText(HIDDEN_TEXT if hidden else self._question_text)
        self.question.setAccessibleDescription("" if hidden else self._question_text)

    def set_speaking(self, speaking: bool, note: str = "") -> None:
        self.voice_state.setText(note or ("The interviewer is asking…" if speaking else ""))
        self.stop_voice_button.setEnabled(speaking)

    def set_recording(self, recording: bool, busy: bool = False) -> None:
        self.record_button.setText("Stop (Space)" if recording else "Record answer (Space)")
        self.record_button.setAccessibleName("Stop recording" if recording else "Record answer")
        self.record_button.setEnabled(not busy)
        for widget in (self.type_button, self.load_button, self.replay_button):
            widget.setEnabled(not recording and not busy)
        if not recording:
            self.level.setValue(0)

    def set_level(self, percent: int) -> None:
        self.level.setValue(percent)

    def set_elapsed(self, seconds: float, target: float, limit: float) -> None:
        self.elapsed.setText(f"{fmt_seconds(seconds)} / target {fmt_seconds(target)}"
                             f" (limit {fmt_seconds(limit)})")

    def set_partial(self, text: str) -> None:
        self.live.setPlainText(text)

    def set_engine(self, text: str) -> None:
        self._engine_name = text.split(": finishing")[0]
        self.engine.setText(f"Transcribing with: {text}")

    def set_engine_done(self, outcome: str) -> None:
        """The recording is over: the status line says how it ended, not a task still running."""
        name = getattr(self, "_engine_name", "")
        self.engine.setText(f"Transcribed with {name}: {outcome}" if name else outcome.capitalize())

    def show_typing(self) -> None:
        self.typed.setVisible(True)
        self.submit_typed.setVisible(True)
        self.typed.setFocus()

    def _on_hide_toggled(self, hidden: bool) -> None:
        self._show_text(hidden)
        self.hide_text_changed.emit(hidden)

    def _space(self) -> None:
        if self.record_button.isEnabled():
            self.record_toggled.emit()

    def _submit_typed(self) -> None:
        text = self.typed.toPlainText().strip()
        if self.typed.isVisible() and text:
            self.typed_submitted.emit(text)
