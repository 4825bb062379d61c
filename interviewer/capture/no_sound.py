"""Notice a microphone that sends no sound, and say how to let the app hear it.

When macOS or Windows refuses the microphone, recording still "works": the stream opens
and delivers silence made of exact zeros, or nothing at all. Real microphones always
carry some noise, so a couple of seconds without a single non-zero sample means the
sound is blocked (permission refused, muted, the wrong input) rather than a quiet room.
Both front ends feed their chunks here: the app's QAudioSource and the terminal's
PortAudio stream.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable

from interviewer.errors import InterviewerError
from interviewer.pcm import SAMPLE_RATE

WAIT_SECONDS = 2.0

# What to open on each system to let interviewer hear the microphone.
_ADVICE = {
    "Darwin": "open System Settings > Privacy & Security > Microphone and switch on "
              "interviewer (or the Terminal or Python you started it from), then restart it",
    "Windows": "open Settings > Privacy & security > Microphone, turn on 'Let desktop apps "
               "access your microphone', then restart interviewer",
    "Linux": "check the input device and that it is not muted: open the sound settings or "
             "pavucontrol (Input Devices), speak, and watch its level move",
}


def no_sound_error(system: str | None = None) -> InterviewerError:
    """The message for a silent microphone, with what to do on this (or the given) system."""
    system = system or platform.system()
    advice = _ADVICE.get(system, _ADVICE["Linux"])
    return InterviewerError("no sound is coming from the microphone", advice)


class NoSoundWatch:
    """Trips once when no non-zero sample came within WAIT_SECONDS of starting.

    Counts both the audio received (exact, for a stream of zeros) and the clock (for a
    stream that sends nothing), so it works whether chunks arrive or not.
    """

    def __init__(self, wait: float = WAIT_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._wait = wait
        self._clock = clock
        self._started = clock()
        self._zero_bytes = 0
        self._sound = False
        self._tripped = False

    @property
    def heard_sound(self) -> bool:
        return self._sound

    def feed(self, pcm: bytes) -> bool:
        """Take a chunk of 16 kHz 16-bit PCM; True the one time the wait runs out."""
        if not self._sound:
            if pcm.strip(b"\0"):
                self._sound = True
            else:
                self._zero_bytes += len(pcm)
        return self.check()

    def check(self) -> bool:
        """True the one time the wait runs out with no sound; call it on a timer too."""
        if self._sound or self._tripped:
            return False
        waited = max(self._zero_bytes / (2 * SAMPLE_RATE), self._clock() - self._started)
        self._tripped = waited >= self._wait
        return self._tripped
