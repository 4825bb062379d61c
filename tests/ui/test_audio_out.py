"""The Qt player against a real PulseAudio server: it is heard, it reaches its end, it stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.speaker_tap import SpeakerTap
from voices import tts

LONG_TEXT = ("Tell me about a time you had to collect a large overdue balance from a customer "
             "who kept promising to pay and never did. What did you do, and what happened?")


@pytest.fixture
def player(pulse_server, qtbot):
    """Created after the sound server is up: Qt reads the audio server once per process."""
    from ui.audio_out import Player

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


def test_replay_after_stop_plays_again(player, qtbot) -> None:
    wav = tts.synthesize("Thanks. Next question.")
    with qtbot.waitSignal(player.started, timeout=10_000):
        player.play(wav)
    player.stop()
    with qtbot.waitSignal(player.finished, timeout=20_000):
        player.play(wav)


def test_missing_file_is_an_error_signal_not_a_crash(player, qtbot, tmp_path: Path) -> None:
    with qtbot.waitSignal(player.error, timeout=2_000) as blocker:
        assert not player.play(tmp_path / "gone.wav")
    assert "does not exist" in blocker.args[0]
