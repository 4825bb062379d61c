"""What a session report says, gathered from the history store and the banks.

Built once and rendered by the HTML, Markdown and PDF writers, so the three
formats always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from interviewer.banks import Library, load_library
from interviewer.errors import BankError, InterviewerError
from interviewer.history import AttemptRecord, HistoryStore, SessionRecord
from interviewer.history.records import now_utc
from interviewer.reports import feedback_view
from interviewer.reports import format as fmt

EARLIER_SESSIONS_SHOWN = 5


@dataclass(frozen=True)
class QuestionReport:
    """One answered question: the answer, how it scored, and how it compares with before."""

    attempt: AttemptRecord
    question_text: str
    covered: list[str]
    missed: list[str]
    delivery: list[str]
    star: list[tuple[str, str | None]]
    notes: list[str]
    tips: list[str]
    earlier: list[float]  # coverage of this question's attempts in earlier sessions

    @property
    def heard_differs(self) -> bool:
        return self.attempt.corrected_text is not None and \
            self.attempt.corrected_text != self.attempt.transcript.text

    @property
    def change(self) -> float | None:
        """Coverage now minus the last earlier attempt's, None on a first try."""
        return self.attempt.coverage - self.earlier[-1] if self.earlier else None


@dataclass(frozen=True)
class SessionReport:
    session: SessionRecord
    bank_title: str
    questions: list[QuestionReport]
    earlier_sessions: list[SessionRecord] = field(default_factory=list)
    generated_at: datetime = field(default_factory=now_utc)

    @property
    def mean_coverage(self) -> float:
        values = [q.attempt.coverage for q in self.questions]
        return sum(values) / len(values) if values else 0.0

    @property
    def mean_wpm(self) -> float | None:
        values = [q.attempt.wpm for q in self.questions if q.attempt.wpm]
        return sum(values) / len(values) if values else None

    @property
    def summary(self) -> str:
        s = self.session
        return (f"{fmt.when(s.started_at)}, {s.mode}, "
                f"{fmt.count(len(self.questions), 'question')} answered, "
                f"mean coverage {fmt.percent(self.mean_coverage)}, pace {fmt.wpm(self.mean_wpm)}.")

    @property
    def title(self) -> str:
        return f"Practice report: {self.bank_title}, session {self.session.id}"


def _safe_library() -> Library | None:
    try:
        return load_library()
    except InterviewerError:
        return None


def _tips(library: Library | None, question_id: str) -> tuple[str, list[str]]:
    """The question's current text and tips from its bank, when the bank still has it."""
    if library is None:
        return "", []
    try:
        question = library.question(question_id)
    except BankError:
        return "", []
    return question.text, list(question.tips)


def _question_report(attempt: AttemptRecord, earlier: list[AttemptRecord],
                     library: Library | None) -> QuestionReport:
    text, tips = _tips(library, attempt.question_id)
    data = attempt.scored
    covered, missed = feedback_view.key_points(data)
    return QuestionReport(
        attempt=attempt, question_text=attempt.question_text or text or attempt.question_id,
        covered=covered, missed=missed, delivery=feedback_view.delivery_lines(data),
        star=feedback_view.star_parts(data), notes=feedback_view.notes(data), tips=tips,
        earlier=[a.coverage for a in earlier])


def build_report(store: HistoryStore, session_id: int | None = None,
                 library: Library | None = None) -> SessionReport:
    """The report of one session (the latest with answers when `session_id` is None)."""
    if session_id is None:
        session_id = store.latest_session_id()
        if session_id is None:
            raise InterviewerError("there are no practice sessions to report on yet",
                                   "practise a few questions first, then run this again")
    session = store.session(session_id)
    library = library if library is not None else _safe_library()
    questions = []
    for attempt in store.attempts(session_id=session_id):
        earlier = [a for a in store.attempts(question_id=attempt.question_id)
                   if a.session_id < session_id]
        questions.append(_question_report(attempt, earlier, library))
    earlier_sessions = [s for s in store.sessions() if s.id < session_id
                        and s.bank_id == session.bank_id and s.attempt_count]
    bank_title = session.bank_id
    if library is not None:
        bank_title = next((b.title for b in library.banks if b.id == session.bank_id), bank_title)
    return SessionReport(session=session, bank_title=bank_title, questions=questions,
                         earlier_sessions=earlier_sessions[-EARLIER_SESSIONS_SHOWN:])
