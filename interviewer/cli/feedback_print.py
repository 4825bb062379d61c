"""Feedback on one answer as terminal lines: coverage and missed points, delivery, STAR."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from interviewer.cli.term import Style, bar

if TYPE_CHECKING:
    from interviewer.analysis import Feedback

STAR_PARTS = ("situation", "task", "action", "result")
STAR_CATEGORIES = ("behavioral", "situational")  # where a story, and so STAR, is expected
_WIDTH = 78


def _wrapped(label: str, text: str) -> list[str]:
    lines = textwrap.wrap(text, _WIDTH - 4) or ["(nothing heard)"]
    return [label] + [f"    {line}" for line in lines]


def _hanging(first: str, text: str, indent: int = 12) -> list[str]:
    """`first` then text wrapped to the width, later lines indented under the text."""
    lines = textwrap.wrap(text, _WIDTH - indent) or [""]
    return [first + lines[0]] + [" " * indent + line for line in lines[1:]]


def grade_colour(coverage: float) -> str:
    return "green" if coverage >= 0.7 else "yellow" if coverage >= 0.4 else "red"


def coverage_lines(feedback: Feedback, style: Style) -> list[str]:
    hit = [p for p in feedback.key_points if p.covered]
    colour = grade_colour(feedback.coverage)
    lines = [f"  Coverage  {style(f'{feedback.coverage:4.0%}', 'bold', colour)} "
             f"{bar(feedback.coverage)} {len(hit)} of {len(feedback.key_points)} key points"]
    for point in feedback.key_points:
        if point.covered:
            said = f" ({', '.join(point.matched)})" if point.matched else ""
            lines.append(f"    {style('+ hit   ', 'green')} {point.label}{style(said, 'dim')}")
        else:
            lines.append(f"    {style('- missed', 'red')} {point.label}")
    return lines


def delivery_lines(feedback: Feedback, style: Style) -> list[str]:
    delivery = feedback.delivery
    if delivery is None:
        return [f"  Delivery  {style('no timings (typed answer)', 'dim')}"]
    pace = style(delivery.pace, "green" if delivery.pace == "ok" else "yellow")
    fillers = delivery.filler_counts
    filler_text = (", ".join(f"{word} x{n}" for word, n in sorted(fillers.items()))
                   if fillers else "none")
    lines = [f"  Delivery  {delivery.wpm:.0f} words/min ({pace}), {delivery.duration:.0f} s, "
             f"fillers: {filler_text}, pauses over 2 s: {len(delivery.pauses)}"
             + (f", hesitations: {delivery.hesitations}"
                if delivery.hesitations is not None else "")]
    if delivery.repeats:
        lines.append(f"            repeated: {', '.join(delivery.repeats)}")
    for note in delivery.notes:
        lines += _hanging(" " * 12, note)
    return lines


def structure_lines(feedback: Feedback, style: Style, category: str | None = None) -> list[str]:
    """Figures always; the STAR checklist only where the question asks for a story."""
    figures = ", ".join(feedback.structure.quantities)
    lines = _hanging("  Figures   ", figures) if figures else [
        f"  Figures   {style('none', 'yellow')}"]
    if category is None or category in STAR_CATEGORIES:
        found = set(feedback.structure.star_found)
        parts = " ".join(style(f"+{p}", "green") if p in found else style(f"-{p}", "red")
                         for p in STAR_PARTS)
        lines.insert(0, f"  STAR      {parts}")
    return lines


def feedback_lines(feedback: Feedback, style: Style, category: str | None = None,
                   said: str | None = None) -> list[str]:
    """Everything the candidate needs after one answer, in the order they read it.

    `said` replaces the transcript shown (a follow-up shows only what it added).
    """
    lines = _wrapped(style("  You said:", "bold"), feedback.transcript if said is None else said)
    lines += coverage_lines(feedback, style)
    lines += delivery_lines(feedback, style)
    lines += structure_lines(feedback, style, category)
    for note in other_observations(feedback):
        lines += _hanging(f"  {style('note', 'yellow')}      ", note)
    return lines


def other_observations(feedback: Feedback) -> list[str]:
    """The observations the lines above do not already say (STAR gaps, length, red flags)."""
    from interviewer.analysis.observations import coverage_notes, delivery_notes

    shown = set(coverage_notes(feedback.key_points)) | set(delivery_notes(feedback.delivery))
    return [note for note in feedback.observations if note not in shown]
