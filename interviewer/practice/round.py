"""A run through a list of questions, keeping every attempt at each."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.banks import Question
from interviewer.practice.attempt import Attempt


@dataclass
class Round:
    """The questions of one round, where it stands, and every attempt made."""

    mode: str  # "practice", "review" or "mock"
    questions: list[Question]
    index: int = 0
    attempts: dict[str, list[Attempt]] = field(default_factory=dict)

    @property
    def current(self) -> Question:
        return self.questions[self.index]

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.questions) - 1

    def advance(self) -> bool:
        """Move to the next question; False when the round is over."""
        if self.is_last:
            return False
        self.index += 1
        return True

    def add_attempt(self, attempt: Attempt) -> int:
        """Keep an attempt at the current question; returns its number (1-based)."""
        kept = self.attempts.setdefault(self.current.id, [])
        kept.append(attempt)
        return len(kept)

    def attempts_for(self, question_id: str) -> list[Attempt]:
        return self.attempts.get(question_id, [])

    def main_attempts(self, question_id: str) -> list[Attempt]:
        """The answers to the question itself, not to a follow-up."""
        return [a for a in self.attempts_for(question_id) if a.follow_up is None]

    def progress(self) -> str:
        return f"Question {self.index + 1} of {len(self.questions)}"

    def groups(self) -> list[list[Attempt]]:
        """Every question's attempts, in the order asked (empty lists for unanswered ones)."""
        return [self.attempts_for(q.id) for q in self.questions]
