"""One spoken answer: audio in, to disk and to the recognizer as it arrives, until it stops.

The core's AnswerPipe (the WAV writer and the recognizer stream) lives on one background
lane, fed chunk by chunk, so the UI thread only moves bytes along. Stops on request,
after a stretch of silence once the candidate has spoken, or at the time limit. Whatever
was recorded is kept on disk even when the recognizer or the device fails. `done` hands
over the core's `Answer`, which the round controller returns through the flow's `then`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from interviewer.banks import Question
from interviewer.errors import InterviewerError
from interviewer.pcm import BYTES_PER_SECOND, is_voice
from interviewer.practice.answer_pipe import AnswerPipe
from interviewer.practice.attempt import Answer
from interviewer.speech.registry import AUTO
from interviewer.transcript import Transcript
from interviewer.ui import services
from interviewer.ui.audio_in import AudioInput
from interviewer.ui.jobs import Jobs


def speech_context(question: Question, bank_questions: Iterable[Question] = (),
                   vocabulary: str = "") -> str:
    """The question and its bank's terms (and a job posting's), for the final pass's prompt."""
    from interviewer.speech.vocabulary import context_for

    return context_for(question, bank_questions, vocabulary)


SPEECH_LANE = "speech"  # one thread: a recognizer stream must stay on one thread


@dataclass
class CaptureResult:
    answer: Answer  # the core's: transcript (None when none was made), audio, its file
    seconds: float
    stopped_by: str  # "key", "silence", "limit", "end", "device"
    error: InterviewerError | None = None

    @property
    def transcript(self) -> Transcript | None:
        return self.answer.transcript

    @property
    def audio_path(self) -> Path | None:
        return self.answer.audio_path


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
        self._pipe = AnswerPipe(wav_path, lambda: services.load_recognizer(engine, model_path),
                                services.recording_writer, context)
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

    def _on_final(self, answer: Answer) -> None:
        transcript = answer.transcript
        if transcript is not None and transcript.note:
            # The final pass failed and the live transcript stands in: tell the candidate.
            self.problem.emit(InterviewerError(transcript.note,
                                               "you can correct the transcript before saving"))
        error = self._device_error or next(iter(self._pipe.problems), None)
        self.done.emit(CaptureResult(answer, self.seconds, self._stopped_by, error))

    def _on_final_error(self, error: InterviewerError) -> None:
        answer = Answer(audio_path=self._pipe.saved_path)
        self.done.emit(CaptureResult(answer, self.seconds, self._stopped_by, error))
