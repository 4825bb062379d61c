"""Leitner review: weak questions come back sooner, strong ones later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from interviewer.history import HistoryError, HistoryStore
from interviewer.history.review import outlook, score, when_due

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


def test_weak_answers_come_back_before_strong_ones(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    store.record_review("ar-collector/weak", 0.2, now=T0)
    store.record_review("ar-collector/strong", 0.9, now=T0)
    store.record_review("ar-specialist/other", 0.1, now=T0)
    # a weak answer is due again at once, to be reviewed the same day
    assert store.due_questions("ar-collector", now=T0) == ["ar-collector/weak"]
    tomorrow = T0 + timedelta(days=1)
    assert store.due_questions("ar-collector", now=tomorrow) == ["ar-collector/weak"]
    assert store.due_questions(None, now=tomorrow) == ["ar-collector/weak",
                                                       "ar-specialist/other"]
    assert store.due_questions("ar-collector", now=T0 + timedelta(days=3)) == \
        ["ar-collector/weak", "ar-collector/strong"]


def test_boxes_climb_with_good_answers_and_drop_on_a_lapse(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    now, boxes, gaps = T0, [], []
    for coverage in (0.9, 0.9, 0.9, 0.9, 0.9, 0.6, 0.1):
        state = store.record_review("b/q", coverage, now=now)
        boxes.append(state.box)
        gaps.append((state.due_at - now).days)
        now = state.due_at
    assert boxes == [2, 3, 4, 5, 5, 5, 1]
    assert gaps == [3, 7, 14, 30, 30, 30, 0]  # the lapse is due at once
    final = store.review_state("b/q")
    assert (final.review_count, final.lapses) == (7, 1)


def test_self_rating_moves_the_schedule(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    # Every key word said, but the candidate knows it went badly: not promoted.
    assert store.record_review("b/q1", 0.9, self_rating=1, now=T0).box == 1
    assert store.record_review("b/q2", 0.9, self_rating=5, now=T0).box == 2
    assert score(0.5, 3) == pytest.approx(0.5)
    with pytest.raises(HistoryError, match="1 to 5"):
        store.record_review("b/q3", 0.5, self_rating=9)
    assert store.review_state("b/q3") is None


def test_the_outlook_says_what_is_due_and_when_the_next_come(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    store.record_review("b/weak", 0.0, now=T0)
    store.record_review("b/middling", 0.6, now=T0)  # box 1: tomorrow
    store.record_review("b/fair", 0.5, now=T0 + timedelta(hours=2))  # also tomorrow
    store.record_review("b/strong", 0.9, now=T0)  # box 2: in three days
    seen = outlook(store.review_states("b"), T0 + timedelta(hours=3))
    assert seen.due == ("b/weak",)
    assert (seen.next_at, seen.next_count) == (T0 + timedelta(days=1), 2)
    assert when_due(seen.next_at, T0 + timedelta(hours=3)) == "tomorrow"
    assert when_due(T0 + timedelta(days=3), T0) == "in 3 days"
    assert when_due(T0 + timedelta(hours=1), T0) == "later today"
    assert when_due(T0, T0) == "now"
    assert outlook([], T0).next_at is None
