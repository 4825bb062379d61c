"""Must show: a whole practice round with the keyboard alone, and `main()` opening the start
screen on a fresh install."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from interviewer.ui import app as app_module
from interviewer.ui.main_window import MainWindow
from tests.ui.conftest import shot
from tests.ui.recordings import DASHWOOD, pcm_of


def test_whole_round_by_keyboard(make_window, qtbot) -> None:
    answer = pcm_of(DASHWOOD)
    window = make_window([answer, answer], bank_id="ar-collector", shuffle=False,
                         auto_record=False, difficulties=["medium"], categories=["situational"])
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen

    def key(expected_focus, k, mod=Qt.KeyboardModifier.NoModifier) -> None:
        """Press a key where the keyboard focus is, checking it is where it should be."""
        focused = window.focusWidget()
        assert focused is expected_focus, (focused, expected_focus)
        qtbot.keyClick(focused, k, mod)

    key(window.start_screen.start_button, Qt.Key.Key_Return)
    total = len(ctl.round.questions)
    assert total >= 2 and window.stack.currentWidget() is qs
    for n in range(total):
        key(qs.record_button, Qt.Key.Key_Space)  # start recording
        assert ctl.capture is not None and ctl.capture.running
        qtbot.waitUntil(lambda: ctl.capture.seconds > 3.0, timeout=20000)
        with qtbot.waitSignal(ctl.result_shown, timeout=60000):
            key(qs.record_button, Qt.Key.Key_Space)  # stop
        assert window.stack.currentWidget() is rs
        assert ctl.round.attempts_for(ctl.round.current.id)[-1].transcript.text
        key(rs.reveal_button, Qt.Key.Key_S)
        assert rs.sample_revealed
        if n < total - 1:
            key(rs.next_button, Qt.Key.Key_N)
            assert window.stack.currentWidget() is qs and ctl.round.index == n + 1
    with qtbot.waitSignal(ctl.round_finished, timeout=10000):
        key(rs.next_button, Qt.Key.Key_N)
    assert window.stack.currentWidget() is window.summary_screen
    assert window.summary_screen.table.rowCount() == total
    key(window.summary_screen.back_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.start_screen


def test_main_opens_the_start_screen_on_a_fresh_install(qtbot, artifacts, interviewer_home
                                                        ) -> None:
    assert not interviewer_home.exists()
    seen: dict = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, look)
            return
        window = windows[0]
        check = getattr(window, "mic_check", None)  # a first start checks the microphone
        if check is None or not check.isVisible():
            QTimer.singleShot(50, look)
            return
        seen["check"] = check.windowTitle()
        shot(check, artifacts, "00-fresh-install-microphone-check")
        check.reject()  # Skip
        seen["screen"] = window.stack.currentWidget()
        seen["start"] = window.start_screen
        shot(window, artifacts, "00-fresh-install-start")
        window.close()

    QTimer.singleShot(0, look)
    assert app_module.main([]) == 0
    assert seen["screen"] is seen["start"]
    assert seen["check"] == "Check your microphone"
