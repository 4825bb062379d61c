"""Mock interviews: which questions, in what order, and the one follow-up to ask.

Qt-free and shared by the desktop app and `interviewer practice --mock N`, so both
run the same interview from the same seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interviewer.banks import Question
from interviewer.banks.model import DIFFICULTIES
from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from interviewer.analysis.feedback import Feedback, Structure

# The arc of a real interview; behavioral and situational questions share one stage.
STAGES: tuple[tuple[str, ...], ...] = (
    ("opening",),
    ("experience",),
    ("behavioral", "situational"),
    ("technical",),
    ("closing",),
)
# One greeting-style and one wrap-up question while there is substance left to ask.
_STAGE_CAP = {0: 1, 4: 1}
# Who gets a slot first when there are fewer slots than stages.
_FIRST_ROUND = (0, 4, 2, 3, 1)
# Who gets the extra slots after every stage has one.
_LATER_ROUNDS = (2, 3, 1)

# Questions where asking for an outcome or a figure would sound odd.
NO_FOLLOW_UP_CATEGORIES = frozenset({"opening", "closing"})
ASK_RESULT = "What was the outcome?"
ASK_NUMBER = "Can you put a number on it?"


def stage_of(question: Question) -> int:
    """The index in STAGES of a question's category (unknown categories count as technical)."""
    for index, categories in enumerate(STAGES):
        if question.category in categories:
            return index
    return 3


def _quotas(pools: list[list[Question]], count: int) -> list[int]:
    """Slots per stage: every stage with questions gets one first, then the middle fills up."""
    quotas = [0] * len(pools)

    def room(stage: int) -> bool:
        return quotas[stage] < min(len(pools[stage]), _STAGE_CAP.get(stage, len(pools[stage])))

    left = count
    for stage in _FIRST_ROUND:
        if left and room(stage):
            quotas[stage] += 1
            left -= 1
    while left:
        grew = False
        for stage in _LATER_ROUNDS:
            if left and room(stage):
                quotas[stage] += 1
                left -= 1
                grew = True
        if not grew:
            break
    for stage, pool in enumerate(pools):  # only openings or closings left: ask them anyway
        extra = min(left, len(pool) - quotas[stage])
        quotas[stage] += extra
        left -= extra
    return quotas


def _pick(pool: list[Question], k: int, used: dict[str, int]) -> list[Question]:
    """Take k questions, each time from the difficulty asked least so far in the interview."""
    rank = {d: i for i, d in enumerate(DIFFICULTIES)}
    remaining = list(pool)
    chosen: list[Question] = []
    for _ in range(k):
        best = min(remaining, key=lambda q: used.get(q.difficulty, 0))
        remaining.remove(best)
        used[best.difficulty] = used.get(best.difficulty, 0) + 1
        chosen.append(best)
    return sorted(chosen, key=lambda q: rank.get(q.difficulty, len(rank)))


def plan_mock(questions: Sequence[Question], count: int,
              seed: int | None = None) -> list[Question]:
    """A realistic arc of `count` questions (fewer if the pool is smaller), difficulties mixed.

    Stages run opening, experience, behavioral/situational, technical, closing; each
    stage warms up from easy to hard. The same seed always gives the same interview.
    """
    if count < 1:
        raise InterviewerError(f"a mock interview needs at least one question, not {count}",
                               "ask for 1 or more questions, e.g. --mock 5")
    if not questions:
        raise InterviewerError("there are no questions to build a mock interview from",
                               "pick a bank that has questions (interviewer banks)")
    rng = random.Random(seed)
    pools: list[list[Question]] = [[] for _ in STAGES]
    for question in questions:
        pools[stage_of(question)].append(question)
    for pool in pools:
        rng.shuffle(pool)
    used: dict[str, int] = {}
    plan: list[Question] = []
    for pool, k in zip(pools, _quotas(pools, min(count, len(questions))), strict=True):
        plan.extend(_pick(pool, k, used))
    return plan


def found_result_and_number(structure: Structure | None) -> tuple[bool, bool]:
    """Did the answer state a result (the R of STAR) and a figure (a quantity)?"""
    parts = [p for p in getattr(structure, "star", []) if getattr(p, "part", "") == "result"]
    has_result = any(getattr(p, "sentence", None) for p in parts)
    return has_result, bool(getattr(structure, "quantities", []))


def follow_up_line(has_result: bool, has_number: bool) -> str | None:
    """The interviewer's words when the answer gives neither a result nor a figure, else None.

    A stated outcome ("they paid in full", "still a customer") or a figure is enough: an
    interviewer asks for the outcome only when the story stops before it.
    """
    if has_result or has_number:
        return None
    return f"{ASK_RESULT} {ASK_NUMBER}"


def follow_up_for(feedback: Feedback | None, question: Question | None = None) -> str | None:
    """The one follow-up to ask when an answer states no result and no figure, else None.

    No follow-up to an empty answer (there is nothing to follow up), nor to opening or
    closing questions when the question is given.
    """
    if question is not None and question.category in NO_FOLLOW_UP_CATEGORIES:
        return None
    if not str(getattr(feedback, "transcript", "")).strip():
        return None
    return follow_up_line(*found_result_and_number(getattr(feedback, "structure", None)))

