"""SIGKILL a process in the middle of saving, many times: nothing committed is lost.

Each round starts a writer that saves attempts in a loop, kills it at a random moment
(usually inside a commit, since fsync is most of a save) and then checks the real
database file: `PRAGMA integrity_check` passes and every attempt the writer reported
as saved is there, byte for byte.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from interviewer.history import HistoryStore
from tests.conftest import REPO
from tests.interviewer.history.history_writer import digest

KILLS = 30


def run_and_kill(db: Path, run: int, rng: random.Random) -> list[tuple[int, str]]:
    """Start a writer, let it save for a random while, SIGKILL it; return what it committed."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.interviewer.history.history_writer", str(db), str(run)],
        cwd=REPO, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert writer.stdout is not None
    assert writer.stdout.readline().startswith("session ")  # opened, migrated, writing
    time.sleep(rng.uniform(0.0, 0.25))
    writer.send_signal(signal.SIGKILL)
    output = writer.stdout.read()
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    lines = output.split("\n")[:-1]  # the last piece may be a line cut by the kill
    return [(int(ident), dig) for _, ident, dig in (line.split() for line in lines)]


def test_sigkill_during_saves_loses_no_committed_attempt(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    rng = random.Random(7)
    committed: dict[int, str] = {}
    for run in range(KILLS):
        committed.update(run_and_kill(db, run, rng))
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.close()

    with HistoryStore(db) as store:
        stored = {a.id: a for a in store.attempts()}
        sessions = store.sessions()
    missing = sorted(set(committed) - set(stored))
    assert missing == []
    for ident, expected in committed.items():
        attempt = stored[ident]
        assert digest(attempt.transcript.text) == expected
        assert len(attempt.transcript.words) == 360
    # Anything saved beyond what was reported was killed between commit and print: whole too.
    assert all(len(a.transcript.words) == 360 for a in stored.values())
    assert len(sessions) == KILLS
    print(f"\nkill-during-save: {KILLS} kills, {len(committed)} attempts reported committed, "
          f"{len(stored)} in the database, 0 missing, integrity_check ok after every kill")
