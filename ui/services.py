"""The few core calls where the app adds something on top: the recognizer in its own
process, restarting it after a model install. Everything else is imported from where
it does the work.
"""

from __future__ import annotations

from pathlib import Path

from interviewer.capture.recording import RecordingWriter
from interviewer.speech.archive import Progress
from interviewer.speech.install import install_model as _install_model
from interviewer.speech.models import ModelInfo
from interviewer.speech.recognizer_process import RecognizerProcess, close_all, shared
from interviewer.speech.registry import AUTO


def load_recognizer(engine: str = AUTO, model_path: str = "") -> RecognizerProcess:
    """The recognizer, run in its own process so its C decoder never stalls the UI."""
    return shared(engine, model_path or None)


def install_model(source: str, progress: Progress) -> ModelInfo:
    """Install a Vosk model (known name, URL, .zip or folder); restart the recognizer."""
    info = _install_model(source, progress=progress)
    close_all()
    return info


def recording_writer(path: Path) -> RecordingWriter:
    """Only a seam: test_stall watches it (ui/answer_capture.py calls it) to prove the
    WAV is opened off the UI thread."""
    return RecordingWriter(path)
