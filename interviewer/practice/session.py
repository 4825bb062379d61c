"""Which questions a round asks, and in what order: practice, mock interview or review.

Qt-free, so the desktop app and the terminal mode build rounds the same way.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from interviewer.banks import Question
from interviewer.banks.model import CATEGORIES, DIFFICULTIES
from interviewer.errors import InterviewerError


@dataclass(frozen=True)
class Filters:
    """Empty tuples mean "any"."""

    difficulties: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def accepts(self, question: Question) -> bool:
        return ((not self.difficulties or question.difficulty in self.difficulties)
                and (not self.categories or question.category in self.categories))

    def describe(self) -> str:
        parts = [", ".join(self.difficulties) or "any difficulty",
                 ", ".join(self.categories) or "any category"]
        return "; ".join(parts)


def check_filters(filters: Filters) -> None:
    """Reject names that are not difficulties or categories, naming the allowed ones."""
    for name in filters.difficulties:
        if name not in DIFFICULTIES:
            raise InterviewerError(f"unknown difficulty '{name}'",
                                   f"use one of: {', '.join(DIFFICULTIES)}")
    for name in filters.categories:
        if name not in CATEGORIES:
            raise InterviewerError(f"unknown category '{name}'",
                                   f"use one of: {', '.join(CATEGORIES)}")


def select(questions: Iterable[Question], filters: Filters) -> list[Question]:
    check_filters(filters)
    return [q for q in questions if filters.accepts(q)]


def practice_order(questions: Sequence[Question], filters: Filters = Filters(),
                   shuffle: bool = False, seed: int | None = None) -> list[Question]:
    """Bank order, or shuffled; an empty result is an error the user can fix."""
    chosen = select(questions, filters)
    if not chosen:
        raise InterviewerError(f"no question matches the filters ({filters.describe()})",
                               "choose another difficulty or category")
    if shuffle:
        random.Random(seed).shuffle(chosen)
    return chosen


def review_order(questions: Sequence[Question], due_ids: Sequence[str],
                 filters: Filters = Filters()) -> list[Question]:
    """The weak questions, most overdue first (the order `due_ids` gives)."""
    by_id = {q.id: q for q in select(questions, filters)}
    chosen = [by_id[qid] for qid in due_ids if qid in by_id]
    if not chosen and due_ids:
        count = len(due_ids)
        raise InterviewerError(
            f"{count} question{' is' if count == 1 else 's are'} due for review, but "
            f"none match the filters ({filters.describe()})",
            "untick the difficulty and category boxes to review them")
    if not chosen:
        raise InterviewerError("no question is due for review in this role",
                               "a question comes due when an answer to it is weak, or when "
                               "its wait is over (the start screen says when); practise "
                               "a few questions first, or pick practice mode")
    return chosen


def mock_order(questions: Sequence[Question], count: int, filters: Filters = Filters(),
               seed: int | None = None,
               planner: Callable[[list[Question], int, int | None], list[Question]]
               | None = None) -> list[Question]:
    """A mock interview arc from interviewer.practice.mock.plan_mock (the planner is injectable)."""
    chosen = select(questions, filters)
    if not chosen:
        raise InterviewerError(f"no question matches the filters ({filters.describe()})",
                               "choose another difficulty or category")
    if planner is None:
        from interviewer.practice.mock import plan_mock

        return plan_mock(chosen, count, seed)
    return list(planner(chosen, count, seed))
