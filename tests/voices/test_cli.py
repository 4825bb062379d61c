"""`interviewer voices` and `interviewer say`, run as the user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.cli.main import main
from tests.conftest import REPO
from tests.speaker_tap import SpeakerTap
from tests.voices.wavs import assert_valid_wav, duration
from voices import worker

QUESTION = "How do you prioritise overdue accounts?"


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None):
    """The real command in a fresh process, as typed in a terminal."""
    return subprocess.run([sys.executable, "-m", "interviewer", *args], cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
                          capture_output=True, text=True, timeout=120)


def test_say_out_writes_a_valid_wav_with_an_english_voice(tmp_path: Path, artifacts: Path) -> None:
    done = run_cli("say", QUESTION, "--out", "q.wav", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert_valid_wav(tmp_path / "q.wav")
    assert 1.0 < duration(tmp_path / "q.wav") < 6.0
    assert done.stdout.startswith("wrote q.wav: ")
    assert "voice gmw/en-us (English (America))" in done.stdout
    picture = artifacts / "say_question_spectrogram.png"  # for a person to look at
    subprocess.run(["sox", str(tmp_path / "q.wav"), "-n", "spectrogram", "-t", QUESTION,
                    "-o", str(picture)], check=True, timeout=60)
    assert picture.stat().st_size > 10_000


def test_say_with_a_persona_uses_its_pace(tmp_path: Path, capsys) -> None:
    for persona in ("slow_clear", "brisk_manager"):
        assert main(["say", QUESTION, "--persona", persona,
                     "--out", str(tmp_path / f"{persona}.wav")]) == 0
    out = capsys.readouterr().out
    assert "130 words/min" in out and "195 words/min" in out and "gmw/en " in out
    assert duration(tmp_path / "slow_clear.wav") > 1.3 * duration(tmp_path / "brisk_manager.wav")


def test_say_explicit_options_win_over_the_persona(tmp_path: Path, capsys) -> None:
    assert main(["say", "Hello.", "--persona", "brisk_manager", "--voice", "en-us",
                 "--rate", "140", "--out", str(tmp_path / "x.wav")]) == 0
    assert "voice gmw/en-us (English (America)), 140 words/min" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (["--out", "x.mp3"], "only WAV files are written"),
    (["--out", "missing/x.wav"], "does not exist"),
    (["--voice", "zz-nowhere"], "no voice matches 'zz-nowhere'"),
    (["--persona", "nobody"], "no persona named 'nobody'"),
    (["--rate", "9999"], "rate 9999 is out of range"),
])
def test_say_bad_input_is_one_clear_line(tmp_path: Path, args: list[str], message: str) -> None:
    done = run_cli("say", "Hello.", *args, cwd=tmp_path)
    assert done.returncode == 1
    first, *rest = done.stderr.splitlines()
    assert first.startswith("interviewer: error: ") and message in first
    assert "Traceback" not in done.stderr and len(rest) <= 1
    assert not (tmp_path / "x.mp3").exists()


def test_say_without_out_plays_on_the_speaker(pulse_server, tmp_path: Path) -> None:
    tap = SpeakerTap(tmp_path / "speaker.raw")
    done = run_cli("say", "Thanks. Next question.", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert tap.loud_seconds() > 0.1


def test_say_without_an_audio_device_says_so(tmp_path: Path) -> None:
    done = run_cli("say", "Hello.", cwd=tmp_path,
                   env={"PULSE_SERVER": f"unix:{tmp_path / 'no-such-socket'}"})
    assert done.returncode == 1
    assert "no audio device" in done.stderr and "--out" in done.stderr
    assert "Traceback" not in done.stderr


def test_voices_json_lists_voices_personas_and_defaults(capsys) -> None:
    assert main(["voices", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["available"] and data["driver"] == "espeak"
    assert data["default_voice"] == "gmw/en-us"
    defaults = [v for v in data["voices"] if v["default"]]
    assert [v["id"] for v in defaults] == ["gmw/en-us"]
    assert len(data["voices"]) > 100
    personas = {p["id"]: p for p in data["personas"]}
    assert len(personas) >= 3 and personas[data["default_persona"]]["default"]
    assert personas["brisk_manager"]["resolved_voice"] == "gmw/en"


def test_voices_table_marks_the_defaults(capsys) -> None:
    assert main(["voices"]) == 0
    out = capsys.readouterr().out
    assert "Default voice: gmw/en-us (English (America))" in out
    assert any(line.startswith("*") and "warm_recruiter" in line for line in out.splitlines())


def test_no_speech_backend_is_a_clear_message(tmp_path: Path) -> None:
    broken = {worker.DRIVER_ENV: "not_a_real_driver"}
    listed = run_cli("voices", cwd=tmp_path, env=broken)
    assert listed.returncode == 1
    assert listed.stderr.startswith("interviewer: error: no text-to-speech available")
    assert "espeak-ng" in listed.stderr and "Traceback" not in listed.stderr
    as_json = run_cli("voices", "--json", cwd=tmp_path, env=broken)
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and not data["available"] and len(data["personas"]) >= 3
    said = run_cli("say", "Hello.", "--out", "x.wav", cwd=tmp_path, env=broken)
    assert said.returncode == 1 and not (tmp_path / "x.wav").exists()
