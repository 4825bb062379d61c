"""`interviewer practice` end to end: real recordings, the real recognizer, a real history file.

The answers are human recordings from pocketsphinx-testdata. A bank imported with
`banks import` asks questions whose sample answers are what those recordings say,
so coverage, follow-ups and the summary are checked against real recognition.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.banks.importer import import_file
from interviewer.banks.probes import GENERIC_PROBES
from interviewer.cli.main import main
from interviewer.history import HistoryStore
from tests.conftest import REPO

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
RECORDING = {
    "dashwood": LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0870.wav",
    "ill-disposed": LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0880.wav",
    "selfish": LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0890.wav",
    "respectable": LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0920.wav",
    "amiable": LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0930.wav",
}

# Questions whose model answers are what the recordings say: opening, behavioral, closing.
BANK_CSV = """\
question,answer,key points,difficulty,category
Tell me about yourself.,"He was not an ill disposed young man, and he was kind.","Young: \
young man; Disposition: ill disposed; Kindness: kind",easy,opening
Tell me about a time your family needed help.,"And Mister John Dashwood had then leisure to \
consider how much there might be prudently in his power to do for them.","Dashwood: john dashwood; \
Consideration: consider how much; Power: in his power",medium,behavioral
Any last words?,Unless to be rather cold hearted and rather selfish is to be ill disposed.,\
"Selfish: selfish; Cold: cold hearted",easy,closing
"""


@pytest.fixture
def austen_bank(tmp_path: Path) -> str:
    source = tmp_path / "austen.csv"
    source.write_text(BANK_CSV, encoding="utf-8")
    result = import_file(source)
    assert result.problems == [] and result.kept == 3
    return result.bank_id


# Opening, behavioral (off the point), the probe's answer (every point), closing.
MOCK_ANSWERS = ("ill-disposed", "selfish", "dashwood", "selfish")


def answers_dir(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "answers"
    folder.mkdir()
    for index, name in enumerate(names, start=1):  # a name may come twice
        shutil.copy(RECORDING[name], folder / f"{index:02d}-{name}.wav")
    return folder


def test_scripted_practice_prints_feedback_and_saves_history(tmp_path, capsys,
                                                             austen_bank) -> None:
    folder = answers_dir(tmp_path, "ill-disposed", "dashwood")
    code = main(["practice", "--bank", austen_bank, "--answers", str(folder), "--no-voice"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Practice: Austen (austen)" in out
    assert "Question 1 of 3" in out and "Question 2 of 3" in out
    assert "Question 3 of 3" not in out  # two recordings: the session ends after two answers
    assert "(answer from 01-ill-disposed.wav)" in out
    assert "young man" in out  # the real recognizer heard the recording
    assert "+ hit    Young (young man)" in out
    assert "- missed Kindness" in out  # the recording never says it
    assert "Coverage" in out and "Delivery" in out and "STAR" in out
    assert "\033[" not in out  # not a terminal: no colour codes
    assert "Saved 2 answer(s) as session 1" in out
    assert "Session report: interviewer report 1 --out report.pdf" in out
    with HistoryStore() as store:
        attempts = store.attempts()
        assert [a.question_id for a in attempts] == [
            f"{austen_bank}/tell-me-about-yourself",
            f"{austen_bank}/tell-me-about-a-time-your-family"]
        assert 0.33 <= attempts[0].coverage < 1  # stored to 3 places: 1 of 3 is 0.333
        assert Path(attempts[0].audio_path).name == "01-ill-disposed.wav"
        assert store.sessions()[0].mode == "practice"
        # each answer feeds the review schedule, as in the app
        for attempt in attempts:
            state = store.review_state(attempt.question_id)
            assert state is not None and state.last_score == pytest.approx(attempt.coverage,
                                                                           abs=1e-3)


def test_attempts_appear_in_interviewer_history(tmp_path, capsys, austen_bank) -> None:
    folder = answers_dir(tmp_path, "ill-disposed")
    assert main(["practice", "--bank", austen_bank, "--answers", str(folder),
                 "--no-voice"]) == 0
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert f"{austen_bank}/tell-me-about-yourself" in json.dumps(listed)


def test_scripted_mock_interview_asks_one_follow_up(tmp_path, capsys, austen_bank) -> None:
    # Opening; behavioral answered off the point: a probe, answered by the third file
    # (which covers every point, so no second probe); closing.
    folder = answers_dir(tmp_path, *MOCK_ANSWERS)
    report = tmp_path / "mock-report.md"
    code = main(["practice", "--bank", austen_bank, "--mock", "3", "--answers", str(folder),
                 "--no-voice", "--seed", "1", "--report", str(report)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Mock interview, 3 questions" in out
    assert out.index("Tell me about yourself.") < out.index("Tell me about a time your family") \
        < out.index("Any last words?")
    # the interviewer says an imported point's generic probe once ("Mark: ..."); the
    # coaching lines quote it too ("otherwise expect: “...”")
    assert out.count(f": {GENERIC_PROBES['action']}") == 1
    assert "With the follow-up, the whole answer:" in out
    assert "Covered after a probe: Dashwood, Consideration, Power" in out
    assert "Summary" in out and "Overall coverage" in out
    assert "Strongest answer" in out and "Weakest answer" in out
    assert "Follow-ups asked  1" in out
    assert "Saved 3 answer(s) and 1 follow-up(s) as session 1" in out
    assert out.count("STAR ") == 2  # only for the behavioral question and its follow-up
    assert f"Wrote the session report: {report}" in out
    assert "Tell me about a time your family needed help." in report.read_text()
    with HistoryStore() as store:
        attempts = store.attempts()
        assert len(attempts) == 4
        follow = [a for a in attempts if a.followup_of is not None]
        assert len(follow) == 1
        first = next(a for a in attempts if a.id == follow[0].followup_of)
        assert first.question_id == follow[0].question_id == \
            f"{austen_bank}/tell-me-about-a-time-your-family"
        assert store.sessions()[0].mode == "mock"


def test_answers_folder_errors_are_clear(tmp_path, capsys, austen_bank) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["practice", "--bank", austen_bank, "--answers", str(empty), "--no-voice"]) == 1
    assert "no audio files" in capsys.readouterr().err
    assert main(["practice", "--bank", "nope", "--no-voice", "--typed"]) == 1
    assert "no bank named 'nope'" in capsys.readouterr().err
    assert main(["practice", "--bank", austen_bank, "--mock", "0", "--typed"]) == 1
    assert "at least one question" in capsys.readouterr().err


def run_cli(args: list[str], env: dict[str, str], stdin: str | None = None,
            timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interviewer", *args], cwd=REPO,
                          env={**os.environ, **env}, input=stdin, capture_output=True,
                          text=True, timeout=timeout)


def test_self_ratings_feed_the_review_schedule(tmp_path, austen_bank) -> None:
    """--rate asks after each answer; a mistyped rating is asked again, Enter skips."""
    folder = answers_dir(tmp_path, "ill-disposed", "dashwood")
    done = run_cli(["practice", "--bank", austen_bank, "--answers", str(folder), "--no-voice",
                    "--rate"], {}, stdin="9\n1\n\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("How did that answer feel? 1 (poor) to 5 (great)") == 3
    assert "'9' is not a rating: type a number from 1 to 5" in done.stdout
    assert done.stdout.count("Rated 1/5: this question comes back for review now.") == 1
    with HistoryStore() as store:
        rated, skipped = store.attempts()
        state = store.review_state(rated.question_id)
        assert state.last_score == pytest.approx(0.5 * rated.coverage, abs=1e-3)
        state = store.review_state(skipped.question_id)
        assert state.last_score == pytest.approx(skipped.coverage, abs=1e-3)


def test_no_audio_device_falls_back_to_typed_answers(tmp_path, austen_bank) -> None:
    """As over SSH: no sound server, so the answer is typed, scored and saved."""
    env = {"PULSE_SERVER": f"unix:{tmp_path / 'no-server'}", "XDG_RUNTIME_DIR": str(tmp_path)}
    done = run_cli(["practice", "--bank", austen_bank, "--count", "1", "--no-voice"], env,
                   stdin="He was not an ill disposed young man\n")
    assert done.returncode == 0, done.stderr
    assert "No microphone here" in done.stdout
    assert "You can type your answers instead" in done.stdout
    assert "+ hit    Disposition" in done.stdout and "+ hit    Young" in done.stdout
    assert "- missed Kindness" in done.stdout
    assert "no timings (typed answer)" in done.stdout
    with HistoryStore() as store:
        assert [a.transcript.engine for a in store.attempts()] == ["typed"]


def test_microphone_answer_through_a_real_sound_server(pulse_server, austen_bank) -> None:
    """The real capture path: a recording played into the virtual microphone is the answer."""
    cmd = [sys.executable, "-m", "interviewer", "practice", "--bank", austen_bank,
           "--count", "1", "--no-voice", "--time", "20"]
    with subprocess.Popen(cmd, cwd=REPO, env=dict(os.environ), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        line = ""
        while "Speak now" not in line:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        player = pulse_server.play_into_mic(RECORDING["ill-disposed"])
        out, err = proc.communicate(timeout=120)
        player.wait(timeout=30)
    assert proc.returncode == 0, err
    assert "mic [" in out and " left" in out  # the level bar and the countdown
    assert "young man" in out
    assert "+ hit    Young (young man)" in out
    with HistoryStore() as store:
        (attempt,) = store.attempts()
        assert attempt.transcript.engine != "typed" and Path(attempt.audio_path).is_file()
        # named for its question, so a crash's leftover can be scored on it later
        slug = attempt.question_id.split("/", 1)[1]
        assert Path(attempt.audio_path).name.startswith(f"{austen_bank}--{slug}--")


def read_until(stream, marker: str, limit: int = 200_000) -> str:
    """Read a child's output up to `marker`, which may end a line or be a bare prompt."""
    seen = ""
    while marker not in seen:
        char = stream.read(1)
        assert char and len(seen) < limit, f"{marker!r} never came; got {seen[-500:]!r}"
        seen += char
    return seen


def test_a_spoken_answer_is_rated_through_the_same_keyboard(pulse_server, austen_bank) -> None:
    """With the microphone, stdin carries Enter presses; the rating must come through too."""
    cmd = [sys.executable, "-m", "interviewer", "practice", "--bank", austen_bank,
           "--count", "1", "--no-voice", "--time", "20", "--rate"]
    with subprocess.Popen(cmd, cwd=REPO, env=dict(os.environ), stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        read_until(proc.stdout, "Speak now")
        player = pulse_server.play_into_mic(RECORDING["ill-disposed"])
        read_until(proc.stdout, "How did that answer feel?")
        proc.stdin.write("5\n")
        proc.stdin.close()
        out, err = proc.stdout.read(), proc.stderr.read()
        proc.wait(timeout=60)
        player.wait(timeout=30)
    assert proc.returncode == 0, err
    assert "Rated 5/5: this question comes back for review" in out
    with HistoryStore() as store:
        (attempt,) = store.attempts()
        state = store.review_state(attempt.question_id)
        assert state.last_score == pytest.approx(0.5 * attempt.coverage + 0.5, abs=1e-3)


def test_questions_are_spoken_to_the_speaker(pulse_server, tmp_path, austen_bank) -> None:
    """Without --no-voice the persona's greeting, question and closing reach the sound server."""
    from tests.speaker_tap import SpeakerTap

    tap = SpeakerTap(tmp_path / "speaker.raw")
    done = run_cli(["practice", "--bank", austen_bank, "--count", "1", "--typed"], {},
                   stdin="He was not an ill disposed young man\n")
    loud = tap.loud_seconds()
    assert done.returncode == 0, done.stderr
    assert "voice off" not in done.stdout
    assert "Tell me about yourself." in done.stdout
    assert loud > 0.3  # "Tell me about yourself." was heard on the virtual speaker


def test_the_terminal_mock_asks_the_apps_probes_for_the_same_spoken_answers(tmp_path,
                                                                            capsys) -> None:
    """The recordings of tests/ui/test_probe_mock.py, as files: the same two probes."""
    from interviewer.banks import load_library
    from interviewer.practice.probing import result_probe
    from tests.ui.test_probe_mock import CAUSE, SEED, SPOKEN

    folder = tmp_path / "spoken"
    folder.mkdir()
    for path in SPOKEN:
        shutil.copy(path, folder / path.name)
    assert main(["practice", "--bank", "ar-coordinator", "--mock", "3", "--seed", str(SEED),
                 "--answers", str(folder), "--no-voice"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    story = load_library().question("ar-coordinator/difficult-customer-payment-plan")
    cause = next(k for k in story.key_points if k.label == CAUSE)
    first = out.index(f": {result_probe(story).line}")  # the persona's name, then the line
    second = out.index(f": {cause.probes[0]}")
    assert out.index(story.text) < first < second
    assert f"Covered after a probe: {CAUSE}, Result" in out
    assert "Follow-ups asked 2" in out and "Saved 3 answer(s) and 2 follow-up(s)" in out
