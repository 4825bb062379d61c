"""Odd answer files and folders: each is one clear line, and the session goes on."""

from __future__ import annotations

import os
import shutil
import stat

import numpy as np
import pytest
import soundfile

from tests.interviewer.hardening.cli_run import error_lines, run_cli
from tests.interviewer.recordings import librivox

pytestmark = pytest.mark.slow  # loads a speech model


def test_an_unreadable_file_in_answers_skips_one_question_only(interviewer_home,
                                                               tmp_path) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    spoken = librivox()
    shutil.copy(spoken[0].path, answers / "1.wav")
    (answers / "2.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk")  # not audio at all
    shutil.copy(spoken[1].path, answers / "3.wav")
    (answers / "4.wav").write_bytes((answers / "1.wav").read_bytes())
    (answers / "4.wav").chmod(0)  # unreadable (capabilities are dropped for the child)
    done = run_cli(["practice", "--answers", str(answers), "--no-voice", "--count", "4",
                    "--bank", "ar-coordinator"], interviewer_home, as_user=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"cannot use this answer: {answers}/2.wav: cannot read this audio" in done.stdout
    assert (f"cannot use this answer: {answers}/4.wav: cannot read the recording "
            "(Permission denied)") in done.stdout
    assert "Saved 2 answer(s)" in done.stdout  # 1.wav and 3.wav were scored and kept


def test_fifo_and_dev_zero_as_text_file_do_not_hang(interviewer_home, tmp_path) -> None:
    fifo = tmp_path / "answer.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        done = run_cli(["score", "ar-coordinator/accounting-and-ar-experience", "--text-file",
                        str(path)], interviewer_home, timeout=60, memory=1 << 31)
        assert done.returncode == 1
        assert error_lines(done) == [f"interviewer: error: {path}: not a regular file (a "
                                     "device, a pipe or a folder)"]


def test_unreadable_and_nan_recordings(interviewer_home, tmp_path) -> None:
    locked = tmp_path / "locked.wav"
    shutil.copy(librivox()[0].path, locked)
    locked.chmod(0)
    done = run_cli(["transcribe", str(locked)], interviewer_home, as_user=True)
    assert error_lines(done) == [f"interviewer: error: {locked}: cannot read the recording "
                                 "(Permission denied)"]
    nan = tmp_path / "nan.wav"
    samples = np.full(16000, np.nan, dtype="float32")
    samples[::2] = 0.2
    soundfile.write(nan, samples, 8000, subtype="FLOAT")  # resampled too
    done = run_cli(["transcribe", str(nan)], interviewer_home)
    assert done.returncode in (0, 1) and "Warning" not in done.stderr, done.stderr


def test_reports_are_written_readable_by_others(interviewer_home, tmp_path) -> None:
    run_cli(["practice", "--typed", "--no-voice", "--count", "1"], interviewer_home,
            stdin="I check the aging report every week.\n")
    for name in ("r.md", "r.html"):
        run_cli(["report", "--out", str(tmp_path / name)], interviewer_home)
        mode = stat.S_IMODE((tmp_path / name).stat().st_mode)
        assert mode == 0o666 & ~_umask(), oct(mode)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_an_unreadable_answers_folder_is_one_line(interviewer_home, tmp_path) -> None:
    answers = tmp_path / "answers"
    answers.mkdir()
    answers.chmod(0)
    try:
        done = run_cli(["practice", "--answers", str(answers), "--no-voice"], interviewer_home,
                       as_user=True)
    finally:
        answers.chmod(0o755)
    assert error_lines(done) == [f"interviewer: error: {answers}: cannot read the folder "
                                 "(Permission denied)"]
