"""The recognizer interface every engine implements: open a stream, feed chunks, finish."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod

from interviewer.speech.audio import whole_samples
from interviewer.transcript import Transcript


class Stream(ABC):
    """One answer being transcribed; fed from one thread as the audio is captured."""

    def __init__(self) -> None:
        self._owner: int | None = None
        self._finished = False
        self._odd = b""  # a byte of a sample split across two chunks

    def _whole_samples(self, pcm: bytes) -> bytes:
        """Chunks may split a 16-bit sample; hold the stray byte for the next chunk."""
        pcm, self._odd = whole_samples(self._odd, pcm)
        return pcm

    def _check_use(self) -> None:
        """Engines keep decoder state that is not thread-safe: refuse misuse loudly."""
        me = threading.get_ident()
        if self._owner is None:
            self._owner = me
        elif self._owner != me:
            raise RuntimeError("a speech Stream must be used from one thread only")
        if self._finished:
            raise RuntimeError("this speech Stream is finished; open a new one per answer")

    @abstractmethod
    def feed(self, pcm: bytes) -> str:
        """Take 16 kHz mono 16-bit PCM and return the partial text so far."""

    @abstractmethod
    def finish(self) -> Transcript:
        """Return the final transcript; quick because the audio was decoded while fed."""


class Recognizer(ABC):
    """A loaded engine and model, shared by every answer in the process."""

    engine: str = ""
    model: str = ""
    # Why a better engine was not used (e.g. the installed Vosk model is damaged); "" if none.
    fallback_reason: str = ""

    @abstractmethod
    def open_stream(self, context: str = "") -> Stream:
        """A fresh stream for one answer. `context` is the question and its vocabulary;
        engines that can use it (Whisper's prompt) do, the others ignore it."""
