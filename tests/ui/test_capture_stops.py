"""When recording stops by itself: after silence once the candidate has spoken, at the limit."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from interviewer.ui.answer_capture import AnswerCapture
from interviewer.ui.audio_in import FileAudioInput
from interviewer.ui.jobs import Jobs
from tests.ui.recordings import DASHWOOD, NOT_ILL, pcm_of

SILENCE = b"\0\0" * 16000 * 6  # six seconds of digital silence after the answer


def _capture(qtbot, tmp_path, pcm: bytes, **limits):
    capture = AnswerCapture(Jobs(), FileAudioInput(pcm, "answer", speed=4.0),
                            tmp_path / "a.wav", engine="sphinx", **limits)
    with qtbot.waitSignal(capture.done, timeout=60000) as got:
        capture.start()
    return got.args[0]


def test_stops_after_silence_once_speech_was_heard(qtbot, tmp_path) -> None:
    speech = pcm_of(NOT_ILL)
    result = _capture(qtbot, tmp_path, b"\0\0" * 16000 * 3 + speech + SILENCE,
                      silence_stop_s=1.5)
    assert result.stopped_by == "silence"
    spoken_until = (16000 * 3 * 2 + len(speech)) / 32000
    assert spoken_until < result.seconds < spoken_until + 2.5
    assert "young" in result.transcript.text


def test_leading_silence_alone_does_not_stop_it(qtbot, tmp_path) -> None:
    result = _capture(qtbot, tmp_path, SILENCE, silence_stop_s=1.0)
    assert result.stopped_by == "end" and result.seconds == len(SILENCE) / 32000


def test_stops_at_the_time_limit(qtbot, tmp_path) -> None:
    result = _capture(qtbot, tmp_path, pcm_of(DASHWOOD), time_limit_s=3)
    assert result.stopped_by == "limit" and 3.0 <= result.seconds <= 3.1


def test_a_held_up_event_loop_still_gets_period_sized_chunks(qtbot) -> None:
    """A busy machine delays the timer; the audio that fell due comes in 100 ms pieces."""
    source = FileAudioInput(pcm_of(DASHWOOD), "answer", speed=4.0)
    sizes: list[int] = []
    source.chunk.connect(lambda pcm: sizes.append(len(pcm)))
    QTimer.singleShot(200, lambda: time.sleep(1.0))  # the event loop stalls for a second
    with qtbot.waitSignal(source.ended, timeout=60000):
        source.start()
    assert sum(sizes) == len(pcm_of(DASHWOOD)) // 2 * 2
    assert max(sizes) <= 3200  # 0.1 s of 16 kHz 16-bit mono
    assert len(sizes) >= sum(sizes) // 3200  # the stall's 4 s of audio came as ~40 chunks
