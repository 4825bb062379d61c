"""A microphone that sends only zeros (or nothing) is noticed, and the advice names the
settings to open on each system; real speech, and real room noise, never trip it."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile

from interviewer.capture.microphone import open_microphone, record
from interviewer.capture.no_sound import NoSoundWatch, no_sound_error
from tests.interviewer.recordings import librivox

SECOND = 16000 * 2  # bytes of 16 kHz 16-bit mono


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_two_seconds_of_zeros_trip_it_once() -> None:
    clock = FakeClock()
    watch = NoSoundWatch(clock=clock)
    zeros = bytes(SECOND // 10)
    tripped = [watch.feed(zeros) for _ in range(30)]  # 3 s arriving at once: clock unmoved
    assert tripped.index(True) == 19  # the chunk that completes 2.0 s
    assert tripped.count(True) == 1


def test_nothing_arriving_trips_it_on_the_clock() -> None:
    clock = FakeClock()
    watch = NoSoundWatch(clock=clock)
    clock.now += 1.9
    assert not watch.check()
    clock.now += 0.2
    assert watch.check()
    assert not watch.check()


def test_one_non_zero_sample_is_sound() -> None:
    clock = FakeClock()
    watch = NoSoundWatch(clock=clock)
    quiet = np.zeros(1600, "<i2")
    quiet[800] = -1  # the faintest noise a real microphone makes
    assert not watch.feed(quiet.tobytes())
    clock.now += 10
    assert not watch.feed(bytes(SECOND * 5)) and not watch.check()
    assert watch.heard_sound


def test_real_speech_never_trips_it() -> None:
    for recording in librivox():
        pcm, _ = soundfile.read(recording.path, dtype="int16")
        watch = NoSoundWatch(clock=FakeClock())
        data = pcm.astype("<i2").tobytes()
        assert not any(watch.feed(data[i:i + 3200]) for i in range(0, len(data), 3200))


@pytest.mark.parametrize(("system", "words"), [
    ("Darwin", "System Settings > Privacy & Security > Microphone"),
    ("Windows", "Settings > Privacy & security > Microphone"),
    ("Linux", "pavucontrol"),
    ("FreeBSD", "input device"),
])
def test_advice_names_what_to_open(system: str, words: str) -> None:
    error = no_sound_error(system)
    assert error.message == "no sound is coming from the microphone"
    assert words in error.hint


def test_terminal_says_what_to_do_when_the_microphone_sends_silence(pulse_server,
                                                                     capsys) -> None:
    """The test sound server's microphone with nothing played into it sends zeros."""
    with open_microphone() as mic:
        pcm = record(mic, should_stop=lambda: False, max_seconds=3.0)
    assert not pcm.strip(b"\0")
    err = capsys.readouterr().err
    assert err.count("no sound is coming from the microphone") == 1
    assert "pavucontrol" in err
