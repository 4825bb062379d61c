"""The end of a mock interview: overall coverage, strongest and weakest answers, trends.

Qt-free so the app's summary screen and the terminal mode say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from interviewer.question_coverage import standing

if TYPE_CHECKING:
    from interviewer.banks import Question
    from interviewer.practice.attempt import Attempt


@dataclass(frozen=True)
class AnswerScore:
    """One question's final result (a follow-up's answer already folded in)."""

    question_id: str
    question_text: str
    coverage: float
    wpm: float | None = None
    fillers: int = 0
    followed_up: int = 0  # follow-ups (probes) asked about this question

    @classmethod
    def from_feedback(cls, question: Question, feedback: Any, followed_up: int = 0
                      ) -> AnswerScore:
        """`feedback` is a Feedback: callers pass an attempt's they know was scored (their
        type still says Feedback | None)."""
        delivery = getattr(feedback, "delivery", None)
        return cls(question.id, question.text, float(feedback.coverage),
                   float(delivery.wpm) if delivery else None,
                   len(delivery.fillers) if delivery else 0, followed_up)


@dataclass(frozen=True)
class Summary:
    overall: float
    strongest: AnswerScore
    weakest: AnswerScore
    pace: list[float]
    fillers: list[int]
    pace_trend: str
    filler_trend: str
    follow_ups: int


def trend(values: list[float], tolerance: float) -> str:
    """`rising`, `falling` or `steady`: the second half's mean against the first half's."""
    if len(values) < 2:
        return "steady"
    half = len(values) // 2
    first = sum(values[:half]) / half
    second = sum(values[half:]) / (len(values) - half)
    if second - first > tolerance:
        return "rising"
    if first - second > tolerance:
        return "falling"
    return "steady"


def summarise(scores: list[AnswerScore]) -> Summary:
    """Summary of a finished interview; needs at least one answered question."""
    if not scores:
        raise ValueError("no answers to summarise")
    pace = [s.wpm for s in scores if s.wpm is not None]
    fillers = [s.fillers for s in scores if s.wpm is not None]
    return Summary(
        overall=sum(s.coverage for s in scores) / len(scores),
        strongest=max(scores, key=lambda s: s.coverage),
        weakest=min(scores, key=lambda s: s.coverage),
        pace=pace,
        fillers=fillers,
        pace_trend=trend(pace, tolerance=10.0),
        filler_trend=trend([float(f) for f in fillers], tolerance=1.0),
        follow_ups=sum(s.followed_up for s in scores),
    )


def standing_attempt(attempts: Sequence[Attempt]) -> Attempt | None:
    """Of one question's attempts in a round (practice Attempts, follow-ups linked by
    `first`), the one whose score stands for the question (interviewer.question_coverage)."""
    return standing(attempts, lambda a: id(a.first) if a.first is not None else None, id,
                    lambda a: a.feedback.coverage if a.feedback is not None else None)
