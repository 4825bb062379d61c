"""The microphone vanishing mid-answer: a clear message, and what was recorded is kept.

A real device cannot be pulled on CI: PulseAudio moves a stream whose source is
unloaded to another source (tried: `pactl unload-module` of the virtual microphone
keeps the capture running). So the loss is raised through the AudioInput interface
exactly as MicrophoneInput raises it, on top of a real recording.
"""

from __future__ import annotations

import wave

from interviewer.ui.answer_capture import AnswerCapture
from interviewer.ui.audio_in import FileAudioInput, _vanished
from interviewer.ui.jobs import Jobs
from tests.ui.recordings import DASHWOOD, pcm_of


class LostAfter(FileAudioInput):
    """A real recording whose 'device' disappears after `seconds`."""

    def __init__(self, pcm: bytes, seconds: float) -> None:
        super().__init__(pcm, "USB headset", speed=2.0)
        self.limit = seconds

    def _tick(self) -> None:
        super()._tick()
        if self.active and self._sent / 32000 >= self.limit:
            self._timer.stop()
            self.failed.emit(_vanished(self.description))
            self.ended.emit()


def test_device_vanishing_keeps_the_recording(qtbot, tmp_path) -> None:
    wav = tmp_path / "answer.wav"
    capture = AnswerCapture(Jobs(), LostAfter(pcm_of(DASHWOOD), 3.0), wav, engine="sphinx")
    problems: list = []
    capture.problem.connect(problems.append)
    with qtbot.waitSignal(capture.done, timeout=60000) as got:
        capture.start()
    result = got.args[0]
    assert result.stopped_by == "device"
    assert result.error.message == ("the microphone 'USB headset' stopped working during "
                                    "the answer")
    assert "what was recorded is kept" in result.error.hint
    assert problems and problems[0] is result.error
    assert result.audio_path == wav
    with wave.open(str(wav)) as w:
        assert w.getframerate() == 16000 and 3.0 <= w.getnframes() / 16000 < 4.0
    assert result.transcript is not None and result.transcript.text


def test_app_shows_the_loss_and_keeps_the_answer(make_window, qtbot) -> None:
    window = make_window(bank_id="ar-specialist", auto_record=False)
    window.start_screen.start_button.click()
    ctl = window.controller
    ctl.start_recording(LostAfter(pcm_of(DASHWOOD), 2.0))
    qtbot.waitUntil(lambda: ctl.capture is None, timeout=60000)
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=10000)
    assert "stopped working during the answer" in window.messages.message
    qtbot.waitUntil(lambda: bool(ctl.round.attempts_for(ctl.round.current.id)), timeout=30000)
    attempt = ctl.round.attempts_for(ctl.round.current.id)[0]
    assert attempt.audio_path.is_file() and attempt.transcript.duration >= 1.5
