"""Structure: STAR parts with their sentences, figures, length, red flags, observations."""

from __future__ import annotations

import pytest

from interviewer.analysis import score_answer
from interviewer.analysis.red_flags import find_red_flags
from interviewer.analysis.structure import analyse_structure
from interviewer.analysis.tokens import tokenize
from interviewer.banks import Library
from interviewer.practice.length import length_line
from tests.interviewer.analysis.speechify import speechify

STAR_ANSWER = (
    "At my last job one client was ninety days late on a large invoice. "
    "My goal was to collect it without losing the account. "
    "I called the controller and agreed a payment plan. "
    "As a result they paid in full within six weeks."
)


def structure(text: str, category: str = "behavioral", duration: float | None = None):
    return analyse_structure(text, tokenize(text), category, duration)


def test_star_parts_and_the_sentence_showing_each() -> None:
    star = {p.part: p.sentence for p in structure(STAR_ANSWER).star}
    assert star == {
        "situation": "At my last job one client was ninety days late on a large invoice",
        "task": "My goal was to collect it without losing the account",
        "action": "I called the controller and agreed a payment plan",
        "result": "As a result they paid in full within six weeks",
    }


def test_star_in_recognizer_text_without_punctuation() -> None:
    text = speechify(STAR_ANSWER)
    found = structure(text).star_found
    assert found == ["situation", "task", "action", "result"]


def test_figures_are_reported_as_said() -> None:
    text = ("We cut DSO by 15% to 41 days, collected $38,000 and ninety five percent "
            "of 250 accounts.")
    assert structure(text).quantities == ["15%", "41 days", "$38,000", "ninety five percent",
                                          "250"]
    assert structure("No one paid, one of them called.").quantities == []


def test_length_against_the_target_for_behavioral_answers() -> None:
    assert structure(STAR_ANSWER, duration=45.0).length_target == (60, 120)
    assert structure(STAR_ANSWER, "technical").length_target is None
    typed = structure(STAR_ANSWER)
    assert typed.length_estimated and 10 < typed.length_seconds < 30


@pytest.mark.parametrize(("text", "flag"), [
    ("i managed accounts and handled various things", "vague verbs with no specifics"),
    ("it was their fault because sales never sent the po", "puts the problem on others"),
    ("i guarantee i always collect every invoice", "an absolute claim"),
    ("i waited until the customer called and then responded", "only reactive actions"),
    ("i handled the account", "no number in the answer"),
])
def test_red_flags(text: str, flag: str) -> None:
    assert any(f.startswith(flag) for f in find_red_flags(text, False, "behavioral"))


def test_no_red_flags_in_a_specific_proactive_answer() -> None:
    text = "i sent reminders five days before the due date and dso fell 15 percent"
    assert find_red_flags(text, True, "behavioral") == []


def test_observations_say_what_is_missing_not_who_you_are(library: Library) -> None:
    question = library.question("ar-specialist/difficult-collection-call")
    feedback = score_answer(question, "I handled the customer and was calm.", library)
    assert "no result stated" in feedback.observations
    assert "no number in the answer" in feedback.observations
    assert any(o.startswith("not mentioned: ") for o in feedback.observations)
    # its length is said once, by the length line, against the question's own target
    assert not any(" s long" in o for o in feedback.observations)
    said = length_line(question, feedback) or ""
    assert said.endswith("against a target of 60-120 s: too short"), said


def test_no_star_parts_in_an_answer_that_tells_no_story() -> None:
    assert structure("Communication matters most, and attention to detail.").star_found == []


def test_a_plan_counts_as_action_and_situational_answers_are_not_asked_for_a_story(
        library: Library) -> None:
    question = library.question("ar-coordinator/disputed-charge")
    assert question.category == "situational"
    planned = score_answer(question, "I would log the dispute and check the contract.", library)
    assert "action" in planned.structure.star_found
    assert not any(o.startswith("no ") and o.endswith(" stated") for o in planned.observations)
    vague = score_answer(question, "Disputes are part of the job.", library)
    assert "no action stated" in vague.observations
    assert "no situation stated" not in vague.observations
