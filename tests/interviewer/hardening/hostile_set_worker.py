"""Run many `interviewer` commands cheaply, each in its own forked child with a time and
memory limit, as a person's terminal would run them one by one.

One warm process imports the app once; every case is a fork of it (its own home,
stdin, stdout and stderr files, a memory limit, killed at its time limit), so the
cases cost their own work, not a Python start each.

    python hostile_set_worker.py CASES.json RESULTS.json
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

import interviewer.analysis  # noqa: E402,F401  (warm: the scorer is what practice loads)
from interviewer.cli.main import main  # noqa: E402


def _child(case: dict, memory: int) -> None:
    """In the fork: point the app at the case's home and files, run, exit with its code."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    os.environ["INTERVIEWER_HOME"] = case["home"]
    os.environ["NO_COLOR"] = "1"
    os.chdir(case["home"])
    out = Path(case["out"])
    for fd, name, mode in ((0, "stdin", os.O_RDONLY), (1, "stdout", os.O_WRONLY | os.O_CREAT),
                           (2, "stderr", os.O_WRONLY | os.O_CREAT)):
        os.dup2(os.open(out / name, mode, 0o644), fd)
    # as Python sets them up for a terminal: UTF-8, bytes that are not UTF-8 kept as
    # surrogates on stdin
    sys.stdin = io.TextIOWrapper(os.fdopen(0, "rb"), encoding="utf-8", errors="surrogateescape")
    sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb"), encoding="utf-8", errors="strict",
                                  line_buffering=True)
    sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb"), encoding="utf-8",
                                  errors="backslashreplace", line_buffering=True)
    code = 99
    try:
        code = main(case["args"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:  # noqa: BLE001 - what escapes main is a traceback the user sees
        traceback.print_exc()
        code = 98
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def run_case(case: dict, timeout: float, memory: int) -> dict:
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            _child(case, memory)
        finally:
            os._exit(97)
    status = None
    while time.monotonic() - started < timeout:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return {"name": case["name"], "hang": True, "seconds": timeout}
    assert status is not None
    signalled = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    return {"name": case["name"], "hang": False, "signal": signalled,
            "code": os.WEXITSTATUS(status) if not signalled else None,
            "seconds": round(time.monotonic() - started, 2)}


def main_worker(cases_file: str, results_file: str) -> None:
    spec = json.loads(Path(cases_file).read_text())
    results = [run_case(case, spec["timeout"], spec["memory"]) for case in spec["cases"]]
    Path(results_file).write_text(json.dumps(results))


if __name__ == "__main__":
    main_worker(sys.argv[1], sys.argv[2])
