"""Reading the WAVs the tests make: duration and a validity check shared by the voice tests."""

from __future__ import annotations

import wave
from pathlib import Path

import soundfile


def duration(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def assert_valid_wav(path: Path) -> None:
    """A RIFF WAV, mono 16-bit PCM, whose header agrees with its size, with real sound in it."""
    raw = path.read_bytes()
    assert raw[:4] == b"RIFF" and raw[8:12] == b"WAVE"
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1
        assert wav.getsampwidth() == 2
        assert 8000 <= wav.getframerate() <= 48000
        frames = wav.getnframes()
        assert frames > 0
        assert len(wav.readframes(frames)) == frames * 2
    info = soundfile.info(str(path))  # libsndfile agrees on what it is
    assert info.format == "WAV" and info.subtype == "PCM_16" and info.frames == frames
    data, _ = soundfile.read(str(path), dtype="int16")
    assert abs(data.astype("int32")).max() > 1000, "the file is silent"


def rms(path: Path) -> float:
    """Loudness: the root mean square of the samples."""
    data, _ = soundfile.read(str(path), dtype="float32")
    return float((data ** 2).mean() ** 0.5)
