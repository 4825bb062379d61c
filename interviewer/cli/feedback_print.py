"""Feedback on one answer as terminal lines: interviewer.feedback_sections, in colour."""

from __future__ import annotations

import textwrap

from interviewer.analysis.feedback import Feedback
from interviewer.cli.term import Style, bar
from interviewer.feedback_sections import FeedbackSections, grade, present

_WIDTH = 78
_INDENT = 12


def _wrapped(label: str, text: str) -> list[str]:
    lines = textwrap.wrap(text, _WIDTH - 4) or ["(nothing heard)"]
    return [label] + [f"    {line}" for line in lines]


def _hanging(first: str, text: str, indent: int = _INDENT) -> list[str]:
    """`first` then text wrapped to the width, later lines indented under the text."""
    lines = textwrap.wrap(text, _WIDTH - indent) or [""]
    return [first + lines[0]] + [" " * indent + line for line in lines[1:]]


COLOURS = {"good": "green", "fair": "yellow", "weak": "red"}


def grade_colour(coverage: float) -> str:
    return COLOURS[grade(coverage)]


def coverage_lines(sections: FeedbackSections, style: Style) -> list[str]:
    colour = grade_colour(sections.coverage)
    lines = [f"  Coverage  {style(f'{sections.coverage:4.0%}', 'bold', colour)} "
             f"{bar(sections.coverage)} {len(sections.covered)} of {len(sections.points)} "
             "key points"]
    for point in sections.points:
        if point.covered:
            said = f" ({', '.join(point.said)})" if point.said else ""
            lines.append(f"    {style('+ hit   ', 'green')} {point.label}{style(said, 'dim')}")
        else:
            lines.append(f"    {style('- missed', 'red')} {point.label}")
    return lines


def delivery_lines(sections: FeedbackSections, style: Style) -> list[str]:
    if not sections.delivery:
        return [f"  Delivery  {style('no timings (typed answer)', 'dim')}"]
    lines = _hanging("  Delivery  ", sections.delivery[0])
    for line in sections.delivery[1:]:
        lines += _hanging(" " * _INDENT, line)
    return lines


def structure_lines(sections: FeedbackSections, style: Style) -> list[str]:
    """Figures and length always; the STAR checklist where the question asks for a story."""
    lines = []
    if sections.star_expected:
        parts = " ".join(style(f"+{p.part}", "green") if p.sentence
                         else style(f"-{p.part}", "red") for p in sections.star)
        lines.append(f"  STAR      {parts}")
    first = "  Content   "
    for line in sections.content:
        lines += _hanging(first, line)
        first = " " * _INDENT
    return lines


def feedback_lines(feedback: Feedback, style: Style, category: str | None = None,
                   said: str | None = None) -> list[str]:
    """Everything the candidate needs after one answer, in the order they read it.

    `said` replaces the transcript shown (a follow-up shows only what it added).
    """
    sections = present(feedback, category)
    lines = _wrapped(style("  You said:", "bold"), feedback.transcript if said is None else said)
    lines += coverage_lines(sections, style)
    lines += delivery_lines(sections, style)
    lines += structure_lines(sections, style)
    for note in sections.notes:
        lines += _hanging(f"  {style('note', 'yellow')}      ", note)
    return lines
