"""Bad audio and bad models: one clear line, the right error type, never a traceback."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer.speech import AudioError, ModelError, load_recognizer, read_pcm, transcribe_file


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AudioError, match="no such audio file"):
        read_pcm(tmp_path / "nothing.wav")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("this is not audio", encoding="utf-8")
    with pytest.raises(AudioError, match="cannot read this audio") as caught:
        read_pcm(path)
    assert "\n" not in caught.value.message and str(path) in caught.value.message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.wav"
    soundfile.write(str(path), np.zeros(0, dtype="int16"), 16000)
    with pytest.raises(AudioError, match="empty"):
        read_pcm(path)


def test_silence_is_an_error_not_an_empty_answer(tmp_path: Path) -> None:
    path = tmp_path / "silence.flac"
    soundfile.write(str(path), np.zeros(48000, dtype="int16"), 48000)
    with pytest.raises(AudioError, match="silent"):
        transcribe_file(path, load_recognizer("sphinx"))


def test_missing_model_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no such model folder"):
        load_recognizer("vosk", tmp_path / "nope")


def test_incomplete_model_folder(tmp_path: Path) -> None:
    (tmp_path / "half" / "am").mkdir(parents=True)
    with pytest.raises(ModelError, match=r"not a complete Vosk model \(missing am/final.mdl"):
        load_recognizer("vosk", tmp_path / "half")


def test_corrupt_model_files(tmp_path: Path) -> None:
    model = tmp_path / "corrupt"
    for name in ("am/final.mdl", "conf/model.conf", "conf/mfcc.conf", "graph/HCLG.fst"):
        (model / name).parent.mkdir(parents=True, exist_ok=True)
        (model / name).write_bytes(b"garbage")
    with pytest.raises(ModelError, match="could not be loaded"):
        load_recognizer("vosk", model)


def test_unknown_engine() -> None:
    with pytest.raises(ModelError, match="unknown speech engine 'julius'"):
        load_recognizer("julius")
