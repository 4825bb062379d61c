"""Which questions a round asks, and in what order, decided here for both front ends.

The app's start screen and the terminal's flags only say what the candidate chose
(mode, filters, how many, shuffled or not); the round is built the same way from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.banks import Question
from interviewer.practice.round import Round
from interviewer.practice.session import Filters, mock_order, practice_order, review_order

ANY = Filters()  # every difficulty and category


def round_for(mode: str, questions: Sequence[Question], filters: Filters = ANY, *,
              count: int | None = None, shuffle: bool = False, seed: int | None = None,
              due: Sequence[str] = ()) -> Round:
    """practice: bank order (or shuffled), the first `count`; mock: an interview arc of
    `count` questions; review: the `due` ones, most overdue first. An empty choice raises
    InterviewerError saying which filter to loosen."""
    if mode == "mock":
        if count is None:
            raise ValueError("a mock interview needs its number of questions")
        chosen = mock_order(questions, count, filters, seed=seed)
    elif mode == "review":
        chosen = review_order(questions, due, filters)
    else:
        chosen = practice_order(questions, filters, shuffle, seed)[:count]
    return Round(mode, chosen)


def posting_round(questions: Sequence[Question], count: int | None = None) -> Round:
    """A job posting's mock interview: its questions in order, or a shorter one of the
    first `count` - 1 and the closing question."""
    chosen = list(questions) if count is None else [*questions[:count - 1], *questions[-1:]]
    return Round("mock", chosen)
