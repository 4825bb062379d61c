"""SIGKILL the upgrade of a version-1 database at random moments: it is never half-migrated.

Each step commits with its version bump, so after any kill the file is at a whole
version with every row, and the next start finishes the job. The backup taken before
the first step is written under a temporary name, so a kill never leaves a torn one.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from interviewer.history import CURRENT_VERSION, HistoryStore
from tests.conftest import REPO
from tests.interviewer.history.test_migration import V1_DDL

ROWS = 4000
KILLS = 12
OPEN = ("import sys; from interviewer.history import HistoryStore; print('start', flush=True); "
        "HistoryStore(sys.argv[1]); print('done', flush=True)")


def make_big_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL)
    conn.execute("INSERT INTO sessions VALUES (1, 'b', 'practice', "
                 "'2026-01-01T00:00:00.000000+00:00', NULL)")
    feedback = json.dumps({"coverage": 0.5, "delivery": {"wpm": 120}, "notes": ["x" * 300]})
    conn.executemany(
        "INSERT INTO attempts (session_id, question_id, created_at, transcript, coverage, "
        "feedback) VALUES (1, ?, ?, ?, 0.5, ?)",
        [(f"b/q{i % 50}", f"2026-01-01T00:{i // 3600 % 60:02d}:{i // 60 % 60:02d}."
          f"{i:06d}+00:00", f"answer {i} " + "word " * 100, feedback) for i in range(ROWS)])
    conn.commit()
    conn.close()


def open_in_child(db: Path, kill_after: float | None) -> tuple[bool, float]:
    """Open the store in a fresh process; SIGKILL it `kill_after` s after it starts opening."""
    child = subprocess.Popen([sys.executable, "-c", OPEN, str(db)], cwd=REPO, text=True,
                             stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout is not None
    assert child.stdout.readline() == "start\n"
    began = time.monotonic()
    if kill_after is not None:
        time.sleep(kill_after)
        child.send_signal(signal.SIGKILL)
    output = child.stdout.read()
    child.wait()
    return "done" in output, time.monotonic() - began


def check(db: Path) -> int:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == ROWS
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return found


def test_sigkill_during_migration_never_half_migrates(tmp_path: Path) -> None:
    pristine = tmp_path / "v1.sqlite3"
    make_big_v1(pristine)
    db = tmp_path / "history.sqlite3"
    shutil.copy(pristine, db)
    finished, took = open_in_child(db, None)  # once to the end: how long an upgrade takes
    assert finished and check(db) == CURRENT_VERSION

    rng = random.Random(11)
    versions: Counter[int] = Counter()
    for _ in range(KILLS):
        for old in tmp_path.glob("history.sqlite3*"):
            old.unlink()
        shutil.copy(pristine, db)
        open_in_child(db, rng.uniform(0, took))
        versions[check(db)] += 1
        with HistoryStore(db) as store:  # the next start completes the upgrade
            assert store.schema_version == CURRENT_VERSION
            assert len(store.attempts(question_id="b/q7")) == ROWS // 50
        backup = db.with_name(db.name + ".v1.bak")
        assert check(backup) == 1
    print(f"\nkill-during-migration: {KILLS} kills over a {took:.2f} s upgrade of {ROWS} rows; "
          f"left at version {dict(sorted(versions.items()))}, integrity ok, no row lost")
