"""`interviewer score`: the command line, end to end in a subprocess-free call of main()."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.cli.main import main

QUESTION = "ar-specialist/ar-metrics-and-reports"
SPOKEN = ("the first thing i open is the aging report then d s o which we brought from "
          "fifty two to forty one days")


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["score", QUESTION, *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_text_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--text", SPOKEN)
    assert set(data) >= {"question", "transcript", "coverage", "key_points", "delivery",
                         "structure"}
    assert data["question"] == QUESTION
    assert data["transcript"] == SPOKEN
    assert data["coverage"] == 0.5
    points = {p["label"]: p for p in data["key_points"]}
    assert points["DSO"]["covered"] and points["DSO"]["matched"] == ["d s o"]
    assert not points["Disputes"]["covered"]
    start, end = points["DSO"]["transcript_spans"][0]
    assert SPOKEN[start:end] == "d s o"
    assert data["delivery"] is None
    assert data["structure"]["quantities"] == ["fifty two", "forty one days"]


def test_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(SPOKEN + "\n", encoding="utf-8")
    assert run_json(capsys, "--text-file", str(answer))["coverage"] == 0.5


def test_plain_output_lists_points_and_observations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", QUESTION, "--text", SPOKEN]) == 0
    out = capsys.readouterr().out
    # the same lines as after a practice answer (interviewer.cli.feedback_print)
    assert "Coverage   50% [##########..........] 3 of 6 key points" in out
    assert "+ hit    DSO (d s o)" in out
    assert "- missed Disputes" in out
    assert "Delivery  no timings (typed answer)" in out
    assert "Figures you gave: fifty two, forty one days" in out


def test_empty_answer_scores_zero(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--text", "")
    assert data["coverage"] == 0
    assert data["observations"] == ["no answer given"]


@pytest.mark.parametrize(("args", "message"), [
    (["nobank/x", "--text", "hi"], "no bank named 'nobank'"),
    ([QUESTION, "--text-file", "/no/such/answer.txt"], "/no/such/answer.txt: no such file"),
])
def test_bad_input_is_one_clear_line(capsys: pytest.CaptureFixture[str], args: list[str],
                                     message: str) -> None:
    assert main(["score", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"interviewer: error: {message}")
    assert "Traceback" not in err


def test_a_binary_text_file_is_refused_clearly(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "answer.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert main(["score", QUESTION, "--text-file", str(bad)]) == 1
    assert "not UTF-8 text" in capsys.readouterr().err


def test_the_installed_entry_point_runs_it() -> None:
    done = subprocess.run([sys.executable, "-m", "interviewer", "score", QUESTION, "--text",
                           SPOKEN, "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["coverage"] == 0.5


RECORDING = Path("/usr/share/pocketsphinx/test/data/librivox/"
                 "sense_and_sensibility_01_austen_64kb-0880.wav")


def test_audio_is_transcribed_then_scored(capsys: pytest.CaptureFixture[str]) -> None:
    """A real human recording through the real recognizer, then scored with its timings."""
    data = run_json(capsys, "--audio", str(RECORDING))
    assert "young man" in data["transcript"]
    delivery = data["delivery"]
    assert delivery is not None and delivery["word_count"] >= 6
    assert 100 <= delivery["wpm"] <= 250
    assert delivery["hesitations"] is not None
    assert data["coverage"] == 0  # a line of Austen covers no AR key point


def test_audio_plain_output_reports_delivery(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", QUESTION, "--audio", str(RECORDING)]) == 0
    out = capsys.readouterr().out
    assert "Heard by " in out and "Delivery  Pace: " in out and "words per minute" in out


def test_a_missing_recording_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", QUESTION, "--audio", "/no/such/answer.wav"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("interviewer: error: ") and "Traceback" not in err


def test_a_spoken_answer_is_heard_with_the_question_s_words(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`score --audio` primes the recognizer with the question and its bank's terms, as
    practice does, so the role's words come out right and the score matches the typed one."""
    from tests.speech_answers import spoken_answers

    answer = next(a for a in spoken_answers() if a.id == "a01")
    assert main(["score", answer.question_id, "--audio", str(answer.path), "--json"]) == 0
    heard = json.loads(capsys.readouterr().out)
    typed = run_json_for(capsys, answer.question_id, answer.text)
    assert "DSO" in heard["transcript"]
    assert abs(heard["coverage"] - typed["coverage"]) <= 0.1


def run_json_for(capsys: pytest.CaptureFixture[str], question: str, text: str) -> dict:
    assert main(["score", question, "--text", text, "--json"]) == 0
    return json.loads(capsys.readouterr().out)
