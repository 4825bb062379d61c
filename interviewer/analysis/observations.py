"""Plain observations about an answer ("no result stated", "3 pauses over 2 s")."""

from __future__ import annotations

from interviewer.analysis.delivery import LONG_PAUSE, WPM_BAND
from interviewer.analysis.feedback import Delivery, PointResult, Structure

STAR_CATEGORIES = ("behavioral",)   # a story of what happened; situational answers are
                                    # plans, so only a missing action is noted for them


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def coverage_notes(points: list[PointResult]) -> list[str]:
    missed = [p.label for p in points if not p.covered]
    if not points:
        return []
    notes = [f"{len(points) - len(missed)} of {len(points)} key points covered"]
    if missed:
        notes.append("not mentioned: " + "; ".join(missed))
    return notes


def delivery_notes(delivery: Delivery | None) -> list[str]:
    if delivery is None:
        return []
    notes = []
    low, high = WPM_BAND
    if delivery.pace == "slow":
        notes.append(f"pace {delivery.wpm:.0f} words a minute, below {low}-{high}")
    elif delivery.pace == "fast":
        notes.append(f"pace {delivery.wpm:.0f} words a minute, above {low}-{high}")
    notes += filler_note(delivery.filler_counts)
    if delivery.pauses:
        notes.append(f"{_plural(len(delivery.pauses), 'pause')} over {LONG_PAUSE:g} s")
    if delivery.repeats:
        notes.append("repeated: " + ", ".join(f'"{r}"' for r in delivery.repeats))
    return notes + list(delivery.notes)


def structure_notes(structure: Structure, category: str) -> list[str]:
    notes = []
    for part in structure.star:
        if not part.sentence and (category in STAR_CATEGORIES or
                                  (category == "situational" and part.part == "action")):
            notes.append(f"no {part.part} stated")
    # the answer's length is judged once, against the question's target, by
    # interviewer.practice.length (a note here said another figure after a follow-up)
    return notes + list(structure.red_flags)


def filler_note(counts: dict[str, int]) -> list[str]:
    if not counts:
        return []
    listed = ", ".join(f"{w} x{n}" for w, n in counts.items())
    return [f"{_plural(sum(counts.values()), 'filler')} ({listed})"]


def build_observations(points: list[PointResult], delivery: Delivery | None,
                       structure: Structure, category: str, empty: bool,
                       typed_fillers: dict[str, int] | None = None) -> list[str]:
    """`typed_fillers`: fillers counted in an answer without timings."""
    if empty:
        return ["no answer given"]
    return [*coverage_notes(points), *delivery_notes(delivery), *filler_note(typed_fillers or {}),
            *structure_notes(structure, category)]
