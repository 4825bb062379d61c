"""Run the real `interviewer` command in a child process, the way an attacker or a
full disk would meet it, and check it ended well: no traceback, no hang."""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _limits(fsize: int | None, memory: int | None) -> Callable[[], None] | None:
    if fsize is None and memory is None:
        return None

    def apply() -> None:  # in the child, before Python starts
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return apply


def unprivileged() -> list[str]:
    """A prefix that makes file permissions count: root reads a mode-000 folder anyway,
    so as root the capabilities that override them are dropped for the child."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root needs setpriv (util-linux) to test permissions"
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def run_cli(args: Sequence[str], home: Path, stdin: str = "", fsize: int | None = None,
            memory: int | None = None, as_user: bool = False, timeout: float = 120,
            ok: tuple[int, ...] = (0, 1)) -> subprocess.CompletedProcess[str]:
    """`interviewer ARGS` with INTERVIEWER_HOME=home; asserts a clean ending."""
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "NO_COLOR": "1",
           "PYTHONPATH": str(REPO)}
    command = [*(unprivileged() if as_user else []), sys.executable, "-m", "interviewer",
               *args]
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=timeout, preexec_fn=_limits(fsize, memory))
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    assert done.returncode in ok, (done.returncode, done.stderr[-3000:])
    return done


def error_lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in done.stderr.splitlines() if line.startswith("interviewer: error:")]


def damage_index(db: Path, index: str = "attempts_question") -> None:
    """Overwrite one index's root page with junk: the file still opens and reads by table
    scan, but saving an attempt (which updates the index) meets a damaged page."""
    conn = sqlite3.connect(db)
    try:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (index,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(db, "r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\xa5" * size)
