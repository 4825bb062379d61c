"""The interviewer's voice in the app: synthesis off the UI thread, then Qt playback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from interviewer.errors import InterviewerError
from interviewer.settings import Settings
from interviewer.ui.audio_out import Player
from interviewer.ui.jobs import Job, Jobs
from interviewer.voices.choice import speak_line, voice_choice
from interviewer.voices.personas import DEFAULT_PERSONA, Persona, load_personas

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
        self._player: Player | None = None
        self.speaking = False
        self._personas: list[Persona] = []
        self._loaded = False
        self._waiting: list[Callable[[Persona | None], None]] = []
        jobs.run(load_personas, on_done=self._set_personas,
                 on_error=lambda _e: self._set_personas([]))  # the default voice still speaks

    def _set_personas(self, personas: list[Persona]) -> None:
        self._personas, self._loaded = list(personas), True
        if self.settings.speak_questions:  # load the voice model while the start screen shows
            preference = self._preference()
            self.jobs.run(lambda: _warm_up(preference), lane=TTS_LANE,
                          on_error=lambda _e: None)  # a failure shows when it speaks
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then(self.persona())

    def with_persona(self, then: Callable[[Persona | None], None]) -> None:
        """Call `then(persona)` once the personas are read: at once, or when they arrive.

        A mock interview started the instant the window opens still gets its greeting.
        """
        if self._loaded:
            then(self.persona())
        else:
            self._waiting.append(then)

    def persona(self) -> Persona | None:
        """The chosen persona (its voice, rate and lines); None until personas are loaded."""
        wanted = self.settings.persona or DEFAULT_PERSONA
        chosen = [p for p in self._personas if p.id == wanted]
        return next(iter(chosen or self._personas), None)

    def _preference(self) -> str:
        return voice_choice(self.persona(), self.settings.voice).preference

    def say(self, text: str) -> None:
        self.stop()
        self.speaking = True
        persona, voice, rate = self.persona(), self.settings.voice, self.settings.rate
        self._job = self.jobs.run(lambda: speak_line(text, persona, voice, rate), lane=TTS_LANE,
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

    def _play(self, path: Path) -> None:
        self._job = None
        try:
            player = self._ensure_player()
        except InterviewerError as exc:
            self._fail(exc)
            return
        if not player.play(path):
            self.speaking = False

    def _ensure_player(self) -> Player:
        if self._player is None:
            self._player = Player(self)
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


def _warm_up(preference: str) -> None:
    from interviewer.voices.tts import warm_up

    warm_up(preference)

