"""Live text in the terminal: the answer fed to the recognizer while it is spoken.

The microphone's chunks go to a worker thread, which feeds the recognizer stream (the
live engine answers at once; Whisper's finished stretches replace its words), so the
level bar never waits on recognition, nor on the model if it is still loading (the
chunks wait in the queue). The line shows the last words that fit.
"""

from __future__ import annotations

import queue
import shutil
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from interviewer.transcript import Transcript

if TYPE_CHECKING:
    from interviewer.speech.base import Stream

_END = b""


class LiveFeed:
    """Feeds one answer's stream on its own thread; `text` is the latest live text."""

    def __init__(self, open_stream: Callable[[], Stream]) -> None:
        self._open = open_stream  # called on the worker: it may wait for the model to load
        self._stream: Stream | None = None
        self._chunks: queue.Queue[bytes] = queue.Queue()
        self._result: Transcript | None = None
        self._error: BaseException | None = None
        self.text = ""
        self._thread = threading.Thread(target=self._run, name="live-text", daemon=True)
        self._thread.start()

    def feed(self, pcm: bytes) -> None:
        if pcm:
            self._chunks.put(pcm)

    def _run(self) -> None:
        try:
            self._stream = stream = self._open()
            while (pcm := self._chunks.get()) is not _END:
                self.text = stream.feed(pcm) or self.text
            self._result = stream.finish()
        except BaseException as exc:  # noqa: BLE001 - raised again in finish()
            self._error = exc

    def finish(self) -> Transcript:
        """The final transcript, once every chunk was fed (Whisper's last stretch)."""
        self._chunks.put(_END)
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


def tail_fitting(text: str, used: int) -> str:
    """The last words of `text` that fit on the line after `used` columns."""
    room = shutil.get_terminal_size((100, 24)).columns - used - 2
    if room < 10 or not text:
        return ""
    return text if len(text) <= room else "…" + text[-(room - 1):].split(" ", 1)[-1]
