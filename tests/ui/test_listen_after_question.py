"""The app listens only once the interviewer has finished the question (read aloud by the
real TTS into the virtual speaker), and stops the voice when the candidate starts early."""

from __future__ import annotations

from tests.ui.recordings import NOT_ILL, pcm_of


def test_recording_starts_after_the_question_was_heard(make_window, qtbot, pulse_server) -> None:
    window = make_window([pcm_of(NOT_ILL)], bank_id="ar-specialist", shuffle=False,
                         speak_questions=True, auto_record=True)
    ctl = window.controller
    speaking_when_recording: list[bool] = []
    ctl.recording_started.connect(lambda: speaking_when_recording.append(ctl.voice.speaking))
    with qtbot.waitSignal(ctl.voice.started, timeout=60000):
        window.start_screen.start_button.click()
    assert ctl.capture is None  # the question is being read: nothing listens yet
    with qtbot.waitSignal(ctl.recording_started, timeout=60000):
        pass
    assert speaking_when_recording == [False]
    with qtbot.waitSignal(ctl.result_shown, timeout=120000):
        pass


def test_answering_early_silences_the_interviewer(make_window, qtbot, pulse_server) -> None:
    window = make_window([pcm_of(NOT_ILL)], bank_id="ar-specialist", shuffle=False,
                         speak_questions=True, auto_record=False)
    ctl = window.controller
    with qtbot.waitSignal(ctl.voice.started, timeout=60000):
        window.start_screen.start_button.click()
    ctl.toggle_recording()  # Space while the question is still being read
    assert not ctl.voice.speaking and ctl.capture is not None
    with qtbot.waitSignal(ctl.result_shown, timeout=120000):
        pass
