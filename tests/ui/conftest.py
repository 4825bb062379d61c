"""Fixtures for the app's tests: a real main window whose microphone is a real recording."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from interviewer import settings as settings_store
from interviewer.banks import load_library
from interviewer.ui.audio_in import FileAudioInput
from interviewer.ui.jobs import Jobs
from interviewer.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _sound_server(request: pytest.FixtureRequest) -> None:
    """Every app test runs with the real (virtual) sound server when any test of the run
    needs it: Qt reads the audio server once per process, so it must be up before any
    test touches Qt multimedia. The quick loop (-m "not slow") starts none."""
    from tests.conftest import AUDIO_SERVER_WANTED

    if request.config.stash.get(AUDIO_SERVER_WANTED, True):
        request.getfixturevalue("pulse_server")


@pytest.fixture
def make_window(qtbot) -> Callable[..., MainWindow]:
    """Build the real window; answers come from `answers` (PCM, one per recording started)."""
    made: list[MainWindow] = []

    def build(answers: list[bytes] | None = None, speed: float = 1.0,
              **overrides: object) -> MainWindow:
        s = settings_store.load()
        s.speak_questions = False
        s.silence_stop_s = 0.0
        # The first question is drawn at random; a behavioral one would be probed in
        # practice and the round would wait on the probe. Tests of practice probes ask.
        s.probe_practice = False
        for key, value in overrides.items():
            setattr(s, key, value)
        queue = list(answers or [])
        window = MainWindow(Jobs(), s, load_library(),
                            input_factory=lambda _s: FileAudioInput(queue.pop(0), "test",
                                                                    speed=speed))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        # shortcuts only reach an active window, as for a person at the keyboard
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        made.append(window)
        return window

    yield build
    for window in made:
        window.controller.shutdown()
        window.jobs.wait(20000)


def shot(widget, artifacts: Path, name: str) -> Path:
    """Save what a person would see, for the reviewer to look at."""
    path = artifacts / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
