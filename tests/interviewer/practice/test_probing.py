"""The probe rule on real scored answers: result first, bank order, never twice."""

from __future__ import annotations

from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.practice.probing import choose_probe, limit_of, result_probe

LIBRARY = load_library()
QUESTION = LIBRARY.question("ar-coordinator/difficult-customer-payment-plan")
# situation and a plan, but no cause and no outcome
NO_CAUSE_NO_RESULT = ("A customer owed us about eighteen thousand dollars and was shouting on "
                      "the phone. I stayed calm and we set up a payment plan of four monthly "
                      "instalments.")


def test_a_missing_result_is_probed_first_then_the_bank_order() -> None:
    feedback = score_answer(QUESTION, NO_CAUSE_NO_RESULT, LIBRARY)
    covered = {p.label for p in feedback.key_points if p.covered}
    assert "Result" not in covered and "Found out why they weren't paying" not in covered
    first = choose_probe(QUESTION, feedback)
    assert first is not None and first == result_probe(QUESTION)
    assert first.line == QUESTION.key_points[4].probes[0]
    second = choose_probe(QUESTION, feedback, asked=[first.line])
    assert second is not None and second.label == "Found out why they weren't paying"
    assert second.line == "How did you find out why they weren't paying?"


def test_never_a_covered_point_never_the_same_probe_twice() -> None:
    feedback = score_answer(QUESTION, NO_CAUSE_NO_RESULT, LIBRARY)
    covered = {p.label for p in feedback.key_points if p.covered}
    asked: list[str] = []
    while (probe := choose_probe(QUESTION, feedback, asked=asked)) is not None:
        assert probe.label not in covered and probe.line not in asked
        asked.append(probe.line)
    assert len(asked) == len(QUESTION.key_points) - len(covered)


def test_points_covered_by_an_earlier_part_of_the_exchange_are_skipped() -> None:
    feedback = score_answer(QUESTION, NO_CAUSE_NO_RESULT, LIBRARY)
    probe = choose_probe(QUESTION, feedback, covered=["Result"])
    assert probe is not None and probe.label == "Found out why they weren't paying"


def test_no_probe_after_an_empty_answer_and_the_setting_limits() -> None:
    assert choose_probe(QUESTION, score_answer(QUESTION, "", LIBRARY)) is None
    assert [limit_of(s) for s in ("none", "one", "two")] == [0, 1, 2]
