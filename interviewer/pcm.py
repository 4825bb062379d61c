"""The audio every part passes around (16 kHz mono signed 16-bit PCM) and the one rule
for "someone is speaking", so the app's meter and silence stop, the terminal's silence
stop and the recognizer's "this recording is silent" all agree.
"""

from __future__ import annotations

import math

import numpy as np

SAMPLE_RATE = 16000
SAMPLE_WIDTH = 2  # bytes: signed 16-bit
BYTES_PER_SECOND = SAMPLE_RATE * SAMPLE_WIDTH
CHUNK_SECONDS = 0.1  # one capture period: microphone, file playback and recognizer feeds
VOICE_DBFS = -33.0  # a chunk peaking above this is someone speaking, not room noise
METER_FLOOR_DBFS = -60.0  # the bottom of the level meter


def peak_dbfs(pcm: bytes) -> float:
    """The loudest sample, in dB below full scale (-inf for digital silence)."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2")
    if samples.size == 0:
        return -math.inf
    peak = int(np.abs(samples.astype(np.int32)).max())
    return 20 * math.log10(peak / 32768.0) if peak else -math.inf


def level(pcm: bytes) -> float:
    """0..1 for a level meter, logarithmic so quiet speech still shows."""
    db = peak_dbfs(pcm)
    return max(0.0, min(1.0, (db - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS))


def is_voice(pcm: bytes) -> bool:
    """Is someone speaking in this chunk (about 100 ms)?"""
    return peak_dbfs(pcm) >= VOICE_DBFS


def has_sound(pcm: bytes) -> bool:
    """Does this recording hold any sound above the meter's floor (-60 dBFS)?

    Deliberately looser than `is_voice`: a quiet microphone's answer may never peak
    above the speaking threshold, and refusing to transcribe it would lose the answer.
    Only a recording that is silent to the meter is called silent."""
    return peak_dbfs(pcm) > METER_FLOOR_DBFS
