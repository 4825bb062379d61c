"""A microphone that delivers only silence (as after a refused permission): the app says in
words what to open, while the recording goes on; real speech raises no such warning."""

from __future__ import annotations

from interviewer import settings as settings_store
from interviewer.banks import load_library
from interviewer.ui.answer_capture import AnswerCapture
from interviewer.ui.audio_in import MicrophoneInput
from interviewer.ui.jobs import Jobs
from interviewer.ui.main_window import MainWindow
from tests.ui.recordings import DASHWOOD


def test_silent_microphone_shows_what_to_do(qtbot, pulse_server) -> None:
    """The test sound server's microphone with nothing played into it sends zeros."""
    s = settings_store.load()
    s.speak_questions = False
    s.silence_stop_s = 0.0
    window = MainWindow(Jobs(), s, load_library())  # the real microphone, not a file
    qtbot.addWidget(window)
    window.show()
    try:
        window.start_screen.start_button.click()
        qtbot.waitUntil(lambda: window.controller._recording(), timeout=10000)
        qtbot.waitUntil(lambda: "No sound is coming" in window.messages.message, timeout=10000)
        assert "pavucontrol" in window.messages.message  # Linux: where to check the input
        assert window.controller._recording()  # a warning, not the end of the answer
        window.controller.capture.stop("key")
        qtbot.waitUntil(lambda: not window.controller._recording(), timeout=30000)
    finally:
        window.controller.shutdown()
        window.jobs.wait(20000)


def test_speech_into_the_microphone_raises_no_warning(qtbot, pulse_server, tmp_path) -> None:
    mic = MicrophoneInput()
    capture = AnswerCapture(Jobs(), mic, tmp_path / "answer.wav", engine="sphinx")
    problems: list[object] = []
    capture.problem.connect(problems.append)
    capture.start()
    player = pulse_server.play_into_mic(DASHWOOD)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
    with qtbot.waitSignal(capture.done, timeout=60000):
        capture.stop("key")
    assert problems == []


def test_warning_clears_when_sound_arrives_and_stays_off_other_screens(
        qtbot, pulse_server) -> None:
    """Silence first (the warning), then speech from the audio server: the warning goes by
    itself while recording; the status line ends with how the answer ended."""
    s = settings_store.load()
    s.speak_questions = False
    s.silence_stop_s = 0.0
    window = MainWindow(Jobs(), s, load_library())
    qtbot.addWidget(window)
    window.show()
    try:
        window.start_screen.start_button.click()
        qtbot.waitUntil(lambda: window.controller._recording(), timeout=10000)
        qtbot.waitUntil(lambda: "No sound is coming" in window.messages.message, timeout=10000)
        player = pulse_server.play_into_mic(DASHWOOD)
        qtbot.waitUntil(lambda: "No sound is coming" not in window.messages.message,
                        timeout=10000)
        assert window.controller._recording()  # cleared while the answer goes on
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
        window.controller.capture.stop("key")
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.result_screen,
                        timeout=60000)
        assert "finishing" not in window.question_screen.engine.text()
        assert "No sound" not in window.messages.problems
    finally:
        window.controller.shutdown()
        window.jobs.wait(20000)


def test_warning_stays_with_the_question_screen(qtbot, pulse_server) -> None:
    """A silent answer: the warning shows on the question screen and is gone on the
    result screen, and a note never shares its red box."""
    s = settings_store.load()
    s.speak_questions = False
    s.silence_stop_s = 0.0
    window = MainWindow(Jobs(), s, load_library())
    qtbot.addWidget(window)
    window.show()
    try:
        window.start_screen.start_button.click()
        qtbot.waitUntil(lambda: window.controller._recording(), timeout=10000)
        qtbot.waitUntil(lambda: "No sound is coming" in window.messages.problems,
                        timeout=10000)
        window.messages.show_info("Saved the session report: x.pdf")
        assert "Saved the session report" in window.messages.notes
        assert "Saved the session report" not in window.messages.problems
        window.controller.capture.stop("key")
        qtbot.waitUntil(lambda: not window.controller._recording(), timeout=30000)
        qtbot.waitUntil(lambda: "No words were heard" in window.messages.notes, timeout=30000)
        assert window.question_screen.engine.text().endswith("no words heard, nothing saved")
        window.question_screen.type_button.click()
        window.question_screen.typed.setPlainText(
            "I checked the ledger, found the late invoices and fixed the reminder emails.")
        window.question_screen.submit_typed.click()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.result_screen,
                        timeout=30000)
        assert "No sound" not in window.messages.message
    finally:
        window.controller.shutdown()
        window.jobs.wait(20000)
