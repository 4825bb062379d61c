"""Records what reaches the virtual speaker of the test PulseAudio server (tests/audio_server.py).

Proof that sound really went out: a test starts a tap, plays, and counts loud samples.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import numpy as np

from tests.audio_server import SPEAKER_SINK

RATE = 16000


class SpeakerTap:
    def __init__(self, out: Path) -> None:
        self.out = out
        self._handle = out.open("wb")
        self._proc = subprocess.Popen(
            ["parec", "-d", f"{SPEAKER_SINK}.monitor", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=20"], stdout=self._handle)

    def stop(self) -> np.ndarray:
        """Stop recording; the samples heard, 16 kHz mono."""
        time.sleep(0.3)
        self._proc.terminate()
        self._proc.wait(timeout=10)
        self._handle.close()
        return np.frombuffer(self.out.read_bytes(), dtype="<i2")

    def loud_seconds(self) -> float:
        heard = self.stop()
        return float((np.abs(heard.astype(np.int32)) > 1000).sum()) / RATE
