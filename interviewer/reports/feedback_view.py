"""Turn a stored feedback dict into the short lines a report prints.

The dict is `analysis.Feedback.to_dict()` as saved with the attempt. Older or partial
records lack sections; every reader here returns nothing rather than failing.
"""

from __future__ import annotations

from typing import Any

STAR_PARTS = ("situation", "task", "action", "result")


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def key_points(feedback: dict) -> tuple[list[str], list[str]]:
    """(covered labels, missed labels)."""
    points = [p for p in _list(feedback.get("key_points")) if isinstance(p, dict)]
    covered = [str(p.get("label", "")) for p in points if p.get("covered")]
    missed = [str(p.get("label", "")) for p in points if not p.get("covered")]
    return covered, missed


def _filler_text(delivery: dict) -> str | None:
    counts = _dict(delivery.get("filler_counts"))
    if not counts:
        fillers = _list(delivery.get("fillers"))
        for filler in fillers:
            text = filler.get("text") if isinstance(filler, dict) else str(filler)
            counts[text] = counts.get(text, 0) + 1
    if not counts:
        return "no filler words" if "fillers" in delivery else None
    total = sum(int(n) for n in counts.values())
    detail = ", ".join(f'"{word}" x{n}' for word, n in
                       sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{total} filler word{'s' if total != 1 else ''}: {detail}"


def delivery_lines(feedback: dict) -> list[str]:
    """Pace, length, fillers and pauses; empty for a typed answer."""
    delivery = _dict(feedback.get("delivery"))
    if not delivery:
        return []
    lines = []
    if isinstance(delivery.get("wpm"), int | float):
        pace = delivery.get("pace")
        lines.append(f"Pace: {delivery['wpm']:.0f} words per minute"
                     + (f" ({pace})" if isinstance(pace, str) else ""))
    if isinstance(delivery.get("duration"), int | float):
        words = delivery.get("word_count")
        lines.append(f"Length: {delivery['duration']:.0f} s"
                     + (f", {words} words" if isinstance(words, int) else ""))
    fillers = _filler_text(delivery)
    if fillers:
        lines.append(fillers.capitalize() if fillers[0].islower() else fillers)
    pauses = _list(delivery.get("pauses"))
    if pauses:
        longest = max(float(p[1]) for p in pauses if isinstance(p, list | tuple) and len(p) > 1)
        lines.append(f"{len(pauses)} long pause{'s' if len(pauses) != 1 else ''} "
                     f"(longest {longest:.1f} s)")
    repeats = [str(r) for r in _list(delivery.get("repeats"))]
    if repeats:
        lines.append("Repeated: " + ", ".join(repeats))
    lines += [str(n) for n in _list(delivery.get("notes"))]
    return lines


def star_parts(feedback: dict) -> list[tuple[str, str | None]]:
    """Each STAR part with the sentence that shows it, None where it is missing."""
    star = _dict(_dict(feedback.get("structure")).get("star"))
    if not star:
        return []
    return [(part.capitalize(), star.get(part) if isinstance(star.get(part), str) else None)
            for part in STAR_PARTS if part in star]


def notes(feedback: dict) -> list[str]:
    """Observations and red flags, as the analysis phrased them."""
    structure = _dict(feedback.get("structure"))
    said = [str(n) for n in _list(feedback.get("observations"))] + \
        [str(f) for f in _list(structure.get("red_flags"))]
    return list(dict.fromkeys(said))  # a red flag the observations already name, once
