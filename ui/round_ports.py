"""Two of the practice flow's ports on Qt's terms, apart from the screens' controller.

The flow (interviewer.practice.PracticeFlow) asks a speaker to say a line and a runner to
run slow calls; the app answers both here, so RoundController is left with the screens
and the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from interviewer.errors import InterviewerError
from interviewer.settings import Settings
from interviewer.ui.jobs import Jobs
from interviewer.ui.question_screen import QuestionScreen
from interviewer.ui.voice import Voice

T = TypeVar("T")


class JobRunner:
    """The runner port: each call on a worker thread through Jobs; a failure goes to
    `report` (the message bar) and the flow hears `then(None)`."""

    def __init__(self, jobs: Jobs, report: Callable[[InterviewerError], None]) -> None:
        self.jobs, self.report = jobs, report

    def run(self, fn: Callable[..., T], *args: Any, then: Callable[[T | None], None]) -> None:
        def failed(error: InterviewerError) -> None:
            self.report(error)
            then(None)

        self.jobs.run(lambda: fn(*args), on_done=then, on_error=failed)


class RoundSpeaker(QObject):
    """The speaker port: the interviewer's voice, and the question screen saying whether
    it speaks. `then` runs once a line was heard out, never when it was cut short."""

    problem = Signal(object)  # InterviewerError: the line could not be spoken

    def __init__(self, voice: Voice, settings: Settings, screen: QuestionScreen,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.voice, self.settings, self.qs = voice, settings, screen
        self._after: Callable[[], None] | None = None
        voice.started.connect(lambda: self.qs.set_speaking(True))
        voice.finished.connect(self._on_heard)
        voice.stopped.connect(lambda: self.qs.set_speaking(False))
        voice.failed.connect(self._on_failed)

    def say(self, text: str, then: Callable[[], None]) -> None:
        self._after = then
        if self.settings.speak_questions:
            self.qs.set_speaking(True, "The interviewer is asking…")
            self.voice.say(text)
        else:
            self.qs.set_speaking(False)
            if not self.settings.hide_question_text:
                self.qs.reveal_text()
            self._heard()

    def silence(self) -> None:
        """Stop speaking, and forget what was to follow the line."""
        self._after = None
        self.voice.stop()

    def _on_heard(self) -> None:
        self.qs.set_speaking(False)
        self._heard()

    def _heard(self) -> None:
        then, self._after = self._after, None
        if then is not None:
            then()

    def _on_failed(self, error: InterviewerError) -> None:
        self._after = None
        self.qs.set_speaking(False, "The question could not be spoken; it is shown instead.")
        self.qs.reveal_text()
        self.problem.emit(error)
