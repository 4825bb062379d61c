"""Small wording helpers shared by the report writers, so every format says the same thing."""

from __future__ import annotations

from datetime import datetime


def percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)} %"


def when(moment: datetime) -> str:
    """Local time, to the minute: what the candidate's clock said."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def change(delta: float | None, earlier: float | None) -> str:
    """'up 20 points from 40 %' style progress, or 'first attempt'."""
    if delta is None or earlier is None:
        return "first attempt"
    points = round(delta * 100)
    if points == 0:
        return f"same as last time, {percent(earlier)}"
    direction = "up" if points > 0 else "down"
    return f"{direction} {abs(points)} points from {percent(earlier)} last time"


def wpm(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} wpm"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def clip(text: str, width: int, mark: str = "…") -> str:
    """`text` cut to `width` characters, ending in `mark` when it was cut."""
    return text if len(text) <= width else text[:width - len(mark)].rstrip() + mark
