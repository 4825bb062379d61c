"""A microphone that delivers only silence (as after a refused permission): the app says in
words what to open, while the recording goes on; real speech raises no such warning."""

from __future__ import annotations

from interviewer import settings as settings_store
from interviewer.banks import load_library
from tests.ui.recordings import DASHWOOD
from ui.answer_capture import AnswerCapture
from ui.audio_in import MicrophoneInput
from ui.jobs import Jobs
from ui.main_window import MainWindow


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
