"""Two passes over one answer: a streaming engine for the live text, Whisper for the final.

Both are fed every chunk. The streaming engine answers at once; Whisper only buffers
and queues finished stretches on its own thread, so feeding never waits on it. As
Whisper finishes a stretch, the live text shows Whisper's words for it in place of the
streaming engine's, so what the candidate watches is mostly right a few seconds behind. At the
end the live transcript is the safety net: if Whisper fails, it is what the candidate
gets, with the reason in words.
"""

from __future__ import annotations

from dataclasses import replace

from interviewer.errors import InterviewerError
from interviewer.speech.audio import BYTES_PER_SECOND
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.figures import check_note
from interviewer.speech.whisper_engine import WhisperRecognizer, WhisperStream
from interviewer.transcript import Transcript


class TwoPassStream(Stream):
    def __init__(self, live: Stream, final: WhisperStream) -> None:
        super().__init__()
        self._live, self._final = live, final
        self._final_error: Exception | None = None
        self._fed = 0.0  # seconds
        # (seconds fed, how many live words there were then), one per feed
        self._live_words: list[tuple[float, int]] = []

    def feed(self, pcm: bytes) -> str:
        """The live text, with the stretches Whisper has finished in Whisper's words."""
        self._check_use()
        if self._final_error is None:
            try:
                self._final.feed(pcm)
            except Exception as exc:  # noqa: BLE001 - the live pass goes on regardless
                self._final_error = exc
        live = self._live.feed(pcm)
        self._fed += len(pcm) / BYTES_PER_SECOND
        words = live.split()
        self._live_words.append((self._fed, len(words)))
        if self._final_error is not None:
            return live
        done_to, done = self._final.done()
        if not done:
            return live
        covered = next((n for t, n in reversed(self._live_words) if t <= done_to), 0)
        return " ".join([done, *words[covered:]])

    def finish(self) -> Transcript:
        self._check_use()
        self._finished = True
        if self._final_error is None:
            try:  # Whisper's last stretch decodes while the live pass ends
                self._final.end_input()
            except Exception as exc:  # noqa: BLE001 - the live text is the safety net
                self._final_error = exc
        live = self._live.finish()
        if self._final_error is None:
            try:
                final = self._final.finish()
            except Exception as exc:  # noqa: BLE001 - any failure falls back to live text
                self._final_error = exc
            else:
                return replace(final, live_engine=live.engine, live_model=live.model,
                               note=check_note(list(final.words), list(live.words)))
        return replace(live, note=fallback_note(self._final_error))


def fallback_note(error: Exception | None) -> str:
    reason = error.message if isinstance(error, InterviewerError) else str(error)
    return ("The final pass (Whisper) failed, so this is the live transcript, which has "
            f"more mistakes ({reason}).")


class TwoPassRecognizer(Recognizer):
    """The live engine and Whisper; named after the engine that makes the final text."""

    def __init__(self, live: Recognizer, final: WhisperRecognizer) -> None:
        self.live, self.final = live, final
        self.engine, self.model = final.engine, final.model
        self.live_engine, self.live_model = live.engine, live.model
        self.fallback_reason = live.fallback_reason

    def open_stream(self, context: str = "") -> TwoPassStream:
        return TwoPassStream(self.live.open_stream(context), self.final.open_stream(context))
