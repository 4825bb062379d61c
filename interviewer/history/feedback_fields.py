"""Read the few numbers history indexes out of a Feedback, whichever shape it comes in.

`add_attempt` takes an `interviewer.analysis.Feedback` or the dict its `to_dict()`
makes; these helpers turn either into the JSON stored and the columns charted.
"""

from __future__ import annotations

import math
from typing import Any


def as_dict(feedback: object) -> dict[str, Any]:
    """The JSON-ready form of a feedback object or dict; None becomes {}."""
    if feedback is None:
        return {}
    if isinstance(feedback, dict):
        return feedback
    to_dict = getattr(feedback, "to_dict", None)
    if callable(to_dict):
        data: dict[str, Any] = to_dict()  # Feedback.to_dict, or a stand-in's
        return data
    raise TypeError(f"feedback must be a Feedback or a dict, not {type(feedback).__name__}")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def coverage(feedback: object, data: dict[str, Any]) -> float:
    """Share of key points covered, 0..1 (0 when the feedback has none), to three places
    as the saved feedback has it."""
    value = _number(getattr(feedback, "coverage", None))
    if value is None:
        value = _number(data.get("coverage"))
    return round(min(max(value or 0.0, 0.0), 1.0), 3)


def wpm(data: dict[str, Any]) -> float | None:
    """Speaking pace from the delivery section; None for typed answers."""
    delivery = data.get("delivery")
    if not isinstance(delivery, dict):
        return None
    return _number(delivery.get("wpm"))
