"""Feedback is worded once: the terminal, the app and the reports show the same sentences,
and saved feedback comes back from history as a Feedback, not a dict."""

from __future__ import annotations

from interviewer.analysis import score_answer
from interviewer.analysis.feedback import Feedback
from interviewer.banks import load_library
from interviewer.cli.feedback_print import feedback_lines
from interviewer.cli.term import Style
from interviewer.feedback_sections import present
from interviewer.history import HistoryStore
from interviewer.reports import feedback_view
from tests.interviewer.history.practice_run import spoken

ANSWER = ("Last year a customer owed forty thousand dollars and um was angry about a late fee. "
          "My task was to collect without losing the account. I listened and agreed a payment "
          "plan. As a result they paid in full within 60 days.")


def scored() -> Feedback:
    library = load_library()
    question = library.question("ar-specialist/difficult-collection-call")
    return score_answer(question, spoken(ANSWER, 0.4), library)


def test_saved_feedback_is_read_back_typed() -> None:
    feedback = scored()
    with HistoryStore() as store:
        session = store.start_session("ar-specialist")
        attempt = store.attempt(store.add_attempt(session, feedback.question_id,
                                                  spoken(ANSWER, 0.4), feedback))
    back = attempt.scored
    assert isinstance(back, Feedback)
    assert back.to_dict() == feedback.to_dict()
    assert back.delivery is not None and back.delivery.filler_counts == {"um": 1}
    assert [p.part for p in back.structure.star] == [p.part for p in feedback.structure.star]


def test_a_partial_record_reads_back_as_no_feedback(tmp_path) -> None:
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        session = store.start_session("ar-specialist")
        attempt = store.attempt(store.add_attempt(session, "ar-specialist/x", "words",
                                                  {"coverage": 0.5}))
    assert attempt.coverage == 0.5 and attempt.scored is None
    assert feedback_view.key_points(attempt.scored) == ([], [])
    assert feedback_view.delivery_lines(attempt.scored) == []


def test_the_terminal_and_the_report_say_the_same_sentences() -> None:
    feedback = scored()
    sections = present(feedback, "behavioral")
    printed = " ".join(" ".join(line.split()) for line in
                       feedback_lines(feedback, Style(False), "behavioral"))
    for sentence in sections.delivery + sections.content:
        assert sentence in printed, sentence
    assert feedback_view.delivery_lines(feedback) == sections.delivery
    assert feedback_view.key_points(feedback) == (sections.covered, sections.missed)
    assert sections.star_expected and not present(feedback, "technical").star_expected
