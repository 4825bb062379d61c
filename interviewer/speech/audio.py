"""Audio in: any WAV, FLAC or AIFF becomes the 16 kHz mono 16-bit PCM the recognizers expect."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

# The audio format is part of this module's contract (interviewer.speech exports SAMPLE_RATE).
from interviewer.pcm import BYTES_PER_SECOND as BYTES_PER_SECOND
from interviewer.pcm import SAMPLE_RATE as SAMPLE_RATE
from interviewer.pcm import has_sound
from interviewer.speech.errors import AudioError

if TYPE_CHECKING:
    import soundfile

# Asking a decoder for its current hypothesis costs nearly as much as decoding the audio;
# four updates a second is as fast as anyone reads a live transcript.
PARTIAL_EVERY_BYTES = BYTES_PER_SECOND // 4


# Real recordings are made between telephone (8 kHz) and studio (384 kHz) rates; a header
# outside this range is damaged or hostile (1 Hz would make 1.6 billion samples from 200 KB).
MIN_RATE, MAX_RATE = 4000, 384000
# Read and convert this many input frames at a time, so memory follows the output (32 KB
# a second of answer), not the input's rate, channels or float width.
BLOCK_FRAMES = 1 << 16


def read_pcm(path: str | Path) -> bytes:
    """Read an audio file and convert it, so every engine sees the same format."""
    import soundfile  # libsndfile loads here, not when the package is imported

    path = Path(path)
    if not path.is_file():
        raise AudioError(f"{path}: no such audio file", "check the path and try again")
    try:
        with open(path, "rb"):  # libsndfile says only "System error." for these
            pass
    except OSError as exc:
        raise AudioError(f"{path}: cannot read the recording ({exc.strerror or exc})",
                         "check the file's permissions") from exc
    try:
        with soundfile.SoundFile(str(path)) as sound:
            _check_rate(path, sound.samplerate)
            pcm = _convert_blocks(sound)
    except (soundfile.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise AudioError(
            f"{path}: cannot read this audio ({detail})",
            "use a WAV, FLAC or AIFF recording",
        ) from exc
    if not pcm:
        raise AudioError(f"{path}: the audio file is empty", "record the answer again")
    return pcm


def _check_rate(path: Path, rate: int) -> None:
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AudioError(
            f"{path}: the file says its sample rate is {rate} Hz, which no recording has "
            "(the header is damaged)",
            f"use a WAV, FLAC or AIFF recording made at {MIN_RATE}-{MAX_RATE} Hz",
        )


def _convert_blocks(sound: soundfile.SoundFile) -> bytes:
    """Mix, resample and quantise block by block through one resampler stream."""
    import soxr

    rate = sound.samplerate
    resampler = soxr.ResampleStream(rate, SAMPLE_RATE, 1, dtype="float32", quality="HQ") \
        if rate != SAMPLE_RATE else None
    out = bytearray()
    while True:
        block = sound.read(BLOCK_FRAMES, dtype="float32", always_2d=True)
        last = len(block) < BLOCK_FRAMES
        mono = _full_scale(block).mean(axis=1)
        if resampler is not None:
            mono = resampler.resample_chunk(mono, last=last)
        out += _quantise(mono)
        if last:
            return bytes(out)


def _full_scale(samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """A broken float WAV: NaN becomes silence, anything past full scale is full scale
    (1e38 would overflow the mixing and the int16 scaling)."""
    return np.clip(np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0), -1.0, 1.0)


def _quantise(mono: npt.NDArray[np.float32]) -> bytes:
    scaled = np.clip(np.round(mono * 32768.0), -32768, 32767)
    return scaled.astype("<i2").tobytes()


def to_float(pcm: bytes) -> npt.NDArray[np.float32]:
    """16-bit PCM as float32 in [-1, 1), the form Whisper takes."""
    return np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.float32) / 32768.0


def is_silent(pcm: bytes) -> bool:
    """True when the recording holds no sound at all (nothing above the meter's floor)."""
    return not has_sound(pcm)


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
