"""Recordings a crash left without an attempt are found and offered back."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import pytest

from interviewer import paths
from interviewer.banks import load_library
from interviewer.capture.recording import recording_name
from interviewer.cli.practice_cmd import mention_unsaved
from interviewer.cli.term import Style
from interviewer.history import HistoryStore, find_orphans, orphan_recordings
from interviewer.speech.wer import normalized_wer
from tests.interviewer.recordings import crashed_recording
from tests.ui.recordings import NOT_ILL, pcm_of


def write_wav(path: Path, seconds: float, mtime: int, sample: bytes = b"\x00\x20") -> Path:
    """A recording at speaking level (8192, -12 dBFS), or of `sample` throughout."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(sample * int(16000 * seconds))
    os.utime(path, (mtime, mtime))
    return path


def test_only_recordings_without_an_attempt_are_orphans() -> None:
    folder = paths.recordings_dir()
    saved = write_wav(folder / "saved.wav", 0.5, 1_000)
    older = write_wav(folder / "crash-1.wav", 0.5, 2_000)
    newer = write_wav(folder / "2026" / "crash-2.wav", 0.2, 3_000)
    write_wav(folder / "empty.wav", 0, 4_000)  # header only: nothing to offer
    with HistoryStore() as store:
        store.add_attempt(store.start_session("b"), "b/q", "text", {}, audio_path=saved)
        assert orphan_recordings(store) == [newer, older]
    assert orphan_recordings() == [newer, older]  # opens the default history itself


def test_no_recordings_folder_means_no_orphans() -> None:
    assert orphan_recordings() == []


def test_history_orphans_command(capsys) -> None:
    from interviewer.cli.main import main

    crash = write_wav(paths.recordings_dir() / "crash.wav", 0.3, 5_000)
    assert main(["history", "--orphans"]) == 0
    out = capsys.readouterr().out
    assert f"  {crash}\n" in out and " · 0:00 · question unknown" in out
    assert "interviewer history --recover, or Recover... in the app" in out
    assert main(["history", "--orphans", "--json"]) == 0
    assert capsys.readouterr().out.strip() == f'[\n  "{crash}"\n]'


def test_orphans_say_when_how_long_and_which_question() -> None:
    library = load_library()
    question = library.bank("ar-specialist").questions[0]
    folder = paths.recordings_dir()
    named = write_wav(folder / recording_name(question, now=6_000), 2.5, 6_000)
    unnamed = write_wav(folder / "answer-19700101-000000-000000.wav", 61.0, 5_000)
    with HistoryStore() as store:
        found = find_orphans(store, library)
    assert [o.path for o in found] == [named, unnamed]
    assert found[0].question is question and found[1].question is None
    assert found[0].seconds == pytest.approx(2.5) and found[1].seconds == pytest.approx(61.0)
    assert found[0].label.endswith(f" · 0:02 · {question.text}")  # 2.5 s rounds to even
    assert found[1].label.endswith(" · 1:01 · question unknown")


def test_history_recover_scores_and_saves_what_a_crash_left(capsys) -> None:
    from interviewer.cli.main import main

    library = load_library()
    question = library.bank("ar-collector").questions[1]
    folder = paths.ensure(paths.recordings_dir())
    named = crashed_recording(folder / recording_name(question), pcm_of(NOT_ILL))
    unknown = write_wav(folder / "answer-19700101-000000-000000.wav", 1.0, 5_000)

    said: list[str] = []
    with HistoryStore() as store:
        mention_unsaved(store, Style(False), said.append)  # what `practice` says first
    assert said == ["2 recorded answers were not saved last time; to score and keep them: "
                    "interviewer history --recover"]
    assert main(["history", "--recover"]) == 0
    out = capsys.readouterr().out
    assert f"left alone (question unknown): {unknown}" in out
    assert "recovered: " in out and question.text in out
    said_back = out.split("attempt 1: ")[-1]  # the recognizer's words, whichever engine
    assert normalized_wer("he was not an ill disposed young man", said_back) <= 0.25
    with HistoryStore() as store:
        (attempt,) = [a for a in store.attempts() if a.audio_path == named]
        assert attempt.question_id == question.id and attempt.coverage is not None
        assert store.session(attempt.session_id).mode == "practice"
        assert store.review_state(question.id) is not None  # it counts for review too
        assert orphan_recordings(store) == [unknown]
    assert main(["history", "--recover"]) == 0  # again: only the unknown one is left
    assert "recovered: " not in capsys.readouterr().out


def test_silent_recordings_are_not_offered_and_the_notice_comes_once() -> None:
    """Answers the app discarded as silent (zeros, or room noise at -66 dBFS) are not
    "not saved"; the terminal mentions a real one once, and again only for a new one."""
    folder = paths.recordings_dir()
    write_wav(folder / "zeros.wav", 2.0, 1_000, sample=b"\x00\x00")
    write_wav(folder / "hum.wav", 2.0, 2_000, sample=b"\x10\x00")
    spoken = write_wav(folder / "spoken.wav", 1.0, 3_000)
    said: list[str] = []
    with HistoryStore() as store:
        assert orphan_recordings(store) == [spoken]
        mention_unsaved(store, Style(False), said.append)
        mention_unsaved(store, Style(False), said.append)  # the next run: already said
        assert said == ["1 recorded answer was not saved last time; to score and keep "
                        "them: interviewer history --recover"]
        write_wav(folder / "spoken-2.wav", 1.0, 4_000)
        mention_unsaved(store, Style(False), said.append)  # a new one: said, with both
    assert said[-1].startswith("2 recorded answers were not saved")
