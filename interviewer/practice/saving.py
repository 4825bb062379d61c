"""The flow's history on one thread: a HistoryStore the terminal opened itself.

The app does the same on its history lane (ui/history_link.py); both save an attempt
with its correction and link a follow-up to the answer it completes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from interviewer.errors import InterviewerError
from interviewer.history import HistoryStore, ReviewState
from interviewer.practice.attempt import Attempt
from interviewer.practice.exchange import exchange_record

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback


def save_attempt(store: HistoryStore, session_id: int, attempt: Attempt) -> int:
    """Store one attempt; its id is kept on it so a follow-up can point at it."""
    first = attempt.first.history_id if attempt.first is not None else None
    feedback: Feedback | dict[str, object] | None = attempt.feedback
    if attempt.feedback is not None and attempt.follow_up is not None:
        feedback = {**attempt.feedback.to_dict(), "exchange": exchange_record(
            attempt.follow_up, attempt.root.feedback, attempt.feedback)}
    row = store.add_attempt(session_id, attempt.question, attempt.transcript, feedback,
                            corrected_text=attempt.corrected_text,
                            audio_path=attempt.audio_path, followup_of=first)
    attempt.history_id = row
    return row


class StoreOnThisThread:
    """RoundStore over an open HistoryStore; `reviewed` hears each new review state."""

    def __init__(self, store: HistoryStore,
                 reviewed: Callable[[ReviewState, int | None], None] | None = None) -> None:
        self.store = store
        self.reviewed = reviewed
        self.session_id: int | None = None
        self.saved: list[Attempt] = []

    def start_session(self, bank_id: str, mode: str) -> None:
        self.session_id = self.store.start_session(bank_id, mode)

    def save_attempt(self, attempt: Attempt) -> None:
        if self.session_id is not None:
            save_attempt(self.store, self.session_id, attempt)
            self.saved.append(attempt)

    def record_review(self, question_id: str, coverage: float, rating: int | None,
                      now: datetime) -> None:
        state = self.store.record_review(question_id, coverage, rating, now=now)
        if self.reviewed is not None:
            self.reviewed(state, rating)

    def finish_session(self) -> None:
        if self.session_id is not None:
            with contextlib.suppress(InterviewerError):  # a failed save has said why already
                self.store.finish_session(self.session_id)
