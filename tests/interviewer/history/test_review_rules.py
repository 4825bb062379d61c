"""The review rules in one place: the weakest answer of a round moves the question."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from interviewer.history import review


def test_a_weak_retry_after_a_good_first_try_makes_the_question_due_now() -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    value = review.round_coverage([0.9, 0.0])
    state = review.review(None, "bank/q", value, now)
    assert state.box == 1 and state.due_at <= now
    assert review.is_weak(value)


def test_good_answers_put_the_question_off() -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    state = review.review(None, "bank/q", review.round_coverage([0.8, 0.95]), now)
    assert state.box == 2 and not state.due_at <= now
    with pytest.raises(ValueError):
        review.round_coverage([])


def test_the_rules_in_words_use_the_schedule_numbers() -> None:
    words = review.rules_in_words()
    assert "less than 45%" in words and "75% or more" in words and "3, 7, 14, 30 days" in words
