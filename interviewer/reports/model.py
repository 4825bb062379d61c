"""What a session report says, gathered from the history store and the banks.

Built once and rendered by the HTML, Markdown and PDF writers, so the three
formats always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from interviewer import question_coverage
from interviewer.banks import Library, Question, load_library
from interviewer.errors import BankError, InterviewerError
from interviewer.history import AttemptRecord, HistoryStore, SessionRecord
from interviewer.history.records import now_utc
from interviewer.practice.coaching import coaching_lines
from interviewer.practice.exchange import AFTER_PROBE, stored_exchange
from interviewer.practice.length import length_line
from interviewer.reports import feedback_view
from interviewer.reports import format as fmt

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback

EARLIER_SESSIONS_SHOWN = 5


@dataclass(frozen=True)
class QuestionReport:
    """One question asked: its answers (retries and follow-ups inside it), the best score,
    and how that compares with before. Counted as one question, as the summary screen does."""

    attempt: AttemptRecord  # the attempt whose score stands for the question (best)
    question_text: str
    covered: list[str]
    missed: list[str]
    delivery: list[str]
    star: list[tuple[str, str | None]]
    notes: list[str]
    tips: list[str]
    earlier: list[float]  # coverage of this question's attempts in earlier sessions
    answers: list[tuple[str, AttemptRecord]] = field(default_factory=list)  # label, attempt
    after_probe: list[str] = field(default_factory=list)  # covered only once probed
    to_add: list[str] = field(default_factory=list)  # a coaching line per missed point

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
    earlier_questions: dict[int, int] = field(default_factory=dict)  # session id: questions
    generated_at: datetime = field(default_factory=now_utc)

    def questions_in(self, earlier: SessionRecord) -> int:
        """Questions asked in an earlier session (retries and follow-ups inside them)."""
        return self.earlier_questions.get(earlier.id, earlier.attempt_count)

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


def _posting_title(bank_id: str) -> str | None:
    """A session run for a job posting is named after the job."""
    from interviewer.posting.store import job_name

    return job_name(bank_id)


def _question(library: Library | None, question_id: str) -> Question | None:
    try:
        return library.question(question_id) if library is not None else None
    except BankError:
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


def _question_report(group: list[AttemptRecord], earlier: list[AttemptRecord],
                     library: Library | None) -> QuestionReport:
    """One question from all its attempts this session, scored by the one rule of
    interviewer.question_coverage (best answer, each with its follow-ups)."""
    attempt = question_coverage.standing_record(group) or group[0]
    text, tips = _tips(library, attempt.question_id)
    data = attempt.scored
    _, missed = feedback_view.key_points(data)
    covered = feedback_view.covered_with_evidence(data)
    return QuestionReport(
        attempt=attempt, question_text=attempt.question_text or text or attempt.question_id,
        covered=covered, missed=missed, delivery=feedback_view.delivery_lines(data),
        star=feedback_view.star_parts(data),
        notes=feedback_view.notes(data) + _length(library, group, attempt), tips=tips,
        earlier=_earlier_coverage(earlier), answers=_labelled(group),
        after_probe=stored_exchange(attempt.feedback)[1],
        to_add=_to_add(library, attempt.question_id, data))


def _length(library: Library | None, group: list[AttemptRecord],
            attempt: AttemptRecord) -> list[str]:
    """The first answer's length against the question's target (probe answers aside)."""
    question = _question(library, attempt.question_id)
    first = next((a for a in group if a.followup_of is None), attempt)
    line = length_line(question, first.scored) if question else None
    return [line] if line else []


def _to_add(library: Library | None, question_id: str,
            feedback: Feedback | None) -> list[str]:
    question = _question(library, question_id)
    return coaching_lines(question, feedback) if question and feedback else []


def _earlier_coverage(earlier: list[AttemptRecord]) -> list[float]:
    """The question's coverage in each earlier session, by the same rule, oldest first."""
    sessions: dict[int, list[AttemptRecord]] = {}
    for a in earlier:
        sessions.setdefault(a.session_id, []).append(a)
    best = [question_coverage.standing_record(group) for group in sessions.values()]
    return [b.coverage for b in best if b is not None]


def _labelled(group: list[AttemptRecord]) -> list[tuple[str, AttemptRecord]]:
    """The exchange as it went: each answer, then each probe asked after it and the
    answer to that probe (a probe follows the answer or probe answer before it)."""
    main = [a for a in group if a.followup_of is None]
    out: list[tuple[str, AttemptRecord]] = []

    def follow(parent: AttemptRecord) -> None:
        for f in (f for f in group if f.followup_of == parent.id):
            probe, _ = stored_exchange(f.feedback)
            out.append((f"Follow-up: {probe}" if probe else "Your answer to the follow-up", f))
            follow(f)

    for number, a in enumerate(main, 1):
        out.append(("Your answer" if len(main) == 1 else f"Attempt {number}", a))
        follow(a)
    known = {a.id for _, a in out}
    out += [("Your answer to the follow-up", a) for a in group if a.id not in known]
    return out


def marked_covered(q: QuestionReport) -> list[str]:
    """Covered labels, each point that came only after a probe saying so."""
    def marked(line: str) -> str:   # a covered line is the label, then ": " and its evidence
        label = next((a for a in q.after_probe
                      if line == a or line.startswith(a + ": ")), None)
        return line if label is None else f"{label} ({AFTER_PROBE}){line[len(label):]}"

    return [marked(line) for line in q.covered]


def _by_question(attempts: list[AttemptRecord]) -> list[list[AttemptRecord]]:
    """Attempts grouped by question, in the order the questions were first asked."""
    groups: dict[str, list[AttemptRecord]] = {}
    for a in attempts:
        groups.setdefault(a.question_id, []).append(a)
    return list(groups.values())


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
    for group in _by_question(store.attempts(session_id=session_id)):
        earlier = [a for a in store.attempts(question_id=group[0].question_id)
                   if a.session_id < session_id]
        questions.append(_question_report(group, earlier, library))
    earlier_sessions = [s for s in store.sessions() if s.id < session_id
                        and s.bank_id == session.bank_id and s.attempt_count]
    bank_title = _posting_title(session.bank_id) or session.bank_id
    if library is not None:
        bank_title = next((b.title for b in library.banks if b.id == session.bank_id), bank_title)
    shown = earlier_sessions[-EARLIER_SESSIONS_SHOWN:]
    counts = {s.id: len(_by_question(store.attempts(session_id=s.id))) for s in shown}
    return SessionReport(session=session, bank_title=bank_title, questions=questions,
                         earlier_sessions=shown, earlier_questions=counts)
