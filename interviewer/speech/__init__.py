"""Offline speech recognition: live text from Vosk or PocketSphinx, the final from Whisper.

The contract (docs/architecture.md): read_pcm, load_recognizer, Recognizer, Stream,
transcribe_file, AudioError, ModelError, SAMPLE_RATE. Importing the package loads no
decoder: each engine imports its library when a recognizer is first loaded.
"""

from __future__ import annotations

from interviewer.speech.audio import SAMPLE_RATE, read_pcm
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.engines import load_recognizer
from interviewer.speech.errors import AudioError, ModelError
from interviewer.speech.transcribe import transcribe_file

__all__ = ["SAMPLE_RATE", "AudioError", "ModelError", "Recognizer", "Stream",
           "load_recognizer", "read_pcm", "transcribe_file"]
