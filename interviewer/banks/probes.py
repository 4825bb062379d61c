"""What kind of idea a key point is, and the generic probe an interviewer asks for it.

A bank writes its own probes; these generic ones stand in where a bank has none (an
import without a probe column, a technical question) so a probe can always be asked.
"""

from __future__ import annotations

import re

KINDS = ("cause", "action", "result", "learning", "scale")
# Categories whose key points must each carry a probe written for the question.
PROBED_CATEGORIES = frozenset({"behavioral", "situational", "experience"})

GENERIC_PROBES = {
    "cause": "What was behind it, and how did you find that out?",
    "action": "Walk me through what you did yourself, step by step.",
    "result": "What was the outcome? Can you put a number on it?",
    "learning": "What did you take away from it, and what would you do differently now?",
    "scale": "How big was it: how many accounts, or how much money was involved?",
}

# Label words that name a kind; checked in this order, the first match wins.
_LABEL_WORDS = (
    ("result", r"\b(results?|outcomes?)\b"),
    ("learning", r"\b(learn\w*|lesson\w*|differently|takeaway|reflect\w*)\b"),
    ("cause", r"\b(cause|reason|root|behind|found out|understood|listen\w*)\b"),
    ("scale", r"\b(size|scale|volume|how many|number of|portfolio|years)\b"),
)


def infer_kind(label: str, phrases: tuple[str, ...] | list[str] = ()) -> str:
    """The kind a point's label and phrases suggest: `@result` marks a result; else the
    label's words; else an action (what most key points of a story are)."""
    if "@result" in phrases:
        return "result"
    lowered = label.lower()
    for kind, pattern in _LABEL_WORDS:
        if re.search(pattern, lowered):
            return kind
    return "action"


def generic_probe(kind: str) -> str:
    return GENERIC_PROBES.get(kind, GENERIC_PROBES["action"])
