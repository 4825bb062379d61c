"""Small things a newcomer trips over, each through the keys and menus a person uses:
the history window closes with Esc, headings follow the font size, a follow-up starts
with a clean timer, notes do not outstay their screen, every spoken answer's pace is listed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.errors import InterviewerError
from tests.ui.recordings import NOT_ILL, pcm_of

VAGUE = "I would look at the account and talk to the customer about the invoice."


def _type_answer(qtbot, qs, text: str) -> None:
    qtbot.keyClick(qs, Qt.Key.Key_T)
    qtbot.keyClicks(qs.typed, text)
    qtbot.keyClick(qs.typed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_the_history_window_closes_with_esc_and_its_button(make_window, qtbot) -> None:
    window = make_window(auto_record=False)
    qtbot.keyClick(window, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "history_window", None) is not None, timeout=10000)
    view = window.history_window
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=5000)
    qtbot.keyClick(view.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5000)
    window.history_action.trigger()
    qtbot.waitUntil(view.isVisible, timeout=5000)
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert not view.isVisible()


def test_headings_follow_the_font_size_setting(make_window, qtbot) -> None:
    window = make_window(auto_record=False, font_pt=11)
    heading = window.result_screen.question
    before = heading.font().pointSizeF()
    window.settings.font_pt = 22
    window.apply_font()
    try:
        assert heading.font().pointSizeF() == 2 * before  # the same 1.2 times the text size
        assert window.question_screen.question.font().pointSizeF() == 22 * 1.5
    finally:
        window.settings.font_pt = 11
        window.apply_font()


def test_a_follow_up_starts_with_a_clean_timer_and_recognizer_line(make_window, qtbot) -> None:
    window = make_window([pcm_of(NOT_ILL)], mode="mock", mock_count=3,
                         bank_id="ar-coordinator", auto_record=False)
    ctl, qs = window.controller, window.question_screen
    ctl.seed = 3
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)  # question 1 out loud
    qtbot.waitUntil(lambda: ctl.round.index == 1, timeout=60000)
    assert qs.elapsed.text().startswith("0:00") and qs.engine.text() == ""  # next question
    qs.set_elapsed(30, 90, 180)  # as the recording of question 2 left it
    qs.set_engine("sphinx")
    _type_answer(qtbot, qs, VAGUE)
    qtbot.waitUntil(lambda: ctl.follow_up is not None, timeout=20000)
    assert qs.question.text() == ctl.follow_up
    assert qs.elapsed.text().startswith("0:00") and qs.engine.text() == ""


def test_a_saved_report_note_stays_with_the_summary(make_window, qtbot) -> None:
    window = make_window(auto_record=False)
    bar = window.messages
    bar.show_info("Saved the session report: /somewhere/report.pdf")
    assert bar.isVisible()
    window.stack.setCurrentWidget(window.summary_screen)
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.start_screen
    assert not bar.isVisible() and "Saved the session report" not in bar.message
    bar.show_info("Saved the session report: /somewhere/report.pdf")
    bar.show_error(InterviewerError("history is not saved: disk full", "free some space"))
    assert "Saved the session report" not in bar.message  # a problem is shown on its own
    assert bar.message.startswith("History is not saved: disk full")


def test_the_summary_lists_the_pace_of_a_spoken_answer_retried_in_writing(make_window,
                                                                          qtbot) -> None:
    window = make_window([pcm_of(NOT_ILL)], bank_id="ar-specialist", shuffle=False,
                         auto_record=False)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    with qtbot.waitSignal(ctl.result_shown, timeout=60000) as spoken:
        qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)
    assert spoken.args[0].feedback.delivery is not None
    qtbot.keyClick(rs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # retry, typed
    qtbot.waitUntil(lambda: window.stack.currentWidget() is qs, timeout=10000)
    ctl.voice.stop()
    with qtbot.waitSignal(ctl.result_shown, timeout=30000) as typed:
        _type_answer(qtbot, qs, "I own the receivables cycle end to end: invoicing, the aging "
                                "report, reconciling accounts, and disputes with sales.")
    assert typed.args[0].feedback.delivery is None
    assert typed.args[0].feedback.coverage > spoken.args[0].feedback.coverage
    qtbot.keyClick(rs, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is qs, timeout=10000)
    qtbot.keyClick(qs, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # end the round
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.summary_screen,
                    timeout=10000)
    pace = window.summary_screen.glance.pace.values
    assert pace == [spoken.args[0].feedback.delivery.wpm]  # the spoken attempt's pace


def test_load_a_recording_opens_in_the_folder_last_used(make_window, qtbot, tmp_path) -> None:
    from tests.ui.file_dialog import answer_file_dialog
    from tests.ui.recordings import write_wav

    folder = tmp_path / "my recordings"
    folder.mkdir()
    wav = write_wav(folder / "answer.wav", pcm_of(NOT_ILL))
    window = make_window(bank_id="ar-specialist", auto_record=False,
                         last_folder=str(folder))
    ctl, qs = window.controller, window.question_screen
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    seen: list = []
    answer_file_dialog(wav, seen)
    with qtbot.waitSignal(ctl.result_shown, timeout=60000) as got:
        qtbot.keyClick(qs, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert seen == [folder]
    assert got.args[0].transcript.engine != "typed"


def test_a_72_percent_answer_has_one_grade_in_the_app_the_terminal_and_the_report() -> None:
    """Once green in one and amber in another: the three now colour one `grade()`."""
    from interviewer.cli.feedback_print import grade_colour
    from interviewer.reports import html
    from interviewer.ui import glance

    cases = [(0.72, glance.FAIR, "yellow", html.AMBER), (0.75, glance.GOOD, "green", html.GREEN),
             (0.44, glance.WEAK, "red", html.RED), (0.45, glance.FAIR, "yellow", html.AMBER)]
    for coverage, app, terminal, report in cases:
        assert glance.grade_color(coverage) == app, coverage
        assert grade_colour(coverage) == terminal, coverage
        assert html.grade_color(coverage) == report, coverage
