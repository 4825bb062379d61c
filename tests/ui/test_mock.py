"""A three-question mock interview in the real window: a follow-up when an answer gives
no result or number, a countdown while recording, and a summary at the end."""

from __future__ import annotations

import subprocess
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.analysis import score_answer
from interviewer.practice.probing import next_probe
from tests.ui.conftest import shot
from tests.ui.file_dialog import answer_file_dialog
from tests.ui.recordings import NOT_ILL, pcm_of

VAGUE = "I would look at the account and talk to the customer about the invoice."
COMPLETE = ("When a customer disputed an invoice I checked the purchase order, fixed the "
            "price with sales, and as a result they paid 12,000 dollars within 10 days.")




def _type_answer(qtbot, qs, text: str) -> None:
    qtbot.keyClick(qs, Qt.Key.Key_T)
    qtbot.keyClicks(qs.typed, text)
    qtbot.keyClick(qs.typed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_three_question_mock_with_one_follow_up(make_window, qtbot, artifacts,
                                                 tmp_path) -> None:
    window = make_window([pcm_of(NOT_ILL)], mode="mock", mock_count=3,
                         bank_id="ar-coordinator", auto_record=False, probes="one")
    ctl, qs = window.controller, window.question_screen
    ctl.seed = 3
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    plan = list(ctl.round.questions)
    assert len(plan) == 3 and ctl.round.mode == "mock"
    assert plan[0].category == "opening" and plan[-1].category == "closing"

    # question 1 (opening) answered out loud: the countdown runs while recording
    ctl.start_recording()
    qtbot.waitUntil(lambda: qs.countdown.text().startswith("Time left: 2:5"), timeout=10000)
    shot(window, artifacts, "05-mock-recording")
    qtbot.waitUntil(lambda: ctl.round.index == 1, timeout=60000)

    # question 2: a vague answer earns one probe (the setting allows one), shown and asked
    assert qs.question.text() == plan[1].text
    _type_answer(qtbot, qs, VAGUE)
    qtbot.waitUntil(lambda: ctl.follow_up is not None, timeout=20000)
    assert qs.question.text() == ctl.follow_up and ctl.round.index == 1
    first_answer = ctl.round.attempts_for(plan[1].id)[0]
    expected = next_probe("mock", plan[1], first_answer.feedback, [])
    assert expected is not None and ctl.follow_up == expected.line
    assert "follow-up" in qs.progress.text()
    assert qs.typed.toPlainText() == ""  # the follow-up starts with an empty answer
    more = (f"{plan[1].key_points[0].phrases[0].capitalize()}. As a result they paid "
            "12,000 dollars within 10 days.")
    _type_answer(qtbot, qs, more)
    qtbot.waitUntil(lambda: ctl.round.index == 2, timeout=20000)

    # question 3 (closing): no follow-up, the round ends on the summary
    assert ctl.follow_up is None and qs.question.text() == plan[2].text
    with qtbot.waitSignal(ctl.round_finished, timeout=20000):
        _type_answer(qtbot, qs, COMPLETE)
    assert window.stack.currentWidget() is window.summary_screen
    table = window.summary_screen.table
    assert table.rowCount() == 3
    assert "follow-up" in table.item(1, 0).text()
    assert "follow-up" not in table.item(0, 0).text() + table.item(2, 0).text()
    follow_ups = [a for q in plan for a in ctl.round.attempts_for(q.id) if a.follow_up]
    assert len(follow_ups) == 1 and follow_ups[0].question is plan[1]

    # The follow-up is scored together with the first answer, as one answer to question 2.
    first, extra = ctl.round.attempts_for(plan[1].id)
    assert extra.first is first and extra.transcript.text == more
    assert extra.feedback.transcript == f"{VAGUE} {more}"
    assert extra.feedback.coverage == score_answer(plan[1], f"{VAGUE} {more}").coverage
    assert extra.feedback.coverage > first.feedback.coverage
    assert table.item(1, 2).text() == f"{extra.feedback.coverage:.0%}"
    assert ctl.round.attempts_for(plan[0].id)[0].transcript.engine == "whisper"
    summary = window.summary_screen
    assert summary.overall.text().startswith("That's everything from me")
    assert summary.highlights.text().startswith("Strongest: ")
    assert "Weakest: " in summary.highlights.text()
    assert summary.glance.follow_ups.number.text() == "1"  # at a glance: one follow-up
    assert summary.glance.questions.number.text() == "3"
    shot(window, artifacts, "06-mock-summary")

    # Double-clicking a question opens its answers in full, in the history window.
    qtbot.waitUntil(lambda: extra.history_id is not None, timeout=10000)
    cell = table.visualItemRect(table.item(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # as a mouse
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # sends them
    qtbot.waitUntil(lambda: getattr(window, "history_window", None) is not None
                    and window.history_window.selected_question() == plan[1].id,
                    timeout=10000)
    history = window.history_window
    assert history.right_pane.current.id == extra.history_id  # the whole answer, latest
    assert history.left_pane.current.id == first.history_id
    shown = history.right_pane.text.toPlainText()
    assert f"The interviewer asked: “{expected.line}”" in shown
    assert f"Follow-up to #{first.history_id}; the scores are for the whole exchange" in shown
    qtbot.wait(100)  # let the chart lay out before the picture
    shot(history, artifacts, "07-mock-answer-in-history")
    history.close()

    # The session report, saved from the summary, holds every answer of the interview.
    assert summary.report_button.isEnabled()
    report = tmp_path / "mock.pdf"
    answer_file_dialog(report)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Saved the session report" in window.messages.message,
                    timeout=30000)
    assert f"report: {report}." in window.messages.message, window.messages.message
    assert report.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(report), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = unicodedata.normalize("NFKC", " ".join(text.split()))  # "ﬀ" ligatures: "ff"
    assert "12,000 dollars" in words
    # the report counts questions as the summary does: the follow-up sits inside question 2
    assert "mock, 3 questions answered" in words
    assert summary.overall.text().count("3 questions answered") == 1
    assert words.count(" ".join(plan[1].text.split()[:6])) == 1
    assert f"Follow-up: {expected.line} " + " ".join(more.split()[:4]) in words
    for number, question in enumerate(plan, 1):
        assert f"{number}. {' '.join(question.text.split()[:5])}" in words
    assert words.count("Follow-up: ") == 1
    assert "(covered after a probe)" in words
