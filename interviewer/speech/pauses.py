"""Where a running answer pauses: the places to cut it into stretches, and where the voice is.

Both passes need this. Sphinx decodes one stretch at a time so its cost stays linear
in the answer's length, and Whisper decodes each finished stretch while the candidate
is still talking, then drops words it placed where nobody spoke.
"""

from __future__ import annotations

import numpy as np

from interviewer.speech.audio import BYTES_PER_SECOND

FRAME_S = 0.03
FRAME_BYTES = int(BYTES_PER_SECOND * FRAME_S)
# Quieter than about -55 dBFS is never a voice, whatever the room.
MIN_VOICE_RMS = 60.0
# A voice stands at least 12 dB over the room's own noise.
OVER_FLOOR = 4.0
FLOOR_EVERY = 33  # frames between estimates of the noise floor (about a second)
FLOOR_WINDOW = 2000  # frames the floor is estimated from (the last minute)


class PauseFinder:
    """Fed the answer as it arrives; says where stretches end and which frames are voiced."""

    def __init__(self, min_stretch_s: float = 4.0, max_stretch_s: float = 20.0,
                 pause_s: float = 0.35) -> None:
        self.min_frames = round(min_stretch_s / FRAME_S)
        self.max_frames = round(max_stretch_s / FRAME_S)
        self.pause_frames = round(pause_s / FRAME_S)
        self._pending = b""
        self._levels: list[float] = []
        self.voiced: list[bool] = []
        self._floor = 0.0
        self._stretch_start = 0  # frame
        self._silent_run = 0
        self._heard = False

    @property
    def frames(self) -> int:
        return len(self.voiced)

    def push(self, pcm: bytes) -> list[int]:
        """Take more audio (whole samples); return byte offsets where a stretch ends."""
        data = self._pending + pcm
        whole = len(data) // FRAME_BYTES * FRAME_BYTES
        self._pending = data[whole:]
        if not whole:
            return []
        samples = np.frombuffer(data[:whole], dtype="<i2").astype(np.float32)
        levels = np.sqrt(np.mean(samples.reshape(-1, FRAME_BYTES // 2) ** 2, axis=1))
        cuts = []
        for level in levels.tolist():
            cut = self._frame(level)
            if cut is not None:
                cuts.append(cut * FRAME_BYTES)
        return cuts

    def _frame(self, level: float) -> int | None:
        """Judge one frame; a frame index when a stretch should end there."""
        self._levels.append(level)
        if len(self._levels) % FLOOR_EVERY == 1:
            self._floor = float(np.percentile(self._levels[-FLOOR_WINDOW:], 10))
        voiced = level >= max(MIN_VOICE_RMS, self._floor * OVER_FLOOR)
        self.voiced.append(voiced)
        self._heard = self._heard or voiced
        self._silent_run = 0 if voiced else self._silent_run + 1
        length = self.frames - self._stretch_start
        if (self._heard and self._silent_run >= self.pause_frames
                and length >= self.min_frames):
            return self._cut(self.frames - self._silent_run // 2)
        if length >= self.max_frames:
            return self._cut(self._quietest(self.frames - self.min_frames // 2, self.frames))
        return None

    def _quietest(self, start: int, end: int) -> int:
        """No pause in a long stretch: cut at its quietest frame near the end."""
        window = self._levels[start:end]
        return start + int(np.argmin(window)) + 1

    def _cut(self, frame: int) -> int:
        self._stretch_start = frame
        self._silent_run = 0
        self._heard = any(self.voiced[frame:])
        return frame

    def voiced_spans(self, start_byte: int, end_byte: int) -> list[tuple[float, float]]:
        """Voiced time ranges, in seconds from `start_byte`, within the given stretch."""
        first, last = start_byte // FRAME_BYTES, min(self.frames, -(-end_byte // FRAME_BYTES))
        spans: list[tuple[float, float]] = []
        begin = None
        for i in range(first, last + 1):
            on = i < last and self.voiced[i]
            if on and begin is None:
                begin = i
            elif not on and begin is not None:
                spans.append(((begin - first) * FRAME_S, (i - first) * FRAME_S))
                begin = None
        return spans


def inside(spans: list[tuple[float, float]], start: float, end: float,
           margin: float = 0.2) -> bool:
    """True when [start, end] touches voiced audio (spans widened by `margin`, for loose
    word timings). A word with no duration at all is one a recognizer squeezed into the
    silence after speech: invented."""
    return end > start and any(start < b + margin and end > a - margin for a, b in spans)
