"""The interviewer's voice in the terminal: every line printed, and spoken unless --no-voice.

Speech goes through interviewer.voices.tts (synthesis, cached) and interviewer.voices.playback (the
system's player, no Qt). If either fails the line is still printed and the
session goes on silently: a missing voice must never end a practice session.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.cli.term import Style
from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from interviewer.voices.personas import Persona

WIDTH = 80


class Speaker:
    def __init__(self, out: Callable[[str], None], style: Style, voice: bool,
                 persona: Persona | None = None, voice_id: str = "", rate: int = 0) -> None:
        self.out = out
        self.style = style
        self.voice = voice
        self.persona = persona
        self.voice_id, self.rate = voice_id, rate  # the app's saved choice wins, as in the app
        self.name = getattr(persona, "name", "Interviewer").split(",")[0]

    def say(self, text: str) -> None:
        label = self.name + ":"
        lines = textwrap.wrap(text, WIDTH - len(label) - 1) or [""]
        self.out(f"{self.style(label, 'cyan', 'bold')} {lines[0]}")
        for line in lines[1:]:
            self.out(" " * (len(label) + 1) + line)
        if self.voice:
            self._speak(text)

    def wav_for(self, text: str) -> Path:
        """The line in the voice the app would pick for the same persona and settings."""
        from interviewer.voices.choice import speak_line

        return speak_line(text, self.persona, self.voice_id, self.rate)

    def _speak(self, text: str) -> None:
        from interviewer.voices.playback import play_wav

        try:
            play_wav(self.wav_for(text))
        except InterviewerError as exc:
            self.voice = False
            self.out(self.style(f"  (voice off: {exc.message}; questions are printed only)",
                                "yellow"))
