"""Words for the numbers: the feedback panel's lines, built from an analysis Feedback."""

from __future__ import annotations

from typing import Any

STAR_NAMES = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}


def coverage_line(feedback: Any) -> str:
    hit = sum(1 for p in feedback.key_points if p.covered)
    return f"Coverage: {feedback.coverage:.0%} ({hit} of {len(feedback.key_points)} key points)"


def delivery_lines(feedback: Any) -> list[str]:
    d = feedback.delivery
    if d is None:
        return ["Delivery: no timings for a typed answer."]
    lines = [f"Pace: {d.wpm:.0f} words per minute ({d.pace}), {d.word_count} words"
             f" in {d.duration:.0f} s"]
    counts = d.filler_counts
    if counts:
        listed = ", ".join(f"“{w}” ×{n}" for w, n in sorted(counts.items(), key=lambda x: -x[1]))
        lines.append(f"Fillers: {sum(counts.values())} ({listed})")
    else:
        lines.append("Fillers: none")
    if d.pauses:
        longest = max(length for _, length in d.pauses)
        lines.append(f"Pauses over 2 s: {len(d.pauses)} (longest {longest:.1f} s)")
    else:
        lines.append("Pauses over 2 s: none")
    if d.hesitations is not None:
        lines.append(f"Hesitations (sounds that were not words): {d.hesitations}")
    if d.repeats:
        lines.append("Repeated: " + ", ".join(d.repeats))
    lines += list(d.notes)
    return lines


def star_lines(feedback: Any) -> list[str]:
    """One line per STAR part: ticked with its sentence, or crossed."""
    lines = []
    for part in feedback.structure.star:
        name = STAR_NAMES.get(part.part.lower(), part.part)
        if part.sentence:
            lines.append(f"✔ {name}: “{_short(part.sentence)}”")
        else:
            lines.append(f"✘ {name}: not found")
    return lines


def structure_lines(feedback: Any) -> list[str]:
    s = feedback.structure
    lines = []
    if s.quantities:
        lines.append("Figures you gave: " + ", ".join(s.quantities))
    else:
        lines.append("Figures you gave: none; a number makes a result believable")
    if s.length_target:
        low, high = s.length_target
        approx = " (estimated)" if s.length_estimated else ""
        lines.append(f"Length: {s.length_seconds:.0f} s{approx}; aim for {low}-{high} s")
    lines += [f"⚠ {flag}" for flag in s.red_flags]
    return lines


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
