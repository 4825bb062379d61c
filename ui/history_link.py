"""History from the app: every HistoryStore call runs on one background lane.

The store is opened on that lane's thread (SQLite connections stay on the thread that
made them). If history is unavailable the round still works; the user is told once.
It is the practice flow's RoundStore: the flow says what to save and when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from interviewer.banks import Library
from interviewer.errors import InterviewerError
from interviewer.history import HistoryStore, Orphan, find_orphans
from interviewer.history.feedback_fields import as_dict
from interviewer.history.review import ReviewState
from interviewer.history.unsaved import keep_answer
from interviewer.practice import Attempt
from interviewer.practice.saving import save_attempt
from interviewer.reports import build_report, write_report
from interviewer.ui.jobs import Jobs

HISTORY_LANE = "history"
T = TypeVar("T")


def keep_unsaved(attempt: Attempt) -> Path:
    """The answer in a sidecar the next start offers back (history/unsaved.py)."""
    return keep_answer(attempt.question, attempt.transcript, as_dict(attempt.feedback),
                       attempt.corrected_text, attempt.audio_path)


class HistoryLink(QObject):
    problem = Signal(object)  # InterviewerError, emitted once
    session_started = Signal(int)
    attempt_saved = Signal(int)  # the new attempt's id, once it is committed

    def __init__(self, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self._store: HistoryStore | None = None
        self._broken = False
        self._session: int | None = None  # read and written on the history lane only
        self.saved: list[int] = []

    def _with_store(self, fn: Callable[[HistoryStore], T]) -> Callable[[], T]:
        def run() -> T:
            if self._store is None:
                self._store = HistoryStore()
            return fn(self._store)
        return run

    def _run(self, fn: Callable[[HistoryStore], T],
             on_done: Callable[[T | None], None] | None = None) -> None:
        if self._broken:
            if on_done is not None:
                on_done(None)
            return
        self.jobs.run(self._with_store(fn), lane=HISTORY_LANE,
                      on_done=on_done, on_error=lambda e: self._fail(e, on_done))

    def _fail(self, error: InterviewerError, on_done: Callable[[None], None] | None) -> None:
        if not self._broken:
            self._broken = True
            self.problem.emit(InterviewerError(f"history is not saved: {error.message}",
                                               error.hint))
        if on_done is not None:
            on_done(None)

    def start_session(self, bank_id: str, mode: str) -> None:
        """Open a session; attempts saved after this call belong to it.

        The id is kept on the history lane itself, so an answer given before the GUI
        hears back about the session is still saved in it (the lane runs in order).
        """
        def start(store: HistoryStore) -> int:
            self._session = store.start_session(bank_id, mode)
            return self._session

        def started(session_id: int | None) -> None:
            if session_id is not None:
                self.session_started.emit(session_id)

        self._run(start, started)

    def save_attempt(self, attempt: Attempt) -> None:
        """Store one attempt with its correction; a follow-up is linked to its first
        answer, whose id the lane set when it saved it. Once history has refused a save,
        each answer is kept in a sidecar the next start offers back."""
        if attempt.feedback is None:
            return
        if self._broken:
            self.jobs.run(lambda: keep_unsaved(attempt), lane=HISTORY_LANE,
                          on_error=self.problem.emit)
            return

        def save(store: HistoryStore) -> int | None:
            if self._session is None:
                return None
            return save_attempt(store, self._session, attempt)

        def done(row: int | None) -> None:
            if row is not None:
                self.saved.append(row)
                self.attempt_saved.emit(row)

        self._run(save, done)

    def record_review(self, question_id: str, coverage: float, rating: int | None,
                      now: datetime) -> None:
        """Move the question's review (the flow calls this once per question)."""
        self._run(lambda store: store.record_review(question_id, coverage, rating, now=now))

    def finish_session(self) -> None:
        """Close the session the last `start_session` opened (on the lane, in order)."""
        def finish(store: HistoryStore) -> None:
            if self._session is not None:
                store.finish_session(self._session)

        self._run(finish)

    def due_questions(self, bank_id: str, on_done: Callable[[list[str] | None], None]) -> None:
        self._run(lambda store: store.due_questions(bank_id), on_done)

    def review_states(self, bank_id: str,
                      on_done: Callable[[list[ReviewState] | None], None]) -> None:
        """The bank's review schedule, for what is due and when."""
        self._run(lambda store: store.review_states(bank_id), on_done)

    def orphans(self, library: Library,
                on_done: Callable[[list[Orphan] | None], None]) -> None:
        """Recordings a crash left without an attempt (newest first)."""
        self._run(lambda store: find_orphans(store, library), on_done)

    def write_report(self, session_id: int, target: Path, on_done: Callable[[Path], None],
                     on_error: Callable[[InterviewerError], None]) -> None:
        """Write a session's report (HTML, PDF or Markdown by suffix) in the background.

        A failed report (a full disk, a bad folder) is reported by itself; history
        still works, so it does not go through `_fail`.
        """
        def write(store: HistoryStore) -> Path:
            return write_report(build_report(store, session_id), target)

        self.jobs.run(self._with_store(write), lane=HISTORY_LANE, on_done=on_done,
                      on_error=on_error)
