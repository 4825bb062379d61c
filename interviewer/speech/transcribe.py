"""Transcribing a whole file through the same streaming path the microphone uses."""

from __future__ import annotations

from pathlib import Path

from interviewer.speech.audio import chunks, is_silent, read_pcm
from interviewer.speech.base import Recognizer
from interviewer.speech.engines import load_recognizer
from interviewer.speech.errors import AudioError
from interviewer.transcript import Transcript


def transcribe_pcm(pcm: bytes, recognizer: Recognizer, chunk_seconds: float = 0.1) -> Transcript:
    """Feed capture-sized chunks, as a live answer would arrive, then finish."""
    stream = recognizer.open_stream()
    for piece in chunks(pcm, chunk_seconds):
        stream.feed(piece)
    return stream.finish()


def transcribe_file(path: str | Path, recognizer: Recognizer | None = None) -> Transcript:
    """Read, convert and transcribe one file; silence is an error, not an empty answer."""
    pcm = read_pcm(path)
    if is_silent(pcm):
        raise AudioError(f"{path}: the recording is silent",
                         "check the microphone input level and record again")
    return transcribe_pcm(pcm, recognizer or load_recognizer())
