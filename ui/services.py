"""The few core calls the app's widgets share, typed, so the checker follows them.

Each is a plain import of the part that does the work; they live here only where
the app adds something on top (the recognizer in its own process, restarting it
after a model install, a persona's voice preference).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from interviewer.history import HistoryStore
from interviewer.recognizer_process import RecognizerProcess, close_all, shared
from interviewer.recording import RecordingWriter
from interviewer.speech.archive import Progress
from interviewer.speech.install import install_model as _install_model
from interviewer.speech.models import ModelInfo
from interviewer.ui.audio_out import Player
from interviewer.voices import tts
from interviewer.voices.personas import Persona
from interviewer.voices.personas import load_personas as _load_personas
from interviewer.voices.selection import VoiceInfo


def load_recognizer(engine: str = "auto", model_path: str = "") -> RecognizerProcess:
    """The recognizer, run in its own process so its C decoder never stalls the UI."""
    return shared(engine, model_path or None)


def install_model(source: str, progress: Progress) -> ModelInfo:
    """Install a Vosk model (known name, URL, .zip or folder); restart the recognizer."""
    info = _install_model(source, progress=progress)
    close_all()
    return info


def recording_writer(path: Path) -> RecordingWriter:
    return RecordingWriter(path)


def synthesize(text: str, voice: str | None = None, rate: int | None = None,
               volume: float | None = None) -> Path:
    return tts.synthesize(text, voice=voice or None, rate=rate or None, volume=volume)


def preferred_voice(preference: str) -> str:
    """The id of the installed voice closest to a persona's preference."""
    return tts.preferred_voice(preference).id


def list_voices() -> list[VoiceInfo]:
    return tts.list_voices()


def load_personas() -> list[Persona]:
    return _load_personas()


def make_player(parent: QObject | None = None) -> Player:
    return Player(parent)


def history_store() -> HistoryStore:
    return HistoryStore()
