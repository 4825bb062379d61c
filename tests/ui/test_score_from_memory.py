"""The app scores a spoken answer from the audio it heard, not from the WAV read back: the
recording is removed the moment the capture closes it, and the score still counts the
answer's hesitations, which only the audio can give."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from interviewer.practice import Answer
from interviewer.practice.answer_pipe import AnswerPipe
from tests.ui.recordings import DASHWOOD, pcm_of


def test_a_recording_removed_before_scoring_still_scores_from_memory(
        make_window, qtbot, monkeypatch) -> None:
    removed: list[Path] = []
    finish = AnswerPipe.finish

    def finish_then_remove(pipe: AnswerPipe) -> Answer:
        answer = finish(pipe)
        if answer.audio_path is not None:
            answer.audio_path.unlink()  # gone before the flow scores the answer
            removed.append(answer.audio_path)
        return answer

    monkeypatch.setattr(AnswerPipe, "finish", finish_then_remove)
    window = make_window([pcm_of(DASHWOOD)], speed=4.0, bank_id="ar-collector",
                         shuffle=False, auto_record=False, engine="sphinx")
    ctl, qs = window.controller, window.question_screen
    qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
    with qtbot.waitSignal(ctl.result_shown, timeout=120000) as shown:
        qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)  # record; the file ends it
    attempt = shown.args[0]
    assert removed and attempt.audio_path == removed[0] and not removed[0].exists()
    assert attempt.transcript.text and attempt.feedback is not None
    delivery = attempt.feedback.delivery
    assert delivery is not None and delivery.hesitations is not None  # the audio was there
