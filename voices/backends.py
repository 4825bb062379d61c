"""The table of speech-synthesis backends, best first.

Settings, `interviewer voices`, `interviewer say` and the app all read this one
table. Adding a backend is a module with `name`, `label`, `voices()`, `forget()`,
`fingerprint(voice)` and `synthesize(text, voice, rate, volume, out)`, plus one line here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from interviewer.voices.piper_backend import PiperBackend
from interviewer.voices.selection import VoiceInfo
from interviewer.voices.system_backend import SystemBackend


class SpeechBackend(Protocol):
    name: str
    label: str

    def voices(self) -> list[VoiceInfo]:
        """Its voices; TtsUnavailable when it cannot speak on this machine."""
        ...

    def forget(self) -> None:
        """Look for voices afresh next time (after an install)."""
        ...

    def fingerprint(self, voice: VoiceInfo) -> str:
        """What identifies the sound of `voice` besides text, rate and volume (for the cache)."""
        ...

    def synthesize(self, text: str, voice: VoiceInfo, rate: int, volume: float,
                   out: Path) -> None:
        """Write a complete WAV to `out`; TtsError when it fails."""
        ...


# Order is preference: Piper's neural voices first, the system's voices as the fallback.
BACKENDS: dict[str, SpeechBackend] = {
    "piper": PiperBackend(),
    "pyttsx3": SystemBackend(),
}
ALIASES = {"system": "pyttsx3"}


def backend_named(name: str) -> SpeechBackend | None:
    """A backend by its name or alias, case-insensitive."""
    lowered = name.strip().lower()
    return BACKENDS.get(ALIASES.get(lowered, lowered))
