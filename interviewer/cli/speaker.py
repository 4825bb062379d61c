"""The interviewer's voice in the terminal: every line printed, and spoken unless --no-voice.

Speech goes through voices.tts (synthesis, cached) and voices.playback (the
system's player, no Qt). If either fails the line is still printed and the
session goes on silently: a missing voice must never end a practice session.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from interviewer.cli.term import Style
from interviewer.errors import InterviewerError

WIDTH = 80


class Speaker:
    def __init__(self, out: Callable[[str], None], style: Style, voice: bool,
                 persona: object | None = None) -> None:
        self.out = out
        self.style = style
        self.voice = voice
        self.persona = persona
        self.name = getattr(persona, "name", "Interviewer").split(",")[0]

    def say(self, text: str) -> None:
        label = self.name + ":"
        lines = textwrap.wrap(text, WIDTH - len(label) - 1) or [""]
        self.out(f"{self.style(label, 'cyan', 'bold')} {lines[0]}")
        for line in lines[1:]:
            self.out(" " * (len(label) + 1) + line)
        if self.voice:
            self._speak(text)

    def _speak(self, text: str) -> None:
        from voices.playback import play_wav
        from voices.tts import synthesize

        p = self.persona
        try:
            wav = synthesize(text, voice=getattr(p, "voice", None), rate=getattr(p, "rate", None),
                             volume=getattr(p, "volume", None))
            play_wav(wav)
        except InterviewerError as exc:
            self.voice = False
            self.out(self.style(f"  (voice off: {exc.message}; questions are printed only)",
                                "yellow"))
