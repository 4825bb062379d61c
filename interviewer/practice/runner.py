"""Running the flow on one thread: the terminal's stand-in for the app's background jobs."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class SerialLoop:
    """Steps run one after another, each from the loop, never nested in the one before.

    The flow answers through callbacks; called directly, a long terminal round would
    nest one call per step until Python's recursion limit. Posting them here keeps
    the stack flat. Errors are not caught: the terminal reports them and stops.
    """

    def __init__(self) -> None:
        self._steps: deque[Callable[[], None]] = deque()
        self._running = False

    def post(self, step: Callable[[], None]) -> None:
        self._steps.append(step)
        if self._running:
            return
        self._running = True
        try:
            while self._steps:
                self._steps.popleft()()
        finally:
            self._running = False
            self._steps.clear()

    def run(self, fn: Callable[..., T], *args: Any, then: Callable[[T | None], None]) -> None:
        result = fn(*args)
        self.post(lambda: then(result))
