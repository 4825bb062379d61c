"""The real Qt capture path: QAudioSource on a real PulseAudio server, a recording played in."""

from __future__ import annotations

from interviewer.ui.answer_capture import AnswerCapture
from interviewer.ui.audio_in import MicrophoneInput, find_microphone, microphones
from interviewer.ui.jobs import Jobs
from tests.ui.recordings import DASHWOOD


def test_qaudiosource_captures_a_recording_played_into_the_microphone(qtbot, pulse_server,
                                                                     tmp_path) -> None:
    names = [d.description() for d in microphones()]
    assert names, "Qt sees no audio input on the test sound server"
    mic = MicrophoneInput()
    capture = AnswerCapture(Jobs(), mic, tmp_path / "answer.wav", engine="sphinx")
    partials: list[str] = []
    levels: list[int] = []
    capture.partial.connect(partials.append)
    capture.level.connect(levels.append)
    capture.start()
    assert mic.active, names
    assert "vmic" in mic.description.lower() or find_microphone().description() == \
        mic.description
    qtbot.wait(300)
    player = pulse_server.play_into_mic(DASHWOOD)
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
    assert player.returncode == 0
    qtbot.wait(700)
    with qtbot.waitSignal(capture.done, timeout=60000) as got:
        capture.stop("key")
    result = got.args[0]
    words = set(result.transcript.text.split())
    assert {"john", "dashwood", "consider", "power"} & words, result.transcript.text
    assert len({"and", "had", "then", "to", "how", "much", "there", "might", "be", "in", "his",
                "for", "them"} & words) >= 6, result.transcript.text
    assert result.stopped_by == "key" and 7.0 <= result.seconds <= 20.0
    assert partials and max(levels) > 50
