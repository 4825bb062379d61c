"""An answer the history cannot save (a damaged page, a full disk) is kept and offered back.

The real command runs in a child process; the database is really damaged, the disk
really full (RLIMIT_FSIZE: no file may grow past the limit, as on a full disk).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.interviewer.hardening.cli_run import damage_index, error_lines, run_cli

pytestmark = pytest.mark.slow  # a dozen full practice runs

ANSWER = "I have five years in accounts receivable and cut DSO by ten days."


def _practise(home: Path, answer: str = ANSWER, **limits: int):
    return run_cli(["practice", "--typed", "--no-voice", "--count", "1", "--bank",
                    "ar-coordinator"], home, stdin=answer + "\n", **limits)


def _sidecars(home: Path) -> list[Path]:
    return sorted((home / "data" / "recordings").glob("*.unsaved.json"))


def _recover_and_check(home: Path, text: str) -> None:
    """The next start offers the answer back; --recover saves it as it was scored."""
    offered = _practise(home, answer="")  # an empty line skips: nothing new is saved
    assert "1 recorded answer was not saved last time" in offered.stdout
    listed = run_cli(["history", "--orphans"], home)
    assert "typed, not saved" in listed.stdout
    recovered = run_cli(["history", "--recover"], home)
    assert "recovered:" in recovered.stdout, recovered.stdout
    assert _sidecars(home) == []
    sessions = json.loads(run_cli(["history", "--json"], home).stdout)
    saved = [a for s in sessions for a in s["attempts"]]
    assert saved[-1]["transcript"] == text
    assert saved[-1]["coverage"] > 0  # its feedback came back with it
    assert "Every recording belongs" in run_cli(["history", "--orphans"], home).stdout


def test_a_damaged_page_keeps_the_typed_answer_and_offers_it_back(tmp_path) -> None:
    home = tmp_path / "home"
    _practise(home)  # a history with one attempt
    db = home / "data" / "history.sqlite3"
    damage_index(db)

    failed = _practise(home)
    assert failed.returncode == 1
    [line] = error_lines(failed)
    assert "cannot write to the history (database disk image is malformed)" in line
    [kept] = _sidecars(home)
    assert f"The answer is kept in {kept}" in line
    assert json.loads(kept.read_text())["transcript"]["text"] == ANSWER
    assert "move history.sqlite3 somewhere else" in failed.stderr

    # reading what can still be read works; what cannot is one line, not a traceback
    run_cli(["history"], home)
    run_cli(["report", "--out", str(tmp_path / "r.md")], home)

    shutil.move(db, tmp_path / "damaged.sqlite3")  # what the message advises
    _recover_and_check(home, ANSWER)


def test_a_disk_full_during_the_save_keeps_the_answer(tmp_path) -> None:
    """The disk fills as the attempt is written. Answers grow until the save no longer
    fits under the limit; the first that fails must be kept whole in its sidecar."""
    base = tmp_path / "base"
    _practise(base)
    limit = 40 * 1024  # above SQLite's 32 KB shared-memory file, below a long answer
    for repeats in range(100, 300, 15):  # fine steps: the kept answer is smaller than the save
        home = tmp_path / f"home-{repeats}"
        shutil.copytree(base, home)
        answer = " ".join([ANSWER] * repeats)
        done = _practise(home, answer=answer, fsize=limit)
        if done.returncode:
            break
    else:
        raise AssertionError("the save never met the full disk")
    [line] = error_lines(done)
    assert "cannot write to the history" in line and "free some space" in done.stderr
    sidecars = _sidecars(home)
    if not sidecars:
        # the attempt fitted and a later write (the review step) met the full disk: the
        # answer must then be in the history, whole
        with sqlite3.connect(home / "data" / "history.sqlite3") as db:
            saved = [t for (t,) in db.execute("SELECT transcript FROM attempts")]
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert answer in saved
        return
    [kept] = sidecars
    assert f"The answer is kept in {kept}" in line
    _recover_and_check(home, answer)
