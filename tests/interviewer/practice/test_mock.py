"""Mock interview plans and follow-ups, on the shipped banks and on made-up pools."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewer.banks import KeyPoint, Question, SampleAnswer, load_library
from interviewer.banks.model import CATEGORIES, DIFFICULTIES
from interviewer.errors import InterviewerError
from interviewer.practice.mock import ASK_NUMBER, ASK_RESULT, follow_up_for, plan_mock, stage_of


def make_question(n: int, category: str, difficulty: str) -> Question:
    return Question(
        id=f"b/q{n}", bank_id="b", slug=f"q{n}", text=f"Question {n}?", category=category,
        difficulty=difficulty, source="test", tips=(),
        sample_answers=(SampleAnswer("An answer."),),
        key_points=(KeyPoint("Answer", ("answer",)),),
    )


def full_pool() -> list[Question]:
    return [make_question(i, c, d) for i, (c, d) in
            enumerate((c, d) for c in CATEGORIES for d in DIFFICULTIES)]


def test_plan_follows_the_interview_arc() -> None:
    plan = plan_mock(full_pool(), 7, seed=1)
    assert len(plan) == 7
    stages = [stage_of(q) for q in plan]
    assert stages == sorted(stages)
    assert plan[0].category == "opening"
    assert plan[-1].category == "closing"
    assert [q.category for q in plan].count("opening") == 1
    assert len({q.id for q in plan}) == 7


def test_three_questions_are_opening_substance_closing() -> None:
    plan = plan_mock(full_pool(), 3, seed=5)
    assert [q.category for q in plan][0] == "opening"
    assert plan[1].category in ("behavioral", "situational")
    assert plan[2].category == "closing"


def test_difficulties_are_mixed() -> None:
    plan = plan_mock(full_pool(), 6, seed=2)
    counts = {d: sum(q.difficulty == d for q in plan) for d in DIFFICULTIES}
    assert counts == {"easy": 2, "medium": 2, "hard": 2}


def test_same_seed_same_interview_and_seeds_differ() -> None:
    pool = full_pool()
    assert plan_mock(pool, 5, seed=9) == plan_mock(pool, 5, seed=9)
    plans = {tuple(q.id for q in plan_mock(pool, 5, seed=s)) for s in range(10)}
    assert len(plans) > 1


def test_shipped_bank_plan_is_in_arc_order() -> None:
    bank = load_library().bank("ar-specialist")
    plan = plan_mock(list(bank.questions), 5, seed=3)
    assert len(plan) == 5
    assert [stage_of(q) for q in plan] == sorted(stage_of(q) for q in plan)
    assert len({q.difficulty for q in plan}) >= 2


def test_more_questions_than_the_pool_asks_them_all() -> None:
    pool = full_pool()[:4]
    assert sorted(q.id for q in plan_mock(pool, 50, seed=0)) == sorted(q.id for q in pool)


def test_bad_counts_are_clear_errors() -> None:
    with pytest.raises(InterviewerError, match="at least one question"):
        plan_mock(full_pool(), 0)
    with pytest.raises(InterviewerError, match="no questions"):
        plan_mock([], 3)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CATEGORIES), st.sampled_from(DIFFICULTIES)),
                min_size=1, max_size=30),
       st.integers(min_value=1, max_value=40), st.integers())
def test_any_pool_gives_a_well_formed_plan(spec, count, seed) -> None:
    pool = [make_question(i, c, d) for i, (c, d) in enumerate(spec)]
    plan = plan_mock(pool, count, seed=seed)
    assert len(plan) == min(count, len(pool))
    assert len({q.id for q in plan}) == len(plan)
    assert [stage_of(q) for q in plan] == sorted(stage_of(q) for q in plan)
    middle = [q.id for q in pool if stage_of(q) in (1, 2, 3)]
    for end in ("opening", "closing"):
        if sum(q.category == end for q in plan) > 1:  # only when the middle ran out
            assert set(middle) <= {q.id for q in plan}


@dataclass
class StarStub:
    part: str
    sentence: str | None


@dataclass
class StructureStub:
    """The two fields of interviewer.analysis.Structure that follow_up_for reads."""

    star: list[StarStub]
    quantities: list[str]


def FakeStructure(result: bool, number: bool) -> StructureStub:  # noqa: N802
    return StructureStub([StarStub("action", "I called."),
                          StarStub("result", "We collected it." if result else None)],
                         ["41 days"] if number else [])


@dataclass
class FakeFeedback:
    transcript: str
    structure: StructureStub


@pytest.mark.parametrize(("result", "number", "expected"), [
    (True, True, None),
    (False, True, None),
    (True, False, None),
    (False, False, f"{ASK_RESULT} {ASK_NUMBER}"),
])
def test_follow_up_only_when_neither_result_nor_figure(result, number, expected) -> None:
    feedback = FakeFeedback("we cut overdue balances", FakeStructure(result, number))
    assert follow_up_for(feedback) == expected


def test_no_follow_up_to_silence_or_to_opening_and_closing() -> None:
    assert follow_up_for(FakeFeedback("  ", FakeStructure(False, False))) is None
    feedback = FakeFeedback("thank you", FakeStructure(False, False))
    closing = make_question(1, "closing", "easy")
    assert follow_up_for(feedback, closing) is None
    assert follow_up_for(feedback, replace(closing, category="behavioral")) is not None


def test_follow_up_from_real_feedback() -> None:
    """With the real scorer: a vague answer gets the follow-up, a quantified result does not."""
    from interviewer.analysis import score_answer

    library = load_library()
    question = library.question("ar-specialist/difficult-collection-call")
    vague = score_answer(question, "i stayed calm and listened to the customer", library)
    assert follow_up_for(vague, question) == f"{ASK_RESULT} {ASK_NUMBER}"
    full = score_answer(question, "i listened and found the invoice error and as a result the "
                        "customer paid the full twelve thousand dollars within ten days",
                        library)
    assert follow_up_for(full, question) is None
