"""Audio in: any WAV, FLAC or AIFF becomes the 16 kHz mono 16-bit PCM the recognizers expect."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile
import soxr

from interviewer.pcm import BYTES_PER_SECOND, SAMPLE_RATE, has_voice
from interviewer.speech.errors import AudioError

# Asking a decoder for its current hypothesis costs nearly as much as decoding the audio;
# four updates a second is as fast as anyone reads a live transcript.
PARTIAL_EVERY_BYTES = BYTES_PER_SECOND // 4


def read_pcm(path: str | Path) -> bytes:
    """Read an audio file and convert it, so every engine sees the same format."""
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"{path}: no such audio file", "check the path and try again")
    try:
        data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise AudioError(
            f"{path}: cannot read this audio ({detail})",
            "use a WAV, FLAC or AIFF recording",
        ) from exc
    if data.shape[0] == 0:
        raise AudioError(f"{path}: the audio file is empty", "record the answer again")
    return to_pcm(data, rate)


def to_pcm(samples: np.ndarray, rate: int) -> bytes:
    """Mix float samples (frames x channels) down to mono and resample to 16 kHz int16."""
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    if rate != SAMPLE_RATE:
        mono = soxr.resample(mono, rate, SAMPLE_RATE, quality="HQ")
    scaled = np.clip(np.round(mono * 32768.0), -32768, 32767)
    return scaled.astype("<i2").tobytes()


def duration_of(pcm: bytes) -> float:
    """Seconds of 16 kHz mono 16-bit audio."""
    return len(pcm) / BYTES_PER_SECOND


def is_silent(pcm: bytes) -> bool:
    """True when no one speaks in it (interviewer.pcm's one voice-activity rule)."""
    return not has_voice(pcm)


def whole_samples(pending: bytes, pcm: bytes) -> tuple[bytes, bytes]:
    """Chunks may split a 16-bit sample: `pending` (the stray byte of the last chunk)
    joined with `pcm`, cut into whole samples and the new stray byte to keep."""
    pcm = pending + pcm
    cut = len(pcm) // 2 * 2
    return pcm[:cut], pcm[cut:]


def chunks(pcm: bytes, seconds: float = 0.1) -> list[bytes]:
    """Split PCM into capture-sized pieces, as a microphone would deliver them."""
    size = max(2, int(BYTES_PER_SECOND * seconds) // 2 * 2)
    return [pcm[i : i + size] for i in range(0, len(pcm), size)]
