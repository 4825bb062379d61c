"""The Qt player against a real PulseAudio server: it is heard, it reaches its end, it stops."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.ui.audio_out import NO_DEVICE
from interviewer.voices import tts
from tests.conftest import REPO
from tests.speaker_tap import SpeakerTap

LONG_TEXT = ("Tell me about a time you had to collect a large overdue balance from a customer "
             "who kept promising to pay and never did. What did you do, and what happened?")


@pytest.fixture
def player(pulse_server, qtbot):
    """Created after the sound server is up: Qt reads the audio server once per process."""
    from interviewer.ui.audio_out import Player

    made = Player()
    yield made
    made.stop()


def test_playback_is_heard_and_reaches_its_end(player, qtbot, tmp_path: Path) -> None:
    wav = tts.synthesize("Thanks. Next question.")
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    tap = SpeakerTap(tmp_path / "speaker.raw")
    with qtbot.waitSignal(player.started, timeout=10_000):
        assert player.play(wav)
    with qtbot.waitSignal(player.finished, timeout=20_000):
        pass
    heard = tap.loud_seconds()
    assert not player.is_playing()
    assert positions and positions == sorted(positions)
    assert positions[-1] >= 0.8 * player.duration() > 0
    assert heard > 0.1, "the speaker heard (almost) nothing"


def test_playback_can_be_stopped_half_way(player, qtbot) -> None:
    wav = tts.synthesize(LONG_TEXT)
    finished: list[bool] = []
    player.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(player.started, timeout=10_000):
        player.play(wav)
    qtbot.waitUntil(lambda: player.position() >= 1000, timeout=10_000)
    assert player.is_playing()
    length = player.duration()
    with qtbot.waitSignal(player.stopped, timeout=2_000):
        player.stop()
    assert not player.is_playing()
    assert length > 5000 and player.position() < length / 2
    qtbot.wait(1500)  # had it kept going, EndOfMedia would not come before ~length anyway,
    assert finished == []  # but a stop must never be reported as the end


def test_stop_right_after_play_is_a_stop(player, qtbot) -> None:
    wav = tts.synthesize("Thanks. Next question.")
    player.play(wav)
    assert player.is_playing()  # already, before Qt has opened the file
    with qtbot.waitSignal(player.stopped, timeout=2_000):
        player.stop()
    with qtbot.assertNotEmitted(player.finished, wait=3_000):
        pass


def test_replay_after_stop_and_after_the_end_plays_again(player, qtbot) -> None:
    wav = tts.synthesize("Thanks. Next question.")
    with qtbot.waitSignal(player.started, timeout=10_000):
        player.play(wav)
    player.stop()
    with qtbot.waitSignal(player.finished, timeout=20_000):
        player.play(wav)
    with qtbot.waitSignal(player.finished, timeout=20_000):
        player.play(wav)


def test_missing_file_is_an_error_signal_not_a_crash(player, qtbot, tmp_path: Path) -> None:
    with qtbot.waitSignal(player.error, timeout=2_000) as blocker:
        assert not player.play(tmp_path / "gone.wav")
    assert "does not exist" in blocker.args[0]


NO_SERVER_SCRIPT = """
from PySide6.QtCore import QCoreApplication
from interviewer.ui.audio_out import Player
app = QCoreApplication([])
player, messages = Player(), []
player.error.connect(messages.append)
print(player.play(r"{wav}"), player.is_playing(), messages)
"""


def test_no_audio_device_is_a_message_not_a_hang(tmp_path: Path) -> None:
    """In a process of its own: Qt reads the sound server once, and here there is none."""
    wav = tts.synthesize("Hello.")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path / 'none'}",
           "XDG_RUNTIME_DIR": str(runtime), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", NO_SERVER_SCRIPT.format(wav=wav)], env=env,
                          capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False False ['" + NO_DEVICE + "']"


PLAY_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from interviewer.ui.audio_out import Player
player = Player()
player.finished.connect(app.quit)
player.error.connect(lambda message: (print(message), app.exit(1)))
QTimer.singleShot(0, lambda: player.play(sys.argv[1]))
QTimer.singleShot(20000, lambda: app.exit(2))
sys.exit(app.exec())
"""


def test_playback_prints_nothing_to_the_terminal(pulse_server, tmp_path: Path) -> None:
    """FFmpeg's "Input #0, wav, from ..." dump stays out of the terminal the app runs in."""
    wav = tts.synthesize("Thanks. Next question.")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_FFMPEG_DEBUG", None)
    env.pop("QT_LOGGING_RULES", None)
    done = subprocess.run([sys.executable, "-c", PLAY_SCRIPT, str(wav)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Input #0" not in done.stderr and "Stream #0" not in done.stderr, done.stderr
    assert "Using Qt multimedia with FFmpeg" not in done.stderr, done.stderr


def test_a_span_plays_only_that_moment(player, qtbot) -> None:
    """Issue 21: clicking a key point's quote plays the seconds it was said, no more."""
    wav = tts.synthesize(LONG_TEXT)
    positions: list[int] = []
    player.position_changed.connect(positions.append)
    with qtbot.waitSignal(player.stopped, timeout=15_000):
        assert player.play_span(wav, 2.0, 3.0)
    assert not player.is_playing()
    heard = [p for p in positions if p > 0]
    assert heard and min(heard) >= 1700          # it started at the span, not at 0:00
    assert max(positions) <= 3000 + 300 + 400    # and stopped at its end (+ tail, + a tick)
    assert player.duration() > 6000              # the file goes on well past the span
