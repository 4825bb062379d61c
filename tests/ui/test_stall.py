"""The UI thread never does the slow work of an answer: opening the recognizer, feeding
and finishing it, writing the recording, scoring and saving all run on a lane.

A 60 s answer (real recordings end to end) goes through the real window. Every slow
call records the thread it ran on; none may be the UI thread. The longest gap in the
UI's event loop is printed for the reader, not asserted: wall-clock bounds belong in
benchmarks/ui_stall.py, where a loaded machine cannot turn them into a false failure.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from interviewer.history import HistoryStore
from interviewer.practice.answer_pipe import AnswerPipe
from interviewer.ui import round_controller, services
from tests.ui.recordings import long_answer


class ThreadLog:
    """Wraps slow functions so each call notes whether it ran on the UI thread."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.calls: Counter[str] = Counter()
        self.on_ui_thread: Counter[str] = Counter()

    def watch(self, owner: Any, name: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)
        label = f"{owner.__name__.rsplit('.', 1)[-1]}.{name}"

        def watched(*args: Any, **kwargs: Any) -> Any:
            self.calls[label] += 1
            if threading.current_thread() is threading.main_thread():
                self.on_ui_thread[label] += 1
            return original(*args, **kwargs)

        self.monkeypatch.setattr(owner, name, watched)


SLOW = [(services, "load_recognizer"), (services, "recording_writer"),
        (round_controller, "score_attempt"), (round_controller, "read_pcm"),
        (AnswerPipe, "open"), (AnswerPipe, "feed"),
        (AnswerPipe, "finish"), (HistoryStore, "add_attempt"),
        (HistoryStore, "record_review")]


def test_no_slow_work_on_the_ui_thread_during_a_60s_answer(make_window, qtbot,
                                                            monkeypatch) -> None:
    log = ThreadLog(monkeypatch)
    for owner, name in SLOW:
        log.watch(owner, name)
    window = make_window([long_answer(60.0)], speed=2.0, bank_id="ar-specialist",
                         auto_record=False, time_limit_s=600)
    ctl = window.controller
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    window.start_screen.start_button.click()
    timer.start()
    last[0] = time.perf_counter()
    ctl.start_recording()
    with qtbot.waitSignal(ctl.result_shown, timeout=240000) as got:
        pass
    timer.stop()
    with qtbot.waitSignal(ctl.history.attempt_saved, timeout=30000):
        ctl.next_question()

    attempt = got.args[0]
    assert attempt.transcript.duration >= 55.0, attempt.transcript.duration
    assert len(attempt.transcript.text.split()) > 60
    print(f"\nUI heartbeats: {len(gaps)}, longest gap {max(gaps) * 1000:.0f} ms over "
          f"{attempt.transcript.duration:.0f} s of speech; calls watched: {dict(log.calls)}")
    assert not log.on_ui_thread, f"slow work ran on the UI thread: {dict(log.on_ui_thread)}"
    assert log.calls["AnswerPipe.feed"] > 10  # fed as the audio arrives, not once at the end
    for label in ("services.load_recognizer", "services.recording_writer",
                  "round_controller.score_attempt", "AnswerPipe.finish",
                  "HistoryStore.add_attempt"):
        assert log.calls[label] >= 1, f"{label} was never called: the test watches the wrong thing"
