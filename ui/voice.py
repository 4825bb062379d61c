"""The interviewer's voice in the app: synthesis off the UI thread, then Qt playback."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from interviewer.errors import InterviewerError
from interviewer.settings import Settings
from ui import services
from ui.jobs import Job, Jobs

TTS_LANE = "tts"  # one synthesis at a time: the TTS engine must not overlap itself


class Voice(QObject):
    """Say a line; `finished` when it was heard out, `stopped` when cut short."""

    started = Signal()
    finished = Signal()
    stopped = Signal()
    failed = Signal(object)  # InterviewerError: no TTS, no output device

    def __init__(self, jobs: Jobs, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs, self.settings = jobs, settings
        self._job: Job | None = None
        self._player: Any = None
        self.speaking = False

    def persona(self) -> Any | None:
        """The chosen persona (its voice, rate and lines), None when personas are missing."""
        try:
            personas = services.load_personas()
        except InterviewerError:
            return None
        chosen = [p for p in personas if p.id == self.settings.persona]
        return (chosen or personas or [None])[0]

    def say(self, text: str) -> None:
        self.stop()
        self.speaking = True
        persona = self.persona()
        voice = self.settings.voice or (persona.voice if persona else "")
        rate = self.settings.rate or (persona.rate if persona else 0)
        self._job = self.jobs.run(services.synthesize, text, voice, rate, lane=TTS_LANE,
                                  on_done=self._play, on_error=self._fail)

    def stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
        was = self.speaking
        self.speaking = False
        if self._player is not None and self._player.is_playing():
            self._player.stop()
        elif was:
            self.stopped.emit()

    def _play(self, path: Any) -> None:
        self._job = None
        try:
            player = self._ensure_player()
        except InterviewerError as exc:
            self._fail(exc)
            return
        if not player.play(path):
            self.speaking = False

    def _ensure_player(self) -> Any:
        if self._player is None:
            self._player = services.make_player(self)
            self._player.started.connect(self.started)
            self._player.finished.connect(self._on_finished)
            self._player.stopped.connect(self._on_stopped)
            self._player.error.connect(
                lambda msg: self._fail(InterviewerError(msg, "read the question on screen")))
        return self._player

    def _on_finished(self) -> None:
        self.speaking = False
        self.finished.emit()

    def _on_stopped(self) -> None:
        self.speaking = False
        self.stopped.emit()

    def _fail(self, error: InterviewerError) -> None:
        self._job = None
        self.speaking = False
        self.failed.emit(error)
