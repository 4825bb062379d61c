"""Questions read from a spreadsheet or a Markdown file, before they become a bank.

Both import formats produce `Draft`s: the question as the TOML bank would hold it,
plus the line of the input it came from, so every problem names that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from interviewer.banks.model import SPELLINGS
from interviewer.banks.probes import generic_probe, infer_kind

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_WORDS = 7


@dataclass
class Draft:
    """One question from an import file, in bank-TOML shape, and where it started."""

    line: int
    fields: dict[str, Any] = field(default_factory=dict)  # a TOML table: str, lists, tables


def slugify(text: str, words: int = _SLUG_WORDS) -> str:
    """Lower-case dashed id from the first few words: stable, readable, valid as a slug."""
    parts = [p for p in _NOT_SLUG.split(text.lower()) if p]
    return "-".join(parts[:words])


def unique_slug(slug: str, taken: set[str]) -> str:
    """The slug, or slug-2, slug-3... when an earlier question already uses it."""
    candidate, n = slug or "question", 2
    while candidate in taken:
        candidate, n = f"{slug or 'question'}-{n}", n + 1
    taken.add(candidate)
    return candidate


def parse_key_points(text: str) -> list[dict[str, object]]:
    """`Label: phrase, phrase | probe?; Other label` -> key point tables.

    A key point with no colon is its own phrase, so `aging report; DSO` just works.
    After `|` comes the follow-up question to ask when an answer misses the point;
    without one, the generic probe for the point's kind (cause, result...) is written.
    Newlines separate key points too, for cells typed with line breaks.
    """
    points = []
    for item in re.split(r"[;\n]", text):
        item, _, probe = item.partition("|")
        label, sep, phrases = item.partition(":")
        label = label.strip().lstrip("-* ").strip()
        if not label:
            continue
        found = [p.strip() for p in phrases.split(",") if p.strip()] if sep else []
        found = found or [label.lower()]
        asked = " ".join(probe.split()) or generic_probe(infer_kind(label, found))
        points.append({"label": label, "phrases": found, "probes": [asked]})
    return points


def split_list(text: str) -> list[str]:
    """Semicolon- or newline-separated cell -> list of non-empty items (for tips)."""
    return [item.strip().lstrip("-* ").strip() for item in re.split(r"[;\n]", text)
            if item.strip().lstrip("-* ").strip()]


def question_fields(text: str, answer: str, key_points: str, difficulty: str, category: str,
                    source: str, level: str = "", tips: str = "") -> dict[str, object]:
    """Assemble one question table; values are cleaned but not judged (the validator does that)."""
    category = " ".join(category.lower().split())
    given = {"text": " ".join(text.split()), "category": SPELLINGS.get(category, category),
             "difficulty": difficulty.strip().lower(), "source": source.strip()}
    # A blank cell is left out, so the validator says "missing required field 'category'".
    fields: dict[str, object] = {key: value for key, value in given.items() if value}
    tip_list = split_list(tips)
    if tip_list:
        fields["tips"] = tip_list
    sample: dict[str, str] = {"text": answer.strip()}
    if level.strip():
        sample["level"] = level.strip().lower()
    fields["sample_answers"] = [sample]
    fields["key_points"] = parse_key_points(key_points)
    return fields
