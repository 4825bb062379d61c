"""Review mode draws on real history; every attempt of a round lands in the SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from interviewer.cli.main import main
from interviewer.history import HistoryStore
from tests.ui.conftest import shot

TYPED = "I work the aging report every week and reconcile accounts with billing."


def test_review_asks_the_weak_questions_due(make_window, qtbot) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=30)
    with HistoryStore() as store:
        store.record_review("ar-collector/tell-me-about-yourself", 0.9, now=long_ago)
        store.record_review("ar-specialist/prioritize-overdue-accounts", 0.1, now=long_ago)
        store.record_review("ar-specialist/full-cycle-ar-experience", 0.2, now=long_ago)
        due = store.due_questions("ar-specialist")
    assert set(due) == {"ar-specialist/prioritize-overdue-accounts",
                        "ar-specialist/full-cycle-ar-experience"}
    window = make_window(bank_id="ar-specialist", mode="review", auto_record=False)
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.controller.round is not None, timeout=10000)
    assert [q.id for q in window.controller.round.questions] == due
    assert window.stack.currentWidget() is window.question_screen


def test_nothing_due_is_a_clear_message(make_window, qtbot) -> None:
    window = make_window(bank_id="ar-specialist", mode="review", auto_record=False)
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    qtbot.waitUntil(window.messages.isVisible, timeout=10000)
    assert "No question is due for review in this role" in window.messages.message
    assert "start screen says when" in window.messages.message
    assert window.stack.currentWidget() is window.start_screen


def test_attempts_are_saved_with_corrections(make_window, qtbot) -> None:
    window = make_window(bank_id="ar-specialist", shuffle=False, auto_record=False)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    window.start_screen.start_button.click()
    qtbot.waitUntil(lambda: ctl.session_id is not None, timeout=10000)
    for text in (TYPED, TYPED + " Last year past due fell to 8%."):
        qs.show_typing()
        qs.typed.setPlainText(text)
        with qtbot.waitSignal(ctl.result_shown, timeout=30000):
            qs.submit_typed.click()
        if text == TYPED:
            rs.begin_edit()
            rs.answer_edit.setPlainText(TYPED + " We cut the backlog.")
            with qtbot.waitSignal(ctl.result_shown, timeout=30000):
                rs.rescore_button.click()
            rs.retry_button.click()
    rs.next_button.click()
    qtbot.waitUntil(lambda: len(ctl.history.saved) == 2, timeout=10000)
    window.jobs.wait()
    with HistoryStore() as store:
        attempts = store.attempts(session_id=ctl.session_id)
    assert len(attempts) == 2
    first, second = sorted(attempts, key=lambda a: a.id)
    assert first.corrected_text == TYPED + " We cut the backlog."
    assert second.corrected_text is None and "8%" in second.transcript.text


def test_history_screen_opens_from_the_menu(make_window, qtbot, artifacts) -> None:
    window = make_window(auto_record=False)
    window.history_action.trigger()  # the database opens in the background
    qtbot.waitUntil(lambda: getattr(window, "history_window", None) is not None, timeout=10000)
    view = window.history_window
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: "0 sessions" in view.summary.text(), timeout=10000)
    assert view.isVisible() and view.accessibleName() == "History"
    window.history_action.trigger()  # again: the open window comes forward, no second one
    assert window.history_window is view
    view.close()
    window.history_action.trigger()  # closed, then reopened: the same window, refreshed
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass
    assert window.history_window is view and view.isVisible()
    view.close()


def test_an_open_history_window_follows_the_practice(make_window, qtbot) -> None:
    window = make_window(bank_id="ar-specialist", shuffle=False, auto_record=False)
    window.history_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "history_window", None) is not None, timeout=10000)
    view = window.history_window
    qtbot.waitUntil(lambda: "0 attempts" in view.summary.text(), timeout=10000)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    window.start_screen.start_button.click()
    qs.show_typing()
    qs.typed.setPlainText(TYPED)
    with qtbot.waitSignal(ctl.result_shown, timeout=30000):
        qs.submit_typed.click()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        rs.next_button.click()  # saves the attempt; the history window reloads
    assert "1 session, 1 attempt at 1 question" in view.summary.text()
    view.close()


def test_a_self_rating_counts_in_the_review_schedule(make_window, qtbot, artifacts) -> None:
    window = make_window(bank_id="ar-specialist", shuffle=False, auto_record=False)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    window.start_screen.start_button.click()
    question = ctl.round.current
    qs.show_typing()
    qs.typed.setPlainText(TYPED)
    with qtbot.waitSignal(ctl.result_shown, timeout=30000) as shown:
        qs.submit_typed.click()
    assert rs.self_rating() is None  # optional: nothing chosen until the candidate says
    rs.begin_edit()  # digits typed into a correction are text, not ratings
    rs.answer_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(rs.answer_edit, " 15 accounts")
    qtbot.wait(300)
    assert rs.answer_edit.toPlainText().endswith(" 15 accounts") and rs.self_rating() is None
    rs.answer_edit.setPlainText(TYPED)
    rs.reveal_button.setFocus()
    qtbot.keyClick(rs, Qt.Key.Key_5)  # "I nailed it", from the keyboard
    qtbot.waitUntil(lambda: rs.self_rating() == 5, timeout=2000)  # the click is animated
    assert shown.args[0].self_rating == 5
    shot(window, artifacts, "11-result-self-rating")
    rs.next_button.click()
    qtbot.waitUntil(lambda: len(ctl.history.saved) == 1, timeout=10000)
    coverage = shown.args[0].feedback.coverage
    with HistoryStore() as store:
        state = store.review_state(question.id)
    assert state.last_score == pytest.approx(0.5 * coverage + 0.5)  # half coverage, half rating
    # the next question starts unrated
    assert ctl.round.index == 1
    qs.show_typing()
    qs.typed.setPlainText(TYPED)
    with qtbot.waitSignal(ctl.result_shown, timeout=30000):
        qs.submit_typed.click()
    assert rs.self_rating() is None


def test_a_weak_answer_can_be_reviewed_the_same_day(make_window, qtbot, artifacts,
                                                    capsys) -> None:
    """0% in practice: the start screen says it is due now and Review asks it at once."""
    window = make_window(bank_id="ar-specialist", shuffle=False, auto_record=False,
                         mode="practice")
    ctl, qs, start = window.controller, window.question_screen, window.start_screen
    qtbot.keyClick(start.start_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.round is not None, timeout=10000)
    weak = ctl.round.current
    qtbot.keyClick(qs.record_button, Qt.Key.Key_T)  # type instead of speaking
    qtbot.keyClicks(qs.typed, "I am not sure.")
    with qtbot.waitSignal(ctl.result_shown, timeout=30000) as shown:
        qtbot.keyClick(qs.typed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert shown.args[0].feedback.coverage == 0
    qtbot.keyClick(window.result_screen.next_button, Qt.Key.Key_N)  # saves the attempt
    qtbot.waitUntil(lambda: len(ctl.history.saved) == 1, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: start.due.isVisible() and "due now" in start.due.text(),
                    timeout=10000)
    assert start.due.text().startswith("Review: 1 question in this role is due now")
    assert start.mode_buttons["review"].text().endswith("(1 due)")
    shot(window, artifacts, "10b-start-weak-due-now")
    assert start.review_now.isVisible()
    qtbot.mouseClick(start.review_now, Qt.MouseButton.LeftButton)  # practise the weakest
    qtbot.waitUntil(lambda: ctl.round is not None and ctl.round.mode == "review",
                    timeout=10000)
    assert [q.id for q in ctl.round.questions] == [weak.id]
    assert qs.question.text() == weak.text
    # and the terminal says the same: `interviewer history --due`
    window.jobs.wait(5000)
    assert main(["history", "--due"]) == 0
    listed = capsys.readouterr().out
    print(listed)
    assert weak.id in listed and "0 %" in listed


def test_a_weak_retry_brings_the_question_back_for_review(make_window, qtbot,
                                                          artifacts) -> None:
    """A good first answer, then a retry that says almost nothing: back on the start screen
    the question is named as due, the weakest-now button is there and starts it."""
    window = make_window(bank_id="ar-specialist", mode="practice", shuffle=False,
                         auto_record=False)
    ctl, qs, rs, start = (window.controller, window.question_screen, window.result_screen,
                          window.start_screen)
    window.start_screen.start_button.click()
    qtbot.waitUntil(lambda: ctl.round is not None and qs.isVisible(), timeout=10000)
    question = ctl.round.current
    for text in (question.sample_answers[0].text, "I am not sure."):
        qs.show_typing()
        qs.typed.setPlainText(text)
        with qtbot.waitSignal(ctl.result_shown, timeout=30000) as shown:
            qs.submit_typed.click()
        if text != "I am not sure.":
            assert shown.args[0].feedback.coverage >= 0.75  # a strong first try
            rs.retry_button.click()
    assert shown.args[0].feedback.coverage < 0.45  # and a weak retry
    window.start_action.trigger()  # App > Back to the start screen
    qtbot.waitUntil(lambda: start.review_now.isVisible(), timeout=10000)
    assert f"1 question in this role is due now: \u201c{question.text}\u201d" in start.due.text()
    assert "less than 45%" in start.due_rules.text()
    assert start.mode_buttons["review"].text().endswith("(1 due)")
    shot(window, artifacts, "review-start-after-weak-retry")
    start.review_now.click()
    qtbot.waitUntil(lambda: ctl.round is not None and ctl.round.mode == "review",
                    timeout=10000)
    assert [q.id for q in ctl.round.questions] == [question.id]
    assert window.stack.currentWidget() is qs
