"""A saved answer's feedback as the short lines a report (or the history pane) prints.

History keeps `Feedback.to_dict()`; `AttemptRecord.scored` reads it back typed, and
the words come from interviewer.feedback_sections like everywhere else. An attempt
saved without feedback gives empty sections.
"""

from __future__ import annotations

from interviewer.analysis.feedback import Feedback
from interviewer.feedback_sections import present


def key_points(feedback: Feedback | None) -> tuple[list[str], list[str]]:
    """(covered labels, missed labels)."""
    if feedback is None:
        return [], []
    sections = present(feedback)
    return sections.covered, sections.missed


def covered_with_evidence(feedback: Feedback | None) -> list[str]:
    """Each covered point with the answer's words that earned it, so a reader sees why:
    'Measurable result: “fell from 90,000 to 15,000”'."""
    if feedback is None:
        return []
    return [p.label + (": " + ", ".join(f"“{e.text}”" for e in p.evidence) if p.evidence
                       else "")
            for p in feedback.key_points if p.covered]


def delivery_lines(feedback: Feedback | None) -> list[str]:
    """Pace, fillers and pauses; empty for a typed answer."""
    return present(feedback).delivery if feedback is not None else []


def star_parts(feedback: Feedback | None) -> list[tuple[str, str | None]]:
    """Each STAR part with the sentence that shows it, None where it is missing."""
    if feedback is None:
        return []
    return [(line.name, line.sentence) for line in present(feedback).star]


def notes(feedback: Feedback | None) -> list[str]:
    """Observations and red flags, as the analysis phrased them, each once."""
    return present(feedback).all_notes if feedback is not None else []
