"""What the flow needs from a front end: narrow parts, each passed in.

Every slow part answers through a `then` callback, so the same flow runs on the app's
background jobs (answers arrive later, by signal) and in the terminal (at once).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from interviewer.analysis.feedback import Feedback
from interviewer.banks import Question
from interviewer.practice.attempt import Answer, Attempt
from interviewer.practice.round import Round
from interviewer.practice.timing import AnswerTimes
from interviewer.transcript import Transcript

T = TypeVar("T")


class SpeakerPort(Protocol):
    def say(self, text: str, then: Callable[[], None]) -> None:
        """Speak (or just show) a line; `then()` once it was heard out, stopped or failed."""


class AnswerPort(Protocol):
    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        """The interviewer has finished: the answer may start now. `then(None)` when no
        more answers will come (scripted answers ran out, the keyboard closed)."""

    def has_more(self) -> bool:
        """False once it is known that no answer will come (the last file was used)."""


class Runner(Protocol):
    def run(self, fn: Callable[..., T], *args: Any, then: Callable[[T | None], None]) -> None:
        """Run `fn(*args)` off the UI thread; `then(result)`, or `then(None)` once the
        failure was reported to the user."""


class RoundStore(Protocol):
    """History, as the flow writes it: fire and forget, in order."""

    def start_session(self, bank_id: str, mode: str) -> None: ...

    def save_attempt(self, attempt: Attempt) -> None: ...

    def record_review(self, question_id: str, coverage: float, rating: int | None,
                      now: datetime) -> None: ...

    def finish_session(self) -> None: ...


class Front(Protocol):
    """What the candidate sees; it decides nothing, it shows and reports choices back."""

    def show_question(self, question: Question, progress: str) -> None: ...

    def show_follow_up(self, line: str) -> None: ...

    def nothing_heard(self, question: Question, choose: bool) -> None:
        """The answer had no words: nothing is saved. With `choose`, the round waits
        for an answer again, or retry() or next(); else it has moved on."""

    def cannot_transcribe(self, audio_path: Path | None) -> None: ...

    def show_scored(self, attempt: Attempt, previous: Attempt | None, choose: bool) -> None:
        """An attempt was scored; with `choose`, the round waits for retry() or next()."""

    def ask_rating(self, attempt: Attempt, then: Callable[[int | None], None]) -> None:
        """The question is done: a last chance to rate it. `then(rating)`, or `then(None)`
        when none is given now (one given earlier through `PracticeFlow.rate` stands)."""

    def show_summary(self, title: str, round_: Round, closing: str) -> None: ...


Transcriber = Callable[[bytes, Question], Transcript]  # the question primes the recognizer
Scorer = Callable[[Question, Transcript, bytes | None], Feedback]  # with the audio, if any
