"""RecordingWriter: the file on disk is a valid WAV at every moment of a recording."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.recording import RecordingWriter
from interviewer.speech import AudioError, read_pcm
from interviewer.speech.audio import chunks
from tests.interviewer.recordings import librivox


def frames_on_disk(path: Path) -> int:
    with wave.open(str(path), "rb") as reader:
        assert (reader.getframerate(), reader.getnchannels(), reader.getsampwidth()) == \
            (16000, 1, 2)
        return reader.getnframes()


def test_valid_at_every_moment_and_complete_at_close(tmp_path: Path) -> None:
    pcm = read_pcm(librivox()[0].path)
    path = tmp_path / "answers" / "a1.wav"
    writer = RecordingWriter(path)
    assert frames_on_disk(path) == 0
    seen = []
    for piece in chunks(pcm, 0.1):
        writer.write(piece)
        seen.append(frames_on_disk(path))  # a crash now would leave this much
        assert 0 <= writer.seconds * 16000 - seen[-1] <= 16000 + 1600
    assert len(set(seen)) >= 6, "the header is rewritten about once a second"
    writer.close()
    writer.close()
    assert frames_on_disk(path) == len(pcm) // 2
    data, rate = soundfile.read(str(path), dtype="int16")
    assert rate == 16000 and data.tobytes() == pcm


def test_a_crash_keeps_all_but_the_last_second(tmp_path: Path) -> None:
    path = tmp_path / "crash.wav"
    writer = RecordingWriter(path)
    tone = (np.sin(np.arange(16000 * 5) / 5) * 8000).astype("<i2").tobytes()
    for piece in chunks(tone, 0.25):
        writer.write(piece)
    # No close(): read the file as a crash would have left it.
    data, _ = soundfile.read(str(path), dtype="int16")
    assert len(data) >= 16000 * 4
    assert data.tobytes() == tone[: len(data) * 2]


def test_split_samples_are_joined(tmp_path: Path) -> None:
    path = tmp_path / "odd.wav"
    samples = np.arange(-500, 500, dtype="<i2").tobytes()
    with RecordingWriter(path) as writer:
        for i in range(0, len(samples), 7):
            writer.write(samples[i : i + 7])
    assert soundfile.read(str(path), dtype="int16")[0].tobytes() == samples


def test_never_overwrites_an_earlier_recording(tmp_path: Path) -> None:
    path = tmp_path / "keep.wav"
    with RecordingWriter(path) as writer:
        writer.write(b"\1\0" * 100)
    with pytest.raises(AudioError, match="already exists"):
        RecordingWriter(path)
    assert frames_on_disk(path) == 100
    with pytest.raises(ValueError, match="closed"):
        writer.write(b"\0\0")
