"""Feedback on one answer in words, once: the app, the terminal and the reports style these.

Qt-free and format-free: each front end decides colours, ticks and layout, none
decides what is said. Saved feedback comes back through `Feedback.from_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.analysis.feedback import Delivery, Feedback, Structure
from interviewer.analysis.observations import STAR_CATEGORIES, coverage_notes, delivery_notes
from interviewer.history.review import KEEP_AT, PROMOTE_AT

STAR_NAMES = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}
GOOD_AT, FAIR_AT = PROMOTE_AT, KEEP_AT  # green moves a question up a box, red sends it back


def grade(coverage: float) -> str:
    """'good' from 75 %, 'fair' from 45 %, 'weak' below: each front end picks the colour."""
    return "good" if coverage >= GOOD_AT else "fair" if coverage >= FAIR_AT else "weak"


@dataclass(frozen=True)
class PointLine:
    label: str
    covered: bool
    said: tuple[str, ...]  # the words of the answer that hit it


@dataclass(frozen=True)
class StarLine:
    part: str  # "situation", "task", ...
    sentence: str | None  # None when the answer has none

    @property
    def name(self) -> str:
        return STAR_NAMES.get(self.part.lower(), self.part.capitalize())


@dataclass(frozen=True)
class FeedbackSections:
    coverage: float
    headline: str  # "73% (3 of 4 key points)"
    points: list[PointLine]
    delivery: list[str]  # pace first; empty for a typed answer (no timings)
    star: list[StarLine]
    star_expected: bool  # the question asks for a story (analysis STAR_CATEGORIES)
    content: list[str]  # figures given, length against the target
    red_flags: list[str]
    notes: list[str]  # observations the sections above do not already say
    all_notes: list[str]  # every observation and red flag, once (for reports)

    @property
    def covered(self) -> list[str]:
        return [p.label for p in self.points if p.covered]

    @property
    def missed(self) -> list[str]:
        return [p.label for p in self.points if not p.covered]


def present(feedback: Feedback, category: str | None = None) -> FeedbackSections:
    """The sections of feedback on one answer; `category` None shows STAR as expected."""
    hit = sum(1 for p in feedback.key_points if p.covered)
    shown = set(coverage_notes(feedback.key_points)) | set(delivery_notes(feedback.delivery))
    structure = feedback.structure
    return FeedbackSections(
        coverage=feedback.coverage,
        headline=f"{feedback.coverage:.0%} ({hit} of {len(feedback.key_points)} key points)",
        points=[PointLine(p.label, p.covered, tuple(p.matched)) for p in feedback.key_points],
        delivery=delivery_lines(feedback.delivery),
        star=[StarLine(p.part, p.sentence) for p in structure.star],
        star_expected=category is None or category in STAR_CATEGORIES,
        content=content_lines(structure),
        red_flags=list(structure.red_flags),
        notes=[n for n in feedback.observations if n not in shown],
        all_notes=list(dict.fromkeys([*feedback.observations, *structure.red_flags])),
    )


def delivery_lines(delivery: Delivery | None) -> list[str]:
    """Pace, fillers, pauses, hesitations and repeats, as sentences."""
    if delivery is None:
        return []
    lines = [f"Pace: {delivery.wpm:.0f} words per minute ({delivery.pace}), "
             f"{delivery.word_count} words in {delivery.duration:.0f} s"]
    counts = delivery.filler_counts
    if counts:
        listed = ", ".join(f"“{w}” ×{n}" for w, n in sorted(counts.items(),
                                                          key=lambda x: (-x[1], x[0])))
        lines.append(f"Fillers: {sum(counts.values())} ({listed})")
    else:
        lines.append("Fillers: none")
    if delivery.pauses:
        longest = max(length for _, length in delivery.pauses)
        lines.append(f"Pauses over 2 s: {len(delivery.pauses)} (longest {longest:.1f} s)")
    else:
        lines.append("Pauses over 2 s: none")
    if delivery.hesitations is not None:
        lines.append(f"Hesitations (sounds that were not words): {delivery.hesitations}")
    if delivery.repeats:
        lines.append("Repeated: " + ", ".join(delivery.repeats))
    return lines + list(delivery.notes)


def content_lines(structure: Structure) -> list[str]:
    lines = [("Figures you gave: " + ", ".join(structure.quantities)) if structure.quantities
             else "Figures you gave: none; a number makes a result believable"]
    if structure.length_target:
        low, high = structure.length_target
        approx = " (estimated)" if structure.length_estimated else ""
        lines.append(f"Length: {structure.length_seconds:.0f} s{approx}; aim for {low}-{high} s")
    return lines
