"""A progress line for any step that may run longer than two seconds.

Transcribing ten minutes of noise or synthesising a long text gives no natural place
to report from; a watcher thread prints `interviewer: transcribing x.wav... 4 s` on
stderr after two seconds and every five after, until the step ends, so a person
never stares at a silent terminal wondering whether it hangs.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator

FIRST_AFTER_S = 2.0
EVERY_S = 5.0


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
