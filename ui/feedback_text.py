"""The feedback panel's lines: interviewer.feedback_sections' words with the app's marks."""

from __future__ import annotations

from interviewer.analysis.feedback import Feedback
from interviewer.feedback_sections import present


def delivery_lines(feedback: Feedback) -> list[str]:
    return present(feedback).delivery or ["Delivery: no timings for a typed answer."]


def star_lines(feedback: Feedback) -> list[str]:
    """One line per STAR part: ticked with its sentence, or crossed."""
    return [f"✔ {line.name}: “{_short(line.sentence)}”" if line.sentence
            else f"✘ {line.name}: not found" for line in present(feedback).star]


def structure_lines(feedback: Feedback) -> list[str]:
    sections = present(feedback)
    return sections.content + [f"⚠ {flag}" for flag in sections.red_flags]


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
