"""Transcribing a whole file through the same streaming path the microphone uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from interviewer.speech.audio import BYTES_PER_SECOND, chunks, is_silent, read_pcm
from interviewer.speech.base import Recognizer
from interviewer.speech.engines import load_recognizer
from interviewer.speech.errors import AudioError
from interviewer.transcript import Transcript

# (seconds fed, seconds in all); None when finishing, so a caller can say "finishing...".
Progress = Callable[[float | None, float], None]
PROGRESS_EVERY_S = 10.0


def transcribe_pcm(pcm: bytes, recognizer: Recognizer, chunk_seconds: float = 0.1,
                   context: str = "", progress: Progress | None = None) -> Transcript:
    """Feed capture-sized chunks, as a live answer would arrive, then finish."""
    stream = recognizer.open_stream(context)
    total = len(pcm) / BYTES_PER_SECOND
    fed = 0
    every = int(PROGRESS_EVERY_S * BYTES_PER_SECOND)
    for piece in chunks(pcm, chunk_seconds):
        stream.feed(piece)
        fed += len(piece)
        if progress is not None and fed % every < len(piece):
            progress(fed / BYTES_PER_SECOND, total)
    if progress is not None:
        progress(None, total)
    return stream.finish()


def transcribe_file(path: str | Path, recognizer: Recognizer | None = None, context: str = "",
                    progress: Progress | None = None) -> Transcript:
    """Read, convert and transcribe one file; silence is an error, not an empty answer."""
    pcm = read_pcm(path)
    if is_silent(pcm):
        raise AudioError(f"{path}: the recording is silent",
                         "check the microphone input level and record again")
    return transcribe_pcm(pcm, recognizer or load_recognizer(), context=context,
                          progress=progress)
