"""Which part of a posting a heading opens: the duties, the requirements, or neither."""

from __future__ import annotations

import re

DUTY_WORDS = ("responsibilit", "duties", "what you will do", "what you'll do", "what you will be",
              "your role", "the role", "key tasks", "day to day", "day-to-day", "in this role",
              "you will", "job functions", "essential functions", "accountabilit")
REQUIREMENT_WORDS = ("requirement", "qualification", "what you bring", "looking for", "skills",
                     "about you", "must have", "nice to have", "who you are", "you have",
                     "competenc", "what you need", "you bring", "experience and education",
                     "preferred", "profile")
OTHER_WORDS = ("benefit", "about us", "why join", "perks", "compensation", "salary", "how to apply",
               "schedule", "equal opportunity", "about the job", "about the company", "who we are",
               "we offer", "where you will work", "pay and", "pay range")
_BULLET = re.compile(r"^\s*(?:[-*•·‣▪●◦–—]|o(?=\s)|\d{1,2}[.)])\s+")
_MARKDOWN = re.compile(r"[*_`]{1,3}")


def bullet_text(line: str) -> str | None:
    """The text of a bullet line ("- Post payments" -> "Post payments"), else None."""
    match = _BULLET.match(line)
    return clean(line[match.end():]) if match else None


def clean(text: str) -> str:
    """Without Markdown emphasis and heading marks, spaces collapsed."""
    text = _MARKDOWN.sub("", text).strip().lstrip("#").strip()
    return " ".join(text.split())


def heading_text(line: str) -> str | None:
    """A heading's words: a Markdown or HTML heading ('# '), a short line ending with a colon,
    or a short line in capitals; None for ordinary text."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return clean(stripped)
    if bullet_text(stripped) is not None:
        return None
    plain = clean(stripped)
    words = plain.rstrip(":").split()
    if not words or len(words) > 7:
        return None
    if plain.endswith(":") or (plain.isupper() and len(plain) > 3):
        return plain.rstrip(":").strip()
    if stripped.startswith(("**", "__")) and stripped.endswith(("**", "__")):
        return plain
    return None


def kind_of(heading: str) -> str | None:
    """"duty", "requirement", "other" (benefits, about us) or None (unknown)."""
    low = heading.lower()
    for kind, words in (("other", OTHER_WORDS), ("duty", DUTY_WORDS),
                        ("requirement", REQUIREMENT_WORDS)):
        if any(w in low for w in words):
            return kind
    return None
