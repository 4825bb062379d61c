"""No microphone at all (no sound server): a clear message, and the other ways to answer."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO
from tests.ui.recordings import NOT_ILL

SCRIPT = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.audio_in import MicrophoneInput, microphones
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
