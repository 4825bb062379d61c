"""The `interviewer` entry point as a shell user meets it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_output_piped_into_head_ends_quietly() -> None:
    """`interviewer banks show ... --json | head -1` must not print a BrokenPipeError."""
    command = (f"'{sys.executable}' -m interviewer banks show ar-coordinator --json"
               " | head -c 20")
    run = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=REPO,
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.startswith("[") or run.stdout.startswith("{")
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr, run.stderr
