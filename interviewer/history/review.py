"""Leitner boxes: weak questions come back soon, strong ones later.

A question sits in box 1..5. A good answer moves it up one box, a middling one
keeps it where it is, a weak one sends it back to box 1. Each box has an interval
that doubles-ish, so practice time goes where it is needed. A weak answer is due
again at once: the candidate can review it the same day, while it still stings.
Within one round the question is moved by its weakest answer, so a weak retry brings
it back even after a good first try. Pure functions: the store keeps the state,
these decide what changes, and `rules_in_words` explains them to the candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

BOXES = 5
INTERVAL_DAYS = {1: 1, 2: 3, 3: 7, 4: 14, 5: 30}
PROMOTE_AT = 0.75  # score at or above: the question moves up a box
KEEP_AT = 0.45  # score at or above (and below PROMOTE_AT): it stays; below: back to box 1
RATINGS = range(1, 6)


@dataclass(frozen=True)
class ReviewState:
    """Where one question stands in the schedule."""

    question_id: str
    bank_id: str
    box: int
    due_at: datetime
    last_reviewed_at: datetime
    last_score: float
    review_count: int = 1
    lapses: int = 0


def score(coverage: float, self_rating: int | None = None) -> float:
    """Blend key-point coverage with the candidate's own 1-5 rating, when given.

    Coverage alone misses delivery and confidence; the rating lets the candidate
    say "I fumbled that" even when the key words were there.
    """
    coverage = min(max(coverage, 0.0), 1.0)
    if self_rating is None:
        return coverage
    if self_rating not in RATINGS:
        raise ValueError(f"self-rating must be 1 to 5, not {self_rating}")
    return 0.5 * coverage + 0.5 * (self_rating - 1) / 4


def round_coverage(answers: Sequence[float]) -> float:
    """The coverage a question's review moves by after one round: its weakest answer.

    `answers` are the coverages of each answer to the question in the round (first try
    and retries, each with its follow-up). A weak retry means the answer is not there
    yet, however good the first try was; a good retry after a weak first try comes
    right after the feedback, so it does not count as knowing it either.
    """
    if not answers:
        raise ValueError("a question's review needs at least one answer")
    return min(answers)


def is_weak(value: float) -> bool:
    """A weak answer: its question comes due again at once."""
    return value < KEEP_AT


def rules_in_words() -> str:
    """How review schedules, for the start screen and Help (built from the numbers above)."""
    days = ", ".join(str(INTERVAL_DAYS[b]) for b in range(2, BOXES + 1))
    return (f"A question is due again at once when any answer to it in a round covers less "
            f"than {KEEP_AT:.0%} of its key points. An answer covering {PROMOTE_AT:.0%} or "
            f"more puts it off for longer each time ({days} days); one in between keeps "
            f"its current wait. Your own 1-5 rating, when you give one, counts for half.")


def next_box(box: int | None, value: float) -> int:
    """The box after a review with this score; `box` None means never reviewed."""
    current = box or 1
    if value >= PROMOTE_AT:
        return min(current + 1, BOXES) if box else 2
    if value >= KEEP_AT:
        return current
    return 1


def interval(box: int, value: float) -> timedelta:
    """How long until the next review: none after a weak answer, else the box's interval."""
    return timedelta(0) if value < KEEP_AT else timedelta(days=INTERVAL_DAYS[box])


def review(previous: ReviewState | None, question_id: str, value: float,
           now: datetime) -> ReviewState:
    """The new state of a question after one review scored `value` (0..1) at `now`."""
    box = next_box(previous.box if previous else None, value)
    lapsed = previous is not None and box < previous.box
    return ReviewState(
        question_id=question_id,
        bank_id=question_id.partition("/")[0],
        box=box,
        due_at=now + interval(box, value),
        last_reviewed_at=now,
        last_score=value,
        review_count=(previous.review_count + 1) if previous else 1,
        lapses=(previous.lapses + int(lapsed)) if previous else 0,
    )


@dataclass(frozen=True)
class Outlook:
    """What review mode would ask now, and when the next questions come due."""

    due: tuple[str, ...]
    next_at: datetime | None = None
    next_count: int = 0


def outlook(states: list[ReviewState], now: datetime) -> Outlook:
    """Split a bank's review states into due now and the next ones to come due (same day)."""
    due = tuple(s.question_id for s in sorted(states, key=lambda s: s.due_at) if s.due_at <= now)
    later = sorted(s.due_at for s in states if s.due_at > now)
    if not later:
        return Outlook(due)
    first = later[0]
    same_day = [d for d in later if d.date() == first.date()]
    return Outlook(due, first, len(same_day))


def when_due(moment: datetime, now: datetime) -> str:
    """A due time in words: "now", "later today", "tomorrow", "in 3 days"."""
    if moment <= now:
        return "now"
    days = (moment.date() - now.date()).days
    if days <= 0:
        return "later today"
    return "tomorrow" if days == 1 else f"in {days} days"
