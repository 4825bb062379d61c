"""Offline speech recognition: live text from Vosk or PocketSphinx, the final from Whisper.

The contract (docs/architecture.md): read_pcm, load_recognizer, Recognizer, Stream,
transcribe_file, AudioError, ModelError, SAMPLE_RATE. Names load on first use, so
reading the engine table (interviewer.speech.registry) does not import the decoders.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "SAMPLE_RATE": "audio",
    "read_pcm": "audio",
    "Recognizer": "base",
    "Stream": "base",
    "load_recognizer": "engines",
    "AudioError": "errors",
    "ModelError": "errors",
    "transcribe_file": "transcribe",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'interviewer.speech' has no attribute '{name}'")
    return getattr(importlib.import_module(f"interviewer.speech.{_WHERE[name]}"), name)
