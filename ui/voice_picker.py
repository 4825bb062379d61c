"""The settings dialog's voice row: choose a voice, and hear a sample before saving.

The list arrives from the background (listing the system voices starts a speech
engine); the sample is synthesised on the TTS lane and played through Qt, so the
dialog never waits on either.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from interviewer.errors import InterviewerError
from interviewer.ui.audio_out import Player
from interviewer.ui.jobs import Jobs
from interviewer.ui.voice import TTS_LANE
from interviewer.ui.widgets import button
from interviewer.voices.choice import speak_line
from interviewer.voices.personas import Persona

SAMPLE = "Thanks for coming in. To start, tell me a little about yourself."
KIND = {"piper": "natural", "pyttsx3": "system"}
QUESTION_LANGUAGE = "en"  # the banks' questions are written in English


def voice_label(voice: Any) -> str:
    """'Joe (English, United States) - natural': which voices sound like a person."""
    kind = KIND.get(getattr(voice, "backend", ""), "")
    name = getattr(voice, "name", str(voice))
    return f"{name} - {kind}" if kind else name


def voice_key(voice: Any) -> str:
    """What the settings keep: backend and id, so the same voice is found again exactly."""
    backend = getattr(voice, "backend", "")
    return f"{backend}:{voice.id}" if backend else str(voice.id)


def _in_order(voices: list[Any]) -> list[Any]:
    """Natural voices first, then English, then by name: the good choices on top."""
    return sorted(voices, key=lambda v: (getattr(v, "backend", "") != "piper",
                                         not getattr(v, "is_english", False),
                                         str(getattr(v, "name", v)).lower()))


def speaks(voice: Any, language: str) -> bool:
    """True when the voice is tagged with `language` ("en" matches "en-us", "en-gb")."""
    tags = [str(t).lower() for t in getattr(voice, "languages", ()) or ()]
    return any(t == language or t.startswith(language + "-") for t in tags)


def shown_voices(voices: list[Any], language: str, all_languages: bool,
                 chosen: str = "") -> list[Any]:
    """The voices to list: those speaking the questions' language, unless all are asked
    for; the voice already chosen stays listed whatever its language."""
    return [v for v in _in_order(voices)
            if all_languages or speaks(v, language) or _is_key(voice_key(v), chosen)]


def _is_key(key: str, chosen: str) -> bool:
    return bool(chosen) and (key == chosen or key.endswith(f":{chosen}"))


class VoicePicker(QWidget):
    """A voice combo box and a Hear button; `message` reports what happened to the sample."""

    message = Signal(str)

    def __init__(self, jobs: Jobs, parent: QWidget | None = None,
                 language: str = QUESTION_LANGUAGE) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.language = language
        self._voices: list[Any] = []
        self.combo = QComboBox()
        self.combo.setAccessibleName("Voice")
        self.combo.setToolTip("The voice that reads the questions; 'natural' voices sound "
                              "like a person")
        self.combo.addItem("Persona's voice", "")
        self.hear_button = button("Hear", "Hear a sample", "Play a sample of this voice", None,
                                  self.hear, self)
        self.all_languages = QCheckBox("Show all languages")
        self.all_languages.setAccessibleName("Show voices in all languages")
        self.all_languages.setToolTip("List voices in every language, not only the language "
                                      "the questions are written in")
        self.all_languages.toggled.connect(lambda _: self._refill(self.current()))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.hear_button)
        column.addLayout(row)
        column.addWidget(self.all_languages)
        self._player: Player | None = None
        self._settings_now: Callable[[], tuple[int, Persona | None]] = lambda: (0, None)

    def set_voices(self, voices: list[Any], chosen: str) -> None:
        self._voices = list(voices)
        self._refill(chosen)

    def _refill(self, chosen: str) -> None:
        """List the voices the checkbox asks for, keeping `chosen` selected."""
        self.combo.blockSignals(True)
        while self.combo.count() > 1:  # the first item is the persona's own voice
            self.combo.removeItem(1)
        for voice in shown_voices(self._voices, self.language,
                                  self.all_languages.isChecked(), chosen):
            self.combo.addItem(voice_label(voice), voice_key(voice))
        index = self.combo.findData(chosen)
        if index < 0 and chosen:  # a setting saved before voices named their backend
            index = next((i for i in range(self.combo.count())
                          if _is_key(str(self.combo.itemData(i)), chosen)), -1)
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)

    def current(self) -> str:
        return self.combo.currentData() or ""

    def follow(self, settings_now: Callable[[], tuple[int, Persona | None]]) -> None:
        """Where the sample reads the rate and persona chosen in the dialog right now."""
        self._settings_now = settings_now

    def hear(self) -> None:
        rate, persona = self._settings_now()
        self.hear_button.setEnabled(False)
        self.message.emit(f"Preparing a sample of {self.combo.currentText()}...")
        voice = self.current()
        self.jobs.run(lambda: speak_line(SAMPLE, persona, voice, rate), lane=TTS_LANE,
                      on_done=self._play, on_error=self._failed)

    def _play(self, path: Path) -> None:
        self.hear_button.setEnabled(True)
        if self._player is None:
            self._player = Player(self)
            self._player.started.connect(
                lambda: self.message.emit(f"Playing {self.combo.currentText()}."))
            self._player.error.connect(lambda text: self.message.emit(f"Cannot play: {text}"))
        self._player.play(path)

    def _failed(self, error: InterviewerError) -> None:
        self.hear_button.setEnabled(True)
        self.message.emit(f"{error.message}. {error.hint}".strip())

    def stop(self) -> None:
        if self._player is not None and self._player.is_playing():
            self._player.stop()
