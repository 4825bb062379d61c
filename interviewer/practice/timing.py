"""How long an answer should take and may take, the same in the app and the terminal."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.analysis.structure import LENGTH_TARGETS
from interviewer.banks import Question
from interviewer.settings import Settings


@dataclass(frozen=True)
class AnswerTimes:
    target_s: float  # the clock turns amber past it
    limit_s: float  # listening stops here


def answer_times(question: Question, settings: Settings,
                 limit_override: float | None = None) -> AnswerTimes:
    """The saved target and limit; a story question aims for the top of the length the
    feedback asks of it (analysis LENGTH_TARGETS), so the clock and the feedback agree."""
    target = float(settings.target_s)
    story = LENGTH_TARGETS.get(question.category)
    if story is not None:
        target = float(max(target, story[1]))
    limit = float(limit_override) if limit_override else float(settings.time_limit_s)
    return AnswerTimes(target, max(limit, 1.0))
