"""Coaching lines that say what to add: one per missed key point, from the point's kind
and the probe an interviewer would ask for it, not only "Missed: Found the cause"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewer.banks import Question
from interviewer.banks.model import KeyPoint

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback

# What to say, by the kind of idea that was missing.
_ADVICE = {
    "cause": "Say what was behind it and how you found out",
    "result": "End on how it turned out, with a figure if you have one",
    "learning": "Close with what you took from it or would do differently",
    "scale": "Give the size early: how many accounts, how much money, how long",
}


def coaching_line(point: KeyPoint) -> str:
    """"Say what was behind it and how you found out (found out why they weren't
    paying); otherwise expect: “How did you find out why they weren't paying?”"."""
    kind = point.point_kind
    label = point.label[:1].lower() + point.label[1:]
    said = f"{_ADVICE[kind]} ({label})" if kind in _ADVICE else f"Add: {point.label}"
    return f"{said}; otherwise expect: “{point.probe_lines[0]}”"


def coaching_lines(question: Question, feedback: Feedback | None) -> list[str]:
    """One line per key point the feedback marks missed, in the bank's order."""
    missed = {p.label for p in getattr(feedback, "key_points", []) if not p.covered}
    return [coaching_line(k) for k in question.key_points if k.label in missed]
