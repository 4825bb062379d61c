"""History from the app: every HistoryStore call runs on one background lane.

The store is opened on that lane's thread (SQLite connections stay on the thread that
made them). If history is unavailable the round still works; the user is told once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from interviewer.errors import InterviewerError
from ui import services
from ui.attempt import Attempt
from ui.jobs import Jobs

HISTORY_LANE = "history"


def keep_unsaved(attempt: Attempt) -> Path:
    """The answer in a sidecar the next start offers back (history/unsaved.py)."""
    history = services.part("interviewer.history")
    return history.unsaved.keep_answer(
        attempt.question, attempt.transcript, history.feedback_fields.as_dict(attempt.feedback),
        attempt.corrected_text, attempt.audio_path)


class HistoryLink(QObject):
    problem = Signal(object)  # InterviewerError, emitted once
    attempt_saved = Signal(int)  # the new attempt's id, once it is committed

    def __init__(self, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self._store: Any = None
        self._broken = False
        self._session: int | None = None  # read and written on the history lane only
        self.saved: list[int] = []

    def _with_store(self, fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            if self._store is None:
                self._store = services.history_store()
            return fn(self._store)
        return run

    def _run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None
             ) -> None:
        if self._broken:
            if on_done is not None:
                on_done(None)
            return
        self.jobs.run(self._with_store(fn), lane=HISTORY_LANE,
                      on_done=on_done, on_error=lambda e: self._fail(e, on_done))

    def _fail(self, error: InterviewerError, on_done: Callable[[Any], None] | None) -> None:
        if not self._broken:
            self._broken = True
            self.problem.emit(InterviewerError(f"history is not saved: {error.message}",
                                               error.hint))
        if on_done is not None:
            on_done(None)

    def start_session(self, bank_id: str, mode: str, on_done: Callable[[Any], None]) -> None:
        """Open a session; attempts saved after this call belong to it.

        The id is kept on the history lane itself, so an answer given before the GUI
        hears back about the session is still saved in it (the lane runs in order).
        """
        def start(store: Any) -> int:
            self._session = store.start_session(bank_id, mode)
            return self._session

        self._run(start, on_done)

    def save_attempt(self, attempt: Attempt,
                     on_done: Callable[[Any], None] | None = None) -> None:
        """Store one attempt (with its correction) and note the review result.

        A follow-up is linked to its first answer, whose id the lane set when it saved it.
        """
        if attempt.feedback is None:
            if on_done is not None:
                on_done(None)
            return
        if self._broken:  # history refused an earlier save: keep this answer beside it
            self.jobs.run(keep_unsaved, attempt, lane=HISTORY_LANE,
                          on_done=lambda _path: on_done(None) if on_done else None,
                          on_error=self.problem.emit)
            return

        def save(store: Any) -> int | None:
            if self._session is None:
                return None
            first = attempt.first.history_id if attempt.first is not None else None
            row = store.add_attempt(self._session, attempt.question, attempt.transcript,
                                    attempt.feedback, corrected_text=attempt.corrected_text,
                                    audio_path=attempt.audio_path, followup_of=first)
            attempt.history_id = row
            store.record_review(attempt.question.id, attempt.feedback.coverage,
                                attempt.self_rating)
            return row

        def done(row: Any) -> None:
            if row is not None:
                self.saved.append(row)
                self.attempt_saved.emit(row)
            if on_done is not None:
                on_done(row)

        self._run(save, done)

    def finish_session(self) -> None:
        """Close the session the last `start_session` opened (on the lane, in order)."""
        def finish(store: Any) -> None:
            if self._session is not None:
                store.finish_session(self._session)

        self._run(finish)

    def due_questions(self, bank_id: str, on_done: Callable[[Any], None]) -> None:
        self._run(lambda store: store.due_questions(bank_id), on_done)

    def review_states(self, bank_id: str, on_done: Callable[[Any], None]) -> None:
        """The bank's review schedule (ReviewState list), for what is due and when."""
        self._run(lambda store: store.review_states(bank_id), on_done)

    def orphans(self, library: Any, on_done: Callable[[Any], None]) -> None:
        """Recordings a crash left without an attempt (history.Orphan list, newest first)."""
        self._run(lambda store: services.part("interviewer.history").find_orphans(
            store, library), on_done)

    def write_report(self, session_id: int, target: Path, on_done: Callable[[Any], None],
                     on_error: Callable[[InterviewerError], None]) -> None:
        """Write a session's report (HTML, PDF or Markdown by suffix) in the background.

        A failed report (a full disk, a bad folder) is reported by itself; history
        still works, so it does not go through `_fail`.
        """
        def write(store: Any) -> Any:
            reports = services.part("interviewer.reports")
            return reports.write_report(reports.build_report(store, session_id), target)

        self.jobs.run(self._with_store(write), lane=HISTORY_LANE, on_done=on_done,
                      on_error=on_error)
