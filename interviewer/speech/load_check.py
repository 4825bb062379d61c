"""A model is loaded once, in a child process, before it is installed.

A folder can have every file a model needs and still not be one (a random model.bin,
`{` as its config): installed, it would make every start fall back to another engine.
Loading it in a child first means a crash or a hang in the native loader costs the
install, never the app; the reason comes back in one line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from interviewer.speech.errors import ModelError

LOAD_TIMEOUT_S = 300


def verify_loads(kind: str, folder: Path, name: str,
                 timeout: float = LOAD_TIMEOUT_S) -> None:
    """ModelError unless the model in `folder` loads with engine `kind` (a registry name);
    `name` is the model's, for the message (`folder` is a work folder)."""
    command = [sys.executable, "-m", "interviewer.speech.load_check", kind, str(folder)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              errors="replace", check=False)
    except subprocess.TimeoutExpired:
        raise ModelError(f"{name}: the model did not load within {timeout:.0f} s",
                         "nothing was installed; check the model files") from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        reason = lines[-1] if lines else f"the loader stopped with code {done.returncode}"
        reason = reason.replace(f"{folder}: ", "").replace(str(folder), name)
        raise ModelError(f"{name}: the model does not load ({reason})",
                         "nothing was installed; check that it is a complete model")


def _load(kind: str, folder: Path) -> None:
    """Build the engine's recognizer as the app would, from the engine table."""
    from interviewer.speech.registry import ENGINES

    ENGINES[kind].make(folder)


def main(argv: list[str]) -> int:
    kind, folder = argv
    try:
        _load(kind, Path(folder))
    except ModelError as exc:
        print(exc.message.replace("\n", " "), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
