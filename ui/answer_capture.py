"""One spoken answer: audio in, to disk and to the recognizer as it arrives, until it stops.

The recognizer stream and the WAV writer live on one background lane, fed chunk by
chunk, so the UI thread only moves bytes along. Stops on request, after a stretch of
silence once the candidate has spoken, or at the time limit. Whatever was recorded is
kept on disk even when the recognizer or the device fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from interviewer.banks import Question
from interviewer.errors import InterviewerError
from interviewer.pcm import BYTES_PER_SECOND, is_voice
from interviewer.speech.registry import AUTO, finishes_late
from interviewer.transcript import Transcript
from ui import services
from ui.audio_in import AudioInput
from ui.jobs import Jobs


def speech_context(question: Question, bank_questions: Iterable[Question] = (),
                   vocabulary: str = "") -> str:
    """The question and its bank's terms (and a job posting's), for the final pass's prompt."""
    from interviewer.speech.vocabulary import context_for

    return context_for(question, bank_questions, vocabulary)


SPEECH_LANE = "speech"  # one thread: a recognizer stream must stay on one thread


@dataclass
class CaptureResult:
    transcript: Transcript | None
    audio_path: Path | None
    seconds: float
    stopped_by: str  # "key", "silence", "limit", "end", "device"
    error: InterviewerError | None = None
    pcm: bytes = field(default=b"", repr=False)  # what was heard, for scoring from memory


class _Pipe:
    """Qt-free, used only on the capture lane: the writer and the recognizer stream."""

    def __init__(self, wav_path: Path | None, engine: str, model_path: str,
                 context: str = "") -> None:
        self.wav_path, self.engine, self.model_path = wav_path, engine, model_path
        self.context = context
        self.writer: Any = None
        self.stream: Any = None
        self.finisher = ""  # the final-pass engine's label, when one follows the live text
        self.heard = bytearray()  # every chunk, so scoring never reads the WAV back
        self.problems: list[InterviewerError] = []
        self.notices: list[InterviewerError] = []  # said once at the start, not failures

    def open(self) -> str:
        """Open the file and the stream; returns the label of the engine that listens."""
        if self.wav_path is not None:
            try:
                self.wav_path.parent.mkdir(parents=True, exist_ok=True)
                self.writer = services.recording_writer(self.wav_path)
            except (InterviewerError, OSError) as exc:
                self.problems.append(_as_error(exc, "the recording cannot be saved"))
        try:
            recognizer = services.load_recognizer(self.engine, self.model_path)
            self.stream = recognizer.open_stream(self.context)
        except InterviewerError as exc:
            self.problems.append(exc)
            return "no recognizer: type your answer"
        reason = getattr(recognizer, "fallback_reason", "")
        if reason:
            self.notices.append(InterviewerError(
                f"Using {recognizer.engine}: {reason}", "see Settings for the speech models"))
        return self._label(recognizer)

    def _label(self, recognizer: Any) -> str:
        """'sphinx, then whisper (tiny.en) for the final transcript', or 'vosk (model)'."""
        model = f" ({recognizer.model})" if getattr(recognizer, "model", "") else ""
        live = getattr(recognizer, "live_engine", "")
        if live:
            self.finisher = f"{recognizer.engine}{model}"
            return f"{live} live, then {self.finisher} for the final transcript"
        if finishes_late(recognizer.engine):
            self.finisher = f"{recognizer.engine}{model}"
            return f"{self.finisher} (text appears as you pause)"
        return f"{recognizer.engine}{model}"

    def feed(self, pcm: bytes) -> str | None:
        self.heard += pcm
        if self.writer is not None:
            self.writer.write(pcm)
        return self.stream.feed(pcm) if self.stream is not None else None

    def finish(self) -> tuple[Transcript | None, Path | None, bytes]:
        path = None
        if self.writer is not None:
            self.writer.close()
            path = self.wav_path
        transcript = self.stream.finish() if self.stream is not None else None
        return transcript, path, bytes(self.heard)


def _as_error(exc: Exception, what: str) -> InterviewerError:
    if isinstance(exc, InterviewerError):
        return exc
    return InterviewerError(f"{what}: {exc}", "check there is free disk space")


class AnswerCapture(QObject):
    """Runs one answer's capture; emits progress for the screen and `done` at the end."""

    engine_ready = Signal(str)
    partial = Signal(str)
    level = Signal(int)  # 0..100
    elapsed = Signal(float)
    problem = Signal(object)  # InterviewerError, shown while recording goes on or ends
    problem_over = Signal(object)  # a warning that no longer holds (sound came after all)
    done = Signal(object)  # CaptureResult

    def __init__(self, jobs: Jobs, source: AudioInput, wav_path: Path | None,
                 engine: str = AUTO, model_path: str = "", silence_stop_s: float = 0.0,
                 time_limit_s: float = 0.0, parent: QObject | None = None,
                 context: str = "") -> None:
        super().__init__(parent)
        self.jobs, self.source = jobs, source
        self.silence_stop_s, self.time_limit_s = silence_stop_s, time_limit_s
        self._pipe = _Pipe(wav_path, engine, model_path, context)
        self._lane = SPEECH_LANE
        self._bytes = 0
        self._last_voice: float | None = None
        self._stopped_by = ""
        self._device_error: InterviewerError | None = None
        self._finished = False
        source.chunk.connect(self._on_chunk)
        source.level.connect(self.level)
        source.failed.connect(self._on_failed)
        source.warning.connect(self.problem)
        source.warning_over.connect(self.problem_over)
        source.ended.connect(self._on_ended)

    @property
    def seconds(self) -> float:
        return self._bytes / BYTES_PER_SECOND

    @property
    def running(self) -> bool:
        return not self._stopped_by

    def start(self) -> None:
        self.jobs.run(self._pipe.open, lane=self._lane, on_done=self._on_open)
        self.source.start()

    def stop(self, reason: str = "key") -> None:
        """Stop listening; the final transcript follows by `done`."""
        if self._stopped_by:
            return
        self._stopped_by = reason
        if self.source.active:
            self.source.stop()  # emits ended -> _finish
        else:
            self._finish()

    def _on_open(self, label: str) -> None:
        self.engine_ready.emit(label)
        for problem in [*self._pipe.problems, *self._pipe.notices]:
            self.problem.emit(problem)

    def _on_chunk(self, pcm: bytes) -> None:
        if self._finished:
            return
        self._bytes += len(pcm)
        self.jobs.run(lambda: self._pipe.feed(pcm), lane=self._lane, on_done=self._on_partial)
        seconds = self.seconds
        self.elapsed.emit(seconds)

        if is_voice(pcm):
            self._last_voice = seconds
        if self.time_limit_s and seconds >= self.time_limit_s:
            self.stop("limit")
        elif (self.silence_stop_s and self._last_voice is not None
              and seconds - self._last_voice >= self.silence_stop_s):
            self.stop("silence")

    def _on_partial(self, text: str | None) -> None:
        if text is not None and not self._finished:
            self.partial.emit(text)

    def _on_failed(self, error: InterviewerError) -> None:
        self._device_error = error
        self.problem.emit(error)
        if not self._stopped_by:
            self._stopped_by = "device"
            self._finish()

    def _on_ended(self) -> None:
        if not self._stopped_by:
            self._stopped_by = "end"
        self._finish()

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        # Asked on the lane, after the stream opened and took every chunk: the final pass
        # has the last stretch to decode, so say so while it runs.
        self.jobs.run(lambda: self._pipe.finisher, lane=self._lane, on_done=self._on_finishing)
        self.jobs.run(self._pipe.finish, lane=self._lane, on_done=self._on_final,
                      on_error=self._on_final_error)

    def _on_finishing(self, finisher: str) -> None:
        if finisher:
            self.engine_ready.emit(f"{finisher}: finishing the transcript…")

    def _on_final(self, result: tuple[Transcript | None, Path | None, bytes]) -> None:
        transcript, path, pcm = result
        if transcript is not None and transcript.note:
            # The final pass failed and the live transcript stands in: tell the candidate.
            self.problem.emit(InterviewerError(transcript.note,
                                               "you can correct the transcript before saving"))
        error = self._device_error or next(iter(self._pipe.problems), None)
        self.done.emit(CaptureResult(transcript, path, self.seconds, self._stopped_by, error,
                                     pcm))

    def _on_final_error(self, error: InterviewerError) -> None:
        path = self._pipe.wav_path if self._pipe.writer is not None else None
        self.done.emit(CaptureResult(None, path, self.seconds, self._stopped_by, error))
