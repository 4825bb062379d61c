"""One spoken answer's way through the core: to disk and to the recognizer as it arrives.

Qt-free, used from one thread (a recognizer stream must stay on one): `open()` the WAV
and the stream, `feed()` every chunk as it is captured, `finish()` for the `Answer`
the practice flow takes: the transcript, the audio itself (kept in memory, so scoring
never reads the file back) and the file it is kept in. Whatever was recorded stays on
disk even when the recognizer fails. The app runs it on a background lane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from interviewer.errors import InterviewerError
from interviewer.practice.attempt import Answer
from interviewer.speech.registry import finishes_late
from interviewer.transcript import Transcript


class Writer(Protocol):
    def write(self, pcm: bytes) -> None: ...
    def close(self) -> None: ...


class Stream(Protocol):
    def feed(self, pcm: bytes) -> str: ...
    def finish(self) -> Transcript: ...


class Listener(Protocol):
    """A loaded recognizer, here or in its own process."""

    engine: str
    model: str
    fallback_reason: str

    def open_stream(self, context: str = "") -> Stream: ...


class AnswerPipe:
    """The writer and the recognizer stream of one answer; problems are kept, not raised."""

    def __init__(self, wav_path: Path | None, load: Callable[[], Listener],
                 writer: Callable[[Path], Writer], context: str = "") -> None:
        self.wav_path, self.context = wav_path, context
        self._load, self._make_writer = load, writer
        self.writer: Writer | None = None
        self.stream: Stream | None = None
        self.finisher = ""  # the final-pass engine's label, when one follows the live text
        self.heard = bytearray()  # every chunk: the answer's audio for scoring
        self.problems: list[InterviewerError] = []
        self.notices: list[InterviewerError] = []  # said once at the start, not failures

    def open(self) -> str:
        """Open the file and the stream; returns the label of the engine that listens."""
        if self.wav_path is not None:
            try:
                self.wav_path.parent.mkdir(parents=True, exist_ok=True)
                self.writer = self._make_writer(self.wav_path)
            except (InterviewerError, OSError) as exc:
                self.problems.append(_as_error(exc, "the recording cannot be saved"))
        try:
            recognizer = self._load()
            self.stream = recognizer.open_stream(self.context)
        except InterviewerError as exc:
            self.problems.append(exc)
            return "no recognizer: type your answer"
        if recognizer.fallback_reason:
            self.notices.append(InterviewerError(
                f"Using {recognizer.engine}: {recognizer.fallback_reason}",
                "see Settings for the speech models"))
        return self._label(recognizer)

    def _label(self, recognizer: Listener) -> str:
        """'sphinx live, then whisper (tiny.en) for the final transcript', or 'vosk (model)'."""
        model = f" ({recognizer.model})" if recognizer.model else ""
        live = getattr(recognizer, "live_engine", "")
        if live:
            self.finisher = f"{recognizer.engine}{model}"
            return f"{live} live, then {self.finisher} for the final transcript"
        if finishes_late(recognizer.engine):
            self.finisher = f"{recognizer.engine}{model}"
            return f"{self.finisher} (text appears as you pause)"
        return f"{recognizer.engine}{model}"

    def feed(self, pcm: bytes) -> str | None:
        """Write and recognise one chunk; the partial text, or None without a recognizer."""
        self.heard += pcm
        if self.writer is not None:
            self.writer.write(pcm)
        return self.stream.feed(pcm) if self.stream is not None else None

    def finish(self) -> Answer:
        """Close the file and the stream. The transcript is None without a recognizer; a
        failing one raises, and `saved_path` still names what is on disk."""
        path = None
        if self.writer is not None:
            self.writer.close()
            path = self.wav_path
        transcript = self.stream.finish() if self.stream is not None else None
        return Answer(transcript=transcript, pcm=bytes(self.heard), audio_path=path)

    @property
    def saved_path(self) -> Path | None:
        return self.wav_path if self.writer is not None else None


def _as_error(exc: Exception, what: str) -> InterviewerError:
    if isinstance(exc, InterviewerError):
        return exc
    return InterviewerError(f"{what}: {exc}", "check there is free disk space")
