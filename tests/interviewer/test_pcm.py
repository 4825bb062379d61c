"""One audio format and one "someone is speaking" rule for every part."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer import pcm
from interviewer.speech.audio import is_silent, read_pcm
from tests.interviewer.cli.test_practice_cli import RECORDING


def tone(dbfs: float, seconds: float = 0.1) -> bytes:
    n = int(pcm.SAMPLE_RATE * seconds)
    amplitude = 32767 * 10 ** (dbfs / 20)
    wave = amplitude * np.sin(2 * np.pi * 440 * np.arange(n) / pcm.SAMPLE_RATE)
    return wave.astype("<i2").tobytes()


def test_meter_level_from_silence_to_full_scale() -> None:
    assert pcm.level(b"") == 0.0
    assert pcm.level(np.zeros(1600, "<i2").tobytes()) == 0.0
    assert pcm.level(tone(0.0)) == pytest.approx(1.0, abs=1e-3)
    assert pcm.level(tone(-30.0)) == pytest.approx(0.5, abs=0.01)


def test_voice_is_a_peak_above_the_one_threshold() -> None:
    assert pcm.is_voice(tone(pcm.VOICE_DBFS + 1))
    assert not pcm.is_voice(tone(pcm.VOICE_DBFS - 1))
    assert not pcm.is_voice(b"")


def test_a_quiet_answer_is_not_called_silent() -> None:
    """Speech too quiet for the speaking threshold is still an answer to transcribe;
    only a recording silent to the meter is refused."""
    speech = read_pcm(RECORDING["ill-disposed"])
    assert pcm.has_sound(speech) and not is_silent(speech)
    quiet = tone(pcm.VOICE_DBFS - 6, seconds=2.0)
    assert not pcm.is_voice(quiet) and not is_silent(quiet)
    assert is_silent(tone(pcm.METER_FLOOR_DBFS - 3, seconds=2.0))
    assert is_silent(np.zeros(16000, "<i2").tobytes())
