"""The whole practice flow on the real window, driven by the keyboard alone.

The question is synthesised and played on a real (virtual) sound card; the answer is a
real human recording fed through the same AudioInput interface as the microphone, into
the real recognizer; scoring is the real analysis.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import shot
from tests.ui.recordings import DASHWOOD, pcm_of

TYPED = ("I work the aging report every week, reconcile customer accounts, and follow up "
         "on past due balances with sales and billing. Last year that cut past due to 8%.")


def test_practice_round_by_keyboard(make_window, qtbot, pulse_server, artifacts) -> None:
    window = make_window([pcm_of(DASHWOOD)], speak_questions=True, auto_record=True,
                         bank_id="ar-specialist", shuffle=False)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    assert window.stack.currentWidget() is window.start_screen
    shot(window, artifacts, "01-start")

    spoken: list[str] = []
    ctl.voice.started.connect(lambda: spoken.append("started"))
    ctl.voice.finished.connect(lambda: spoken.append("finished"))
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is qs
    first = ctl.round.current
    assert qs.question.text() == first.text
    shot(window, artifacts, "02-question")

    # the question is heard out, then recording starts by itself
    with qtbot.waitSignal(ctl.recording_started, timeout=60000):
        pass
    assert spoken == ["started", "finished"]
    qtbot.waitUntil(lambda: len(qs.live.toPlainText().split()) >= 5, timeout=20000)
    assert qs.engine.text().startswith("Transcribing with: sphinx")
    assert qs.level.value() > 0
    shot(window, artifacts, "03-recording")

    with qtbot.waitSignal(ctl.result_shown, timeout=60000) as got:
        pass
    attempt = got.args[0]
    assert window.stack.currentWidget() is rs
    words = set(attempt.transcript.text.split())
    assert len({"and", "john", "dashwood", "had", "then", "leisure", "to", "consider", "how",
                "much", "there", "might", "be", "in", "his", "power", "for", "them"} & words
               ) >= 10, attempt.transcript.text
    assert (attempt.transcript.engine, attempt.transcript.live_engine) == ("whisper", "sphinx")
    assert attempt.feedback is not None and attempt.number == 1
    details = rs.details.toPlainText()
    for line in ("Pace: ", "words per minute", "Fillers: ", "Pauses over 2 s: ",
                 "Hesitations", "STAR structure", "Tips"):
        assert line in details, details
    assert not rs.sample_revealed

    # S reveals the sample with the missed key points highlighted
    qtbot.keyClick(rs, Qt.Key.Key_S)
    assert rs.sample_revealed
    assert "#ffd9a0" in rs.sample_view.toHtml()  # amber: missed points in the sample
    assert "Missed: " in rs.points.accessibleDescription()
    assert "✘</span> <b>Missed:</b>" in rs.points.text()  # a red cross on the checklist

    # P plays the candidate's own recording; H has the interviewer read the sample
    assert attempt.audio_path is not None and attempt.audio_path.is_file()
    qtbot.keyClick(rs, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: ctl._playback is not None and ctl._playback.is_playing(),
                    timeout=10000)
    ctl._playback.stop()
    with qtbot.waitSignal(ctl.voice.started, timeout=60000):
        qtbot.keyClick(rs, Qt.Key.Key_H)
    ctl.voice.stop()

    # E corrects a misheard transcript; Ctrl+Enter rescores the corrected text
    qtbot.keyClick(rs, Qt.Key.Key_E)
    assert rs.answer_edit.isVisible()
    rs.answer_edit.selectAll()
    qtbot.keyClicks(rs.answer_edit, "I reconcile accounts and work the aging report.")
    with qtbot.waitSignal(ctl.result_shown, timeout=30000):
        qtbot.keyClick(rs.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert attempt.corrected_text == "I reconcile accounts and work the aging report."
    assert attempt.feedback.coverage > 0 and "(heard by whisper, corrected)" in rs.summary.text()
    assert "#bfeccb" in rs.answer_view.toHtml()

    # Ctrl+Z retries the same question; this time the candidate types the answer
    qtbot.keyClick(rs, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is qs and ctl.round.current is first
    ctl.voice.stop()
    qtbot.waitUntil(lambda: not ctl.voice.speaking, timeout=5000)
    qtbot.keyClick(qs, Qt.Key.Key_T)
    assert qs.typed.hasFocus()
    qtbot.keyClicks(qs.typed, TYPED)
    with qtbot.waitSignal(ctl.result_shown, timeout=30000) as got:
        qtbot.keyClick(qs.typed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    second = got.args[0]
    assert second.number == 2 and second.transcript.engine == "typed"
    assert ctl.round.attempts_for(first.id) == [attempt, second]
    assert second.feedback.coverage >= attempt.feedback.coverage
    assert rs.compare.isVisible() and "Compared with attempt 1" in rs.compare.text()
    assert "#bfeccb" in rs.answer_view.toHtml()  # green: key points hit in the answer
    qtbot.keyClick(rs, Qt.Key.Key_S)
    assert "#bfeccb" in rs.sample_view.toHtml()
    shot(window, artifacts, "04-result")

    # N goes on to the next question
    qtbot.keyClick(rs, Qt.Key.Key_N)
    assert window.stack.currentWidget() is qs
    assert ctl.round.current is not first and ctl.round.index == 1
