"""No microphone at all (no sound server): a clear message, and the other ways to answer."""

from __future__ import annotations

import os
import subprocess
import sys

from interviewer import paths
from tests.conftest import REPO
from tests.ui.recordings import NOT_ILL
from tests.ui.recordings import pcm_of as pcm_of_file

SCRIPT = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from interviewer.ui.audio_in import MicrophoneInput, microphones
mic = MicrophoneInput()
errors = []
mic.failed.connect(errors.append)
mic.start()
print(len(microphones()), "|", errors[0].message, "|", errors[0].hint)
"""


def test_no_device_is_a_clear_message(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    env.update(XDG_RUNTIME_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen",
               PULSE_SERVER="unix:/nonexistent", PULSE_RUNTIME_PATH=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    count, message, hint = (part.strip() for part in result.stdout.strip().split("|"))
    assert count == "0" and message == "no microphone found"
    assert "type your answer" in hint and "load an audio file" in hint


def test_loading_an_audio_file_instead(make_window, qtbot) -> None:
    window = make_window(bank_id="ar-specialist", auto_record=False)
    window.start_screen.start_button.click()
    ctl = window.controller
    with qtbot.waitSignal(ctl.result_shown, timeout=60000) as got:
        ctl.load_file(NOT_ILL)
    attempt = got.args[0]
    assert "young man" in attempt.transcript.text
    assert attempt.audio_path is not None and attempt.audio_path.is_file()


def test_no_recognizer_keeps_the_recording_and_offers_typing(make_window, qtbot,
                                                             tmp_path) -> None:
    from tests.ui.recordings import NOT_ILL as RECORDING

    window = make_window([pcm_of_file(RECORDING)], bank_id="ar-specialist",
                         auto_record=False, engine="vosk",
                         model_path=str(tmp_path / "no-such-model"))
    window.start_screen.start_button.click()
    ctl, qs = window.controller, window.question_screen
    ctl.start_recording()
    qtbot.waitUntil(lambda: qs.engine.text() != "", timeout=30000)
    assert "no recognizer" in qs.engine.text()
    qtbot.waitUntil(lambda: ctl.capture is None, timeout=30000)
    assert qs.typed.isVisible()
    recordings = list(paths.recordings_dir().glob("*.wav"))
    assert len(recordings) == 1 and recordings[0].stat().st_size > 32000
    assert "type it instead" in window.messages.message
    assert "Your recording is kept at" in window.messages.message
