"""RecordingWriter: the file on disk is a valid WAV at every moment of a recording."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.banks import load_library
from interviewer.capture.recording import (
    RecordingWriter,
    question_for_recording,
    recording_name,
    repair_header,
)
from interviewer.speech import AudioError, read_pcm
from interviewer.speech.audio import chunks
from tests.interviewer.recordings import crashed_recording, librivox


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


def test_a_killed_recorder_loses_nothing_once_repaired(tmp_path: Path) -> None:
    pcm = read_pcm(librivox()[0].path)
    path = crashed_recording(tmp_path / "killed.wav", pcm)
    lagging = frames_on_disk(path)
    assert len(pcm) // 2 - 16000 <= lagging < len(pcm) // 2  # the header is behind
    assert repair_header(path) is True
    assert frames_on_disk(path) == len(pcm) // 2
    data, _ = soundfile.read(str(path), dtype="int16")
    assert data.tobytes() == pcm  # every sample the process wrote is back
    assert repair_header(path) is False  # nothing left to repair


def test_repair_leaves_other_files_alone(tmp_path: Path) -> None:
    other = tmp_path / "stereo.wav"
    soundfile.write(str(other), np.zeros((1600, 2), dtype="int16"), 44100)
    before = other.read_bytes()
    assert repair_header(other) is False and other.read_bytes() == before
    short = tmp_path / "short.wav"
    short.write_bytes(b"RIFF")
    assert repair_header(short) is False


def test_a_recording_names_its_question(tmp_path: Path) -> None:
    library = load_library()
    question = library.bank("ar-collector").questions[2]
    name = recording_name(question, now=1_700_000_000.25)
    assert name.startswith(f"ar-collector--{question.slug}--") and name.endswith("-250.wav")
    assert question_for_recording(library, tmp_path / name) is question
    for unknown in ("answer-20261124-101010-123456.wav", f"ar-collector--no-such--{name[-23:]}",
                    f"ar-collector--{question.slug}.wav"):
        assert question_for_recording(library, tmp_path / unknown) is None
