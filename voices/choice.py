"""Which voice speaks a line: the user's saved choice first, then the persona's.

The app and the terminal both speak through `speak_line`, so the same persona and
settings give the same voice, rate and volume in either. A saved voice that was
uninstalled since it was picked gives way to the persona's preference, then to the
default voice: a missing voice never silences the interviewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interviewer.voices import tts
from interviewer.voices.personas import Persona


@dataclass(frozen=True)
class VoiceChoice:
    preference: str  # "saved voice, persona's voices": tried in order
    rate: int | None  # words per minute; None for the default
    volume: float | None


def voice_choice(persona: Persona | None, voice: str = "", rate: int = 0) -> VoiceChoice:
    """The user's voice and rate win over the persona's; the persona sets the volume."""
    if persona is None:
        return VoiceChoice(voice, rate or None, None)
    preference = ", ".join(p for p in (voice, persona.voice) if p)
    return VoiceChoice(preference, rate or persona.rate or None, persona.volume)


def speak_line(text: str, persona: Persona | None, voice: str = "", rate: int = 0) -> Path:
    """The WAV of `text` in the chosen voice (cached; blocking, so off the UI thread)."""
    choice = voice_choice(persona, voice, rate)
    chosen = tts.preferred_voice(choice.preference)
    return tts.synthesize(text, voice=chosen.id, rate=choice.rate, volume=choice.volume)
