"""Which follow-up the interviewer asks after an answer: the probe of the most important
key point the answer left out.

One rule for both front ends (the app's round and `interviewer practice`), and for
every mode that probes. A missing result comes first where the question asks for one;
after it, the bank's order of key points. A point already covered is never probed, and
no probe is asked twice for the same question.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewer.banks import Question
from interviewer.banks.model import KeyPoint

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback

PROBE_LIMITS = {"none": 0, "one": 1, "two": 2}
DEFAULT_PROBES = "two"


@dataclass(frozen=True)
class Probe:
    """A follow-up aimed at one missed key point."""

    label: str  # the key point's label
    line: str  # what the interviewer says
    kind: str  # the point's kind: cause, action, result, learning, scale


def limit_of(setting: str) -> int:
    """How many probes a question may get under a setting ("none", "one", "two")."""
    return PROBE_LIMITS.get(setting, PROBE_LIMITS[DEFAULT_PROBES])


def covered_labels(feedback: Feedback | None) -> set[str]:
    return {p.label for p in getattr(feedback, "key_points", []) if p.covered}


def _in_order(question: Question) -> list[KeyPoint]:
    """Result points first (an interviewer asks how it ended before anything else),
    then the bank's order."""
    points = list(question.key_points)
    return ([k for k in points if k.point_kind == "result"]
            + [k for k in points if k.point_kind != "result"])


def choose_probe(question: Question, feedback: Feedback | None, asked: Iterable[str] = (),
                 covered: Iterable[str] = ()) -> Probe | None:
    """The probe for the first missed key point, or None when nothing is left to ask.

    `asked` holds the probe lines already asked for this question; `covered` any labels
    an earlier part of the exchange covered (the feedback usually already includes them).
    No probe follows an empty answer: there is nothing to follow up.
    """
    if not str(getattr(feedback, "transcript", "")).strip():
        return None
    done = covered_labels(feedback) | set(covered)
    said = set(asked)
    for point in _in_order(question):
        if point.label in done:
            continue
        line = next((p for p in point.probe_lines if p not in said), None)
        if line is not None and not any(p in said for p in point.probe_lines):
            return Probe(point.label, line, point.point_kind)
    return None


def result_probe(question: Question) -> Probe | None:
    """The probe a missing result gets, if the question asks for a result."""
    point = next((k for k in question.key_points if k.point_kind == "result"), None)
    return Probe(point.label, point.probe_lines[0], "result") if point else None


# A greeting or a wrap-up question is not dug into: the interview moves on.
NO_PROBE_CATEGORIES = frozenset({"opening", "closing"})
# Outside a mock, probes are an option, on by default for these questions (a story
# question is where an interviewer digs).
PRACTICE_PROBE_CATEGORIES = frozenset({"behavioral"})


def probes_allowed(mode: str, question: Question, setting: str, in_practice: bool) -> int:
    """How many probes the question may get: a mock always probes (up to the setting);
    practice and review only when the option is on, for behavioral questions."""
    limit = limit_of(setting)
    if question.category in NO_PROBE_CATEGORIES:
        return 0
    if mode == "mock":
        return limit
    return limit if in_practice and question.category in PRACTICE_PROBE_CATEGORIES else 0


def next_probe(mode: str, question: Question, feedback: Feedback | None, asked: Sequence[str],
               setting: str = DEFAULT_PROBES, in_practice: bool = True) -> Probe | None:
    """The probe to ask now, or None: the limit is reached or nothing is missing."""
    if len(asked) >= probes_allowed(mode, question, setting, in_practice):
        return None
    return choose_probe(question, feedback, asked)
