"""Microphone capture through a real PulseAudio server: a real recording played into the mic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile

from interviewer.capture.microphone import open_microphone, record
from interviewer.pcm import SAMPLE_RATE, level
from tests.conftest import REPO

LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
SPEECH = LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0880.wav"  # "he was not an ill..."


def best_correlation(captured: np.ndarray, source: np.ndarray) -> float:
    """Peak normalised cross-correlation: 1.0 when the capture is the source, shifted."""
    a = (captured - captured.mean()) / (captured.std() or 1.0)
    b = (source - source.mean()) / (source.std() or 1.0)
    size = 1 << int(np.ceil(np.log2(len(a) + len(b))))
    corr = np.fft.irfft(np.fft.rfft(a, size) * np.conj(np.fft.rfft(b, size)), size)
    return float(corr.max() / len(b))


def test_captures_a_recording_played_into_the_microphone(pulse_server) -> None:
    source, rate = soundfile.read(SPEECH, dtype="int16")
    assert rate == SAMPLE_RATE
    chunks: list[tuple[int, float]] = []
    with open_microphone() as mic:
        player = pulse_server.play_into_mic(SPEECH)
        try:
            pcm = record(mic, should_stop=lambda: False, max_seconds=8.0,
                         on_chunk=lambda c, t: chunks.append((len(c), level(c))),
                         silence_stop=1.0)
        finally:
            player.wait(timeout=20)
    captured = np.frombuffer(pcm, "<i2").astype(np.float64)
    seconds = len(captured) / SAMPLE_RATE
    assert 3.0 <= seconds < 8.0  # the whole recording, then stopped by the silence after it
    sizes = sorted(n for n, _ in chunks)
    assert abs(sizes[len(sizes) // 2] - SAMPLE_RATE * 0.1 * 2) <= 64  # about 0.1 s each
    assert max(level for _, level in chunks) > 0.05
    assert best_correlation(captured, source.astype(np.float64)) > 0.9


def test_no_audio_server_is_a_clear_no_microphone_error(tmp_path) -> None:
    env = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path / 'none'}",
           "XDG_RUNTIME_DIR": str(tmp_path)}
    code = ("from interviewer.capture.microphone import NoMicrophoneError, open_microphone\n"
            "try:\n    open_microphone()\n"
            "except NoMicrophoneError as e:\n    print('NO-MIC', e.hint)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "NO-MIC no microphone: answers will be typed" in out.stdout
