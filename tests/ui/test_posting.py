"""App > Practise for a job posting…: a posting pasted from the clipboard becomes a mock
interview in the real window; one answer goes through the audio path; the report names
the job."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer.history import HistoryStore
from interviewer.posting.store import saved_postings
from tests.interviewer.posting.postings import HERE
from tests.ui.conftest import shot
from tests.ui.file_dialog import answer_file_dialog
from tests.ui.recordings import DASHWOOD, pcm_of

JOB = "Patient Billing Coordinator at Riverbend Family Health Clinics"


def test_pasted_posting_becomes_a_mock_interview(make_window, qtbot, pulse_server, artifacts,
                                                 tmp_path) -> None:
    window = make_window([pcm_of(DASHWOOD)], speak_questions=True, auto_record=False,
                         speed=2.0)
    ctl, qs = window.controller, window.question_screen
    posting = (HERE / "billing_coordinator_healthcare.txt").read_text(encoding="utf-8")
    QApplication.clipboard().setText(posting)

    # App > Practise for a job posting… (Ctrl+J), then Paste from the clipboard
    assert window.posting_action.text() == "Practise for a job posting…"
    assert window.posting_action in window.menuBar().actions()[0].menu().actions()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "posting_dialog", None) is not None
                    and window.posting_dialog.isVisible(), timeout=5000)
    dialog = window.posting_dialog
    assert not dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=20000)
    preview = dialog.preview.toPlainText()
    assert f"Job: {JOB}" in preview and "chosen for: " in preview
    assert "The role involves reviewing claim rejections and denials" in preview
    assert dialog.status.text().startswith(f"{JOB}: 12 questions, 100%")
    shot(dialog, artifacts, "20-posting-dialog")

    # Start the interview: the posting's questions, opening first, closing last
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctl.round is not None, timeout=10000)
    session = ctl.posting
    assert ctl.round.mode == "mock" and ctl.round.questions == session.questions
    assert ctl.round.questions[0].id == "general/tell-me-about-yourself"
    assert ctl.round.questions[-1].id == "general/questions-for-us"
    assert window.stack.currentWidget() is qs and qs.question.text() == \
        "Tell me a little about yourself."

    # the question is spoken on the sound server; Space records the answer once it is heard
    with qtbot.waitSignal(ctl.voice.finished, timeout=60000):
        pass
    window.activateWindow()  # the closed dialog hands the keyboard back, as for a person
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(qs, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ctl.capture is not None, timeout=5000)
    qtbot.waitUntil(lambda: qs.level.value() > 0, timeout=60000)
    shot(window, artifacts, "21-posting-recording")
    qtbot.waitUntil(lambda: ctl.round.index == 1, timeout=180000)
    [attempt] = ctl.round.attempts_for("general/tell-me-about-yourself")
    assert attempt.transcript.engine == "whisper" and "dashwood" in attempt.transcript.text.lower()
    assert "Epic" in session.vocabulary_text()

    # End the interview, save the report from the summary: it names the job
    with qtbot.waitSignal(ctl.round_finished, timeout=30000):
        qtbot.keyClick(qs, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    summary = window.summary_screen
    assert summary.title.text() == f"Mock interview complete: {JOB}"
    qtbot.waitUntil(summary.report_button.isEnabled, timeout=10000)
    report = tmp_path / "posting-report.md"
    answer_file_dialog(report)
    qtbot.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Saved the session report" in window.messages.message,
                    timeout=30000)
    text = report.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# Practice report: Job posting: {JOB}, session 1"
    assert "Tell me a little about yourself." in text
    shot(window, artifacts, "22-posting-summary")
    [saved] = saved_postings()
    assert saved.name == JOB and saved.bank_id == session.bank_id
    with HistoryStore() as store:
        assert [s.bank_id for s in store.sessions()] == [session.bank_id]

    # History names the job beside each answer given for it
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(summary, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "history_window", None) is not None
                    and window.history_window.tree.topLevelItemCount() > 1, timeout=10000)
    history = window.history_window
    answer = history.tree.topLevelItem(1).child(0)
    assert answer.text(0).endswith(f"· {JOB}") and JOB in answer.toolTip(0)
    shot(history, artifacts, "23-posting-in-history")
    history.close()


def test_the_dialog_says_what_is_wrong_and_opens_a_pdf(make_window, qtbot, tmp_path,
                                                         artifacts) -> None:
    from interviewer.ui.help_dialog import SHORTCUTS
    from tests.interviewer.posting.pdf_pages import write_pdf

    window = make_window()
    assert ("Ctrl+J", "Anywhere") in {row[:2] for row in SHORTCUTS}
    assert window.posting_action.shortcut().toString() == "Ctrl+J"
    window.posting_action.trigger()
    dialog = window.posting_dialog
    QApplication.clipboard().setText("")
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is empty" in dialog.status.text(), timeout=10000)
    assert dialog.status.text() == ("The pasted posting is empty: there is no posting text in "
                                    "it.\nCopy the whole posting from the job board and try "
                                    "again.")
    assert not dialog.start_button.isEnabled()
    QApplication.clipboard().setText("Wir suchen eine Buchhalterin. Ihre Aufgaben:\n- Sie "
                                     "buchen die Zahlungseingänge und pflegen die Konten\n")
    qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "English" in dialog.status.text(), timeout=10000)
    assert "does not seem to be in English" in dialog.status.text()
    shot(dialog, artifacts, "24-posting-not-english")

    lines = (HERE / "ar_specialist_manufacturer.md").read_text(encoding="utf-8").splitlines()
    pdf = write_pdf(lines, tmp_path / "specialist.pdf")
    answer_file_dialog(pdf)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=20000)
    assert dialog.status.text().startswith(
        "Accounts Receivable Specialist at Halvorsen Pump & Valve: 8 questions, 100%")
    assert "Reconcile daily lockbox deposits" in dialog.posting_text.toPlainText()
    assert not dialog.earlier.isEnabled()  # nothing practised yet
    dialog.reject()

    # once practised, the posting is offered again, with the same interview
    from interviewer.posting.store import save_posting

    first = dialog.session
    save_posting(first)
    window.posting_action.trigger()
    again = window.posting_dialog
    qtbot.waitUntil(again.earlier.isEnabled, timeout=10000)
    assert again.earlier.itemText(1) == first.posting.name
    again.earlier.setFocus()
    qtbot.keyClick(again.earlier, Qt.Key.Key_Down)  # as a person picks it by keyboard
    qtbot.waitUntil(again.start_button.isEnabled, timeout=20000)
    assert [q.id for q in again.session.questions] == [q.id for q in first.questions]
    again.reject()
