"""The terminal's progress lines, so a person never stares at a silent terminal.

`working`: for a step with no natural place to report from (transcribing ten minutes
of noise, synthesising a long text), a watcher thread prints `interviewer:
transcribing x.wav... 4 s` on stderr after two seconds and every five after.
`ProgressLine`: for an install that reports its stages (download, copy, unpack,
check), one line redrawn in place; a log or a pipe gets one line per stage.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator

FIRST_AFTER_S = 2.0
EVERY_S = 5.0
STAGES = {"download": "downloading", "copy": "copying", "unpack": "unpacking",
          "check": "checking the model's weights"}


@contextlib.contextmanager
def working(what: str, first_after: float = FIRST_AFTER_S,
            every: float = EVERY_S) -> Iterator[None]:
    """Print `what` with the seconds elapsed while the block runs longer than `first_after`."""
    done = threading.Event()
    start = time.monotonic()

    def watch() -> None:
        wait = first_after
        while not done.wait(wait):
            with contextlib.suppress(OSError, ValueError):
                print(f"interviewer: {what}... {time.monotonic() - start:.0f} s",
                      file=sys.stderr, flush=True)
            wait = every

    watcher = threading.Thread(target=watch, name="progress", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join(timeout=1)


class ProgressLine:
    """One updating line on stderr, so a big download or copy shows it is moving.

    Called as an installer's `progress(stage, done, total)`: bytes for download and
    copy, files for unpack, nothing counted for check.
    """

    def __init__(self) -> None:
        self._last = ""
        self._stage = ""
        self._live = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        verb = STAGES.get(stage, stage)
        if not self._live:
            # In a log or a pipe, one line per stage instead of hundreds of redraws.
            if stage != self._stage:
                self._stage = stage
                print(f"{verb}...", file=sys.stderr)
            return
        line = verb if stage == "check" else f"{verb} {_amount(stage, done, total)}"
        if line != self._last:
            self._last = line
            sys.stderr.write("\r" + line.ljust(40))
            sys.stderr.flush()

    def end(self) -> None:
        if self._last:
            sys.stderr.write("\n")


def _amount(stage: str, done: int, total: int | None) -> str:
    """'12.3/45.6 MB (26%)' for bytes, '3/40 files' for an unpack."""
    if stage == "unpack":
        return f"{done}/{total} files"
    size = f"{done / 1e6:.1f}" + (f"/{total / 1e6:.1f} MB" if total else " MB")
    return size + (f" ({100 * done // total}%)" if total else "")
