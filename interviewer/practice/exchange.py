"""A question as the exchange it was: the answer, each probe and the answer to it.

The one place that says which key points an answer covered unprompted and which only
after a probe (summary, history, report and the terminal all ask here). It compares
the first answer's scored points with the whole exchange's; when the scoring branch's
single coverage function lands, this is the one place to swap it in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback
    from interviewer.practice.attempt import Attempt

UNPROMPTED = "covered unprompted"
AFTER_PROBE = "covered after a probe"
MISSED = "missed"


@dataclass(frozen=True)
class PointOutcome:
    label: str
    how: str  # UNPROMPTED, AFTER_PROBE or MISSED


def _covered(feedback: Feedback | None) -> list[str]:
    return [p.label for p in getattr(feedback, "key_points", []) if p.covered]


def point_outcomes(first: Feedback | None, whole: Feedback | None) -> list[PointOutcome]:
    """Each key point of the question, judged on the first answer and on the whole
    exchange (the first answer plus every probe's answer)."""
    before = set(_covered(first))
    out = []
    for point in getattr(whole, "key_points", []):
        how = UNPROMPTED if point.label in before else AFTER_PROBE if point.covered else MISSED
        out.append(PointOutcome(point.label, how))
    return out


def after_probe_labels(first: Feedback | None, whole: Feedback | None) -> list[str]:
    return [o.label for o in point_outcomes(first, whole) if o.how == AFTER_PROBE]


def exchange_record(probe: str | None, first: Feedback | None,
                    whole: Feedback | None) -> dict[str, object]:
    """What history keeps inside a probe answer's feedback: the probe it answered and
    the points that came only after a probe (no schema change needed)."""
    if probe is None:
        return {}
    return {"probe": probe, "after_probe": after_probe_labels(first, whole)}


def stored_exchange(feedback: object) -> tuple[str | None, list[str]]:
    """The probe and after-probe labels a saved attempt's feedback holds (old rows: none)."""
    data = feedback.get("exchange") if isinstance(feedback, dict) else None
    if not isinstance(data, dict):
        return None, []
    probe = data.get("probe")
    labels = data.get("after_probe", [])
    return (probe if isinstance(probe, str) else None,
            [x for x in labels if isinstance(x, str)] if isinstance(labels, list) else [])


def first_and_whole(kept: list[Attempt]) -> tuple[Attempt, Attempt]:
    """Of a question's kept attempts: the first answer, and the last attempt of its
    exchange (whose feedback scores the answer and every probe's answer together)."""
    first = next((a for a in kept if a.follow_up is None), kept[0])
    chain = [a for a in kept if a.root is first.root]
    return first, chain[-1] if chain else first
