"""What to add (a line per missed point, from its probe) and the answer's length."""

from __future__ import annotations

from pathlib import Path

from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.banks.validate import check_bank
from interviewer.practice.coaching import coaching_lines
from interviewer.practice.length import RAN_LONG, TOO_SHORT, length_line, length_target, verdict
from tests.interviewer.bank_texts import VALID

LIBRARY = load_library()
STORY = LIBRARY.question("ar-coordinator/difficult-customer-payment-plan")


def test_a_missed_cause_gets_advice_and_its_probe() -> None:
    feedback = score_answer(STORY, "A customer owed us 9,000 dollars and I set up a payment "
                                   "plan. I stayed calm on the phone.", LIBRARY)
    lines = coaching_lines(STORY, feedback)
    cause = next(line for line in lines if "why they weren't paying" in line)
    assert cause.startswith("Say what was behind it and how you found out")
    assert cause.endswith("“How did you find out why they weren't paying?”")
    assert any(line.startswith("End on how it turned out") for line in lines)
    covered = {p.label for p in feedback.key_points if p.covered}
    assert len(lines) == len(STORY.key_points) - len(covered)


def test_targets_by_kind_and_per_question() -> None:
    assert length_target(STORY) == (60, 120)
    technical = LIBRARY.question("ar-coordinator/kpi-dashboard")
    assert length_target(technical) == (30, 90)
    text = VALID.replace('tips = ["Name the aging buckets."]',
                         'tips = ["Name the aging buckets."]\ntarget_seconds = [20, 40]')
    bank, problems = check_bank(Path("b.toml"), text)
    assert problems == [] and bank is not None
    assert length_target(bank.questions[0]) == (20, 40)
    _, problems = check_bank(Path("b.toml"), text.replace("[20, 40]", "[40, 20]"))
    assert "target_seconds must be two whole numbers" in problems[0].message
    assert (verdict(30, (60, 120)), verdict(90, (60, 120)), verdict(150, (60, 120))) == (
        TOO_SHORT, None, RAN_LONG)


def test_the_length_line_reads_the_scored_length() -> None:
    feedback = score_answer(STORY, "I set up a payment plan.", LIBRARY)
    line = length_line(STORY, feedback)
    assert line is not None and line.endswith("against a target of 60-120 s: too short")
