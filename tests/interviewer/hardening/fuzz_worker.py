"""A child process that parses files under a memory cap and says how each one ended.

Reads `kind path` lines on stdin (kind: wav or bank) and answers one line each:
`ok`, `refused: <message>` (a clean, expected error), or `crash: <type>: <message>`.
Started by test_fuzz.py with RLIMIT_AS set, so an unbounded allocation shows up here
as a MemoryError instead of taking the machine's memory.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

from interviewer.banks.validate import read_bank
from interviewer.errors import InterviewerError
from interviewer.speech.audio import read_pcm


def _one(kind: str, path: Path) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a numpy warning on odd input is a bug too
            if kind == "wav":
                read_pcm(path)
                return "ok"
            bank, problems = read_bank(path)
            for problem in problems:
                str(problem)
            return "ok" if bank else f"refused: {problems[0].message[:200]}"
    except InterviewerError as exc:
        return f"refused: {exc.message[:200]}"
    except BaseException as exc:  # noqa: BLE001 - exactly what the test looks for
        return f"crash: {type(exc).__name__}: {str(exc)[:200]}"


def main() -> None:
    for line in sys.stdin:
        kind, _, path = line.rstrip("\n").partition(" ")
        print(_one(kind, Path(path)).replace("\n", " "), flush=True)


if __name__ == "__main__":
    main()
