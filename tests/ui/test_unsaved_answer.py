"""The app with a damaged history: the typed answer it cannot save is kept, and the next
start offers it back through Recover…, which saves it once the history works again."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import Qt, QTimer

from interviewer import paths
from interviewer.banks import load_library
from interviewer.history import HistoryStore, find_orphans
from tests.interviewer.hardening.cli_run import damage_index

SECOND = "I call the customer, agree a payment plan and confirm it in writing."
TYPED = ("I reconcile the accounts every week and work the aging report, so overdue "
         "invoices are chased early.")


def test_a_failed_save_in_the_app_is_kept_and_offered_back(make_window, qtbot, tmp_path,
                                                            artifacts) -> None:
    with HistoryStore() as store:  # a history that opens and reads, with one damaged index
        store.start_session("ar-specialist")
    damage_index(paths.history_db())

    window = make_window(bank_id="ar-specialist", shuffle=False, auto_record=False)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    window.start_screen.start_button.click()
    qtbot.waitUntil(lambda: ctl.session_id is not None, timeout=10000)
    qs.show_typing()
    qs.typed.setPlainText(TYPED)
    with qtbot.waitSignal(ctl.result_shown, timeout=30000) as shown:
        qs.submit_typed.click()
    question = shown.args[0].question
    rs.next_button.click()  # leaving the result saves the attempt
    qtbot.waitUntil(lambda: "history is not saved" in (window.messages.message or "").lower(),
                    timeout=15000)
    message = window.messages.message
    [kept] = (paths.recordings_dir()).glob("*.unsaved.json")
    assert "database disk image is malformed" in message and str(kept) in message
    assert json.loads(kept.read_text())["transcript"]["text"] == TYPED

    # the next answer of the same round is kept too, though history gave up after the first
    qtbot.waitUntil(lambda: window.stack.currentWidget() is qs, timeout=10000)
    qs.show_typing()
    qs.typed.setPlainText(SECOND)
    with qtbot.waitSignal(ctl.result_shown, timeout=30000):
        qs.submit_typed.click()
    rs.next_button.click()
    qtbot.waitUntil(lambda: len(list(paths.recordings_dir().glob("*.unsaved.json"))) == 2,
                    timeout=15000)
    window.controller.shutdown()
    window.jobs.wait(20000)
    window.close()

    shutil.move(paths.history_db(), tmp_path / "damaged.sqlite3")  # as the message advises
    again = make_window(auto_record=False)
    start, ctl = again.start_screen, again.controller
    qtbot.waitUntil(start.recover_button.isVisible, timeout=10000)
    assert start.orphan_note.text().startswith("2 ")

    seen = {}

    def pick_it() -> None:  # inside the dialog, as a person would click
        dialog = again.orphan_dialog
        seen["rows"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.list.setCurrentRow(next(i for i in range(dialog.list.count())  # the first one
                                       if dialog.list.item(i).toolTip() == str(kept)))
        seen["chosen"] = dialog.chosen()
        dialog.score_button.click()

    QTimer.singleShot(0, pick_it)
    with qtbot.waitSignal(ctl.result_shown, timeout=60000) as shown:
        qtbot.keyClick(start, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert all("typed, not saved" in row for row in seen["rows"]) and len(seen["rows"]) == 2
    assert seen["chosen"] == (kept, question)
    attempt = shown.args[0]
    assert attempt.transcript.text == TYPED and attempt.question == question

    again.start_action.trigger()  # leaving the result saves it
    qtbot.waitUntil(lambda: attempt.history_id is not None, timeout=10000)
    with HistoryStore() as store:
        assert store.attempt(attempt.history_id).transcript.text == TYPED
        left = find_orphans(store, load_library())  # offered once, then gone
    assert not kept.exists() and len(left) == 1 and left[0].unsaved.transcript.text == SECOND


def test_kill_or_logout_saves_the_answer_on_screen(make_window, qtbot) -> None:
    """SIGTERM (a logout, `kill`) while a scored answer is on screen, before the candidate
    moved on: the window closes as Quit would, and the attempt is in history."""
    import os
    import signal

    from interviewer.ui.quit_signals import close_on_signals

    window = make_window(bank_id="ar-specialist", shuffle=False, auto_record=False)
    restore = close_on_signals(window)
    try:
        ctl, qs = window.controller, window.question_screen
        qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
        qtbot.keyClick(qs, Qt.Key.Key_T)
        qtbot.keyClicks(qs.typed, TYPED)
        with qtbot.waitSignal(ctl.result_shown, timeout=30000):
            qtbot.keyClick(qs.typed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        with HistoryStore() as store:
            assert store.attempts() == []  # kept on screen for a rating or a correction
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    finally:
        restore()
    with HistoryStore() as store:
        [attempt] = store.attempts()
    assert attempt.transcript.text == TYPED
