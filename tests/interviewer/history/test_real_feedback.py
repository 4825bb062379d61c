"""The real scorer's Feedback goes through history into the report unchanged in meaning."""

from __future__ import annotations

import pytest

from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.history import HistoryStore
from interviewer.reports import build_report, render_markdown
from tests.interviewer.history.practice_run import spoken

ANSWER = ("Last year a customer owed forty thousand dollars and was angry about a late fee. "
          "My task was to collect without losing the account. I listened, removed the fee "
          "after checking the contract and agreed a payment plan. As a result they paid in "
          "full within 60 days.")


def test_feedback_object_is_stored_and_reported() -> None:
    library = load_library()
    question = library.question("ar-specialist/difficult-collection-call")
    transcript = spoken(ANSWER, 0.4)
    feedback = score_answer(question, transcript, library)
    with HistoryStore() as store:
        session = store.start_session(question.bank_id)
        attempt_id = store.add_attempt(session, question, transcript, feedback)
        attempt = store.attempt(attempt_id)
        report = build_report(store, library=library)
    assert attempt.coverage == pytest.approx(feedback.coverage, abs=0.001)
    assert attempt.wpm == feedback.delivery.wpm
    assert attempt.feedback == feedback.to_dict()

    text = render_markdown(report)
    for point in feedback.key_points:
        line = f"- [x] {point.label}" if point.covered else f"- [ ] {point.label} (missed)"
        assert line in text
    assert f"- Pace: {feedback.delivery.wpm:.0f} words per minute ({feedback.delivery.pace})" \
        in text
    for part in feedback.structure.star:
        shown = part.sentence if part.sentence else "missing"
        assert f"- {part.part.capitalize()}: {shown}" in text
    assert all(f"- {note}" in text for note in feedback.observations)


def test_a_red_flag_the_observations_name_is_reported_once() -> None:
    library = load_library()
    question = library.question("ar-specialist/difficult-collection-call")
    vague = "I would call the customer and talk to them about the invoice."
    feedback = score_answer(question, spoken(vague, 0.4), library)
    assert "no number in the answer" in feedback.structure.red_flags
    assert "no number in the answer" in feedback.observations  # named twice by the analysis
    with HistoryStore() as store:
        store.add_attempt(store.start_session(question.bank_id), question, vague, feedback)
        text = render_markdown(build_report(store, library=library))
    assert text.count("- no number in the answer") == 1
