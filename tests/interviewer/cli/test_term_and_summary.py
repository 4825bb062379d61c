"""Terminal colour rules and the end-of-interview summary."""

from __future__ import annotations

import os

import pytest

from interviewer.cli.term import Style, bar, clock, wants_colour
from interviewer.practice.mock_summary import AnswerScore, summarise, trend


def test_colour_only_at_a_terminal_and_never_with_no_color(monkeypatch) -> None:
    leader, follower = os.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as tty:
            monkeypatch.delenv("NO_COLOR", raising=False)
            assert wants_colour(tty)
            monkeypatch.setenv("NO_COLOR", "1")
            assert not wants_colour(tty)
            monkeypatch.setenv("NO_COLOR", "")
            assert wants_colour(tty)
    finally:
        os.close(leader)
        os.close(follower)
    with open(os.devnull, "w") as pipe_like:
        assert not wants_colour(pipe_like)


def test_style_bar_and_clock() -> None:
    assert Style(False)("hit", "green") == "hit"
    assert Style(True)("hit", "green", "bold") == "\033[32;1mhit\033[0m"
    assert bar(0.5, width=10) == "[#####.....]"
    assert bar(2.0, width=4) == "[####]" and bar(-1, width=4) == "[....]"
    assert clock(65) == "1:05" and clock(-3) == "0:00"


def score(n: int, coverage: float, wpm: float | None = 130.0, fillers: int = 0,
          followed_up: bool = False) -> AnswerScore:
    return AnswerScore(f"b/q{n}", f"Question {n}?", coverage, wpm, fillers, followed_up)


def test_summary_names_strongest_weakest_and_trends() -> None:
    summary = summarise([score(1, 0.4, 120, 4), score(2, 0.9, 135, 2, True),
                         score(3, 0.2, 150, 1), score(4, 0.6, 160, 0)])
    assert summary.overall == pytest.approx(0.525)
    assert summary.strongest.question_id == "b/q2"
    assert summary.weakest.question_id == "b/q3"
    assert summary.pace_trend == "rising" and summary.filler_trend == "falling"
    assert summary.follow_ups == 1


def test_typed_answers_have_no_pace_trend_and_empty_is_an_error() -> None:
    summary = summarise([score(1, 0.5, None), score(2, 0.7, None)])
    assert summary.pace == [] and summary.pace_trend == "steady"
    with pytest.raises(ValueError):
        summarise([])
    assert trend([100, 104], tolerance=10) == "steady"
