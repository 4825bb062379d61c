"""How long an answer should run, by question kind, and what to say about its length.

The question screen's timer and the result's length line read the same target: the
question's own `target_seconds` from its bank, else the default for its kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewer.banks import Question

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback

# (shortest, longest) seconds a good spoken answer usually takes, by question kind.
DEFAULT_TARGETS: dict[str, tuple[int, int]] = {
    "behavioral": (60, 120),
    "situational": (60, 120),
    "experience": (45, 120),
    "technical": (30, 90),
    "opening": (30, 90),
    "closing": (20, 60),
}
FALLBACK_TARGET = (30, 90)
TOO_SHORT = "too short"
RAN_LONG = "ran long"


def length_target(question: Question) -> tuple[int, int]:
    override = getattr(question, "target_seconds", None)
    return override or DEFAULT_TARGETS.get(question.category, FALLBACK_TARGET)


def verdict(seconds: float, target: tuple[int, int]) -> str | None:
    """"too short" below the target, "ran long" past it, None within it."""
    low, high = target
    if seconds < low:
        return TOO_SHORT
    if seconds > high:
        return RAN_LONG
    return None


def answer_seconds(feedback: Feedback | None) -> float | None:
    """The answer's length as the scorer measured it (estimated for a typed answer)."""
    structure = getattr(feedback, "structure", None)
    seconds = getattr(structure, "length_seconds", None)
    return float(seconds) if isinstance(seconds, int | float) and seconds > 0 else None


def length_line(question: Question, feedback: Feedback | None) -> str | None:
    """"Length 45 s against a target of 60-120 s: too short", or None when unmeasured."""
    seconds = answer_seconds(feedback)
    if seconds is None:
        return None
    target = length_target(question)
    said = verdict(seconds, target)
    return (f"Length {seconds:.0f} s against a target of {target[0]}-{target[1]} s"
            + (f": {said}" if said else ""))
