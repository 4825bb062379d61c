"""Microphone capture for the terminal mode: 16 kHz mono 16-bit PCM chunks, no Qt.

Uses PortAudio through `sounddevice`, which reaches PulseAudio/PipeWire (via ALSA)
on Linux, CoreAudio on macOS and WASAPI/MME on Windows. When no input device can
be opened (over SSH, in a container) it raises `NoMicrophoneError`, so the caller can
fall back to typed answers instead of crashing.
"""

from __future__ import annotations

import queue
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

from interviewer.capture.no_sound import NoSoundWatch, no_sound_error
from interviewer.errors import InterviewerError
from interviewer.pcm import CHUNK_SECONDS, SAMPLE_RATE, is_voice

if TYPE_CHECKING:
    # sounddevice and soxr have no type hints: mypy takes these as unchecked
    from sounddevice import RawInputStream
    from soxr import ResampleStream
    from typing_extensions import Buffer  # collections.abc.Buffer from Python 3.12

_NO_DEVICE_HINT = ("no microphone: answers will be typed instead "
                   "(or record answers to files and pass --answers DIR)")


class NoMicrophoneError(InterviewerError):
    """No audio input can be opened here: the terminal mode falls back to typed answers."""


def _portaudio() -> ModuleType:
    """Import sounddevice lazily: it loads PortAudio, which may be missing entirely."""
    try:
        import sounddevice
    except OSError as exc:  # the PortAudio library itself is not installed
        raise NoMicrophoneError(f"audio input is unavailable: {exc}",
                           "install PortAudio (Debian/Ubuntu: libportaudio2); "
                           + _NO_DEVICE_HINT) from exc
    return cast(ModuleType, sounddevice)  # untyped, so mypy cannot tell it is a module


@dataclass
class Microphone:
    """An open input stream; iterate `chunks()` to read it, close it when done."""

    stream: RawInputStream
    device_rate: int
    _queue: queue.Queue[bytes]
    _resampler: ResampleStream | None = None  # when the device rate is not 16 kHz

    def chunks(self, timeout: float = 2.0) -> Iterator[bytes]:
        """16 kHz mono PCM, about CHUNK_SECONDS each; stops if the device goes quiet for good."""
        while True:
            try:
                block = self._queue.get(timeout=timeout)
            except queue.Empty as exc:
                raise NoMicrophoneError("the microphone stopped sending audio",
                                        no_sound_error().hint + ", or use typed answers") from exc
            yield self._convert(block)

    def discard_pending(self) -> int:
        """Drop the audio queued since the last answer (the interviewer's voice, room noise
        during the question): an answer starts with what is said after it starts."""
        dropped = 0
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return dropped
            dropped += 1

    def _convert(self, block: bytes) -> bytes:
        if self._resampler is None:
            return block
        samples = np.frombuffer(block, dtype="<i2").astype(np.float32) / 32768.0
        out: npt.NDArray[np.float32] = self._resampler.resample_chunk(samples)  # soxr: no hints
        return (np.clip(out, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()

    def close(self) -> None:
        self.stream.stop()
        self.stream.close()

    def __enter__(self) -> Microphone:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start(sd: ModuleType, device: int | str | None, rate: int,
           blocks: queue.Queue[bytes]) -> tuple[RawInputStream, list[int]]:
    """Open and start one input stream that queues raw blocks; also the count of blocks
    that arrived."""
    arrived = [0]

    # PortAudio's thread: queue and return. `when` and `status` are PortAudio's time info
    # and sounddevice's CallbackFlags.
    def on_block(data: Buffer, frames: int, when: object, status: object) -> None:
        arrived[0] += 1
        blocks.put(bytes(data))

    stream = sd.RawInputStream(samplerate=rate, channels=1, dtype="int16",
                               blocksize=int(rate * CHUNK_SECONDS), device=device,
                               callback=on_block)
    stream.start()
    return stream, arrived


def _flowing(arrived: list[int], wait: float = 1.0) -> bool:
    """True once a few blocks came in: a stalled stream delivers one block, then nothing."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if arrived[0] >= 3:
            return True
        time.sleep(0.02)
    return False


def open_microphone(device: int | str | None = None) -> Microphone:
    """Open the default (or given) input at its own rate and resample to 16 kHz.

    The device's native rate first: ALSA's PulseAudio bridge delivers other rates in
    stalls and bursts, and soxr resamples better than most drivers do. The first stream
    a process opens through that bridge can stall after one block, so a stream that
    does not flow within a second is reopened once.
    """
    sd = _portaudio()
    try:
        info = sd.query_devices(device, kind="input")
    except (sd.PortAudioError, ValueError) as exc:
        raise NoMicrophoneError(f"no audio input device found ({exc})", _NO_DEVICE_HINT) from exc
    error: Exception | None = None
    for rate in dict.fromkeys((int(info["default_samplerate"]), SAMPLE_RATE)):
        for _ in range(2):
            blocks: queue.Queue[bytes] = queue.Queue()
            try:
                stream, arrived = _start(sd, device, rate, blocks)
            except (sd.PortAudioError, ValueError) as exc:
                error = exc
                break
            if _flowing(arrived):
                resampler = None
                if rate != SAMPLE_RATE:
                    import soxr
                    resampler = soxr.ResampleStream(rate, SAMPLE_RATE, 1, dtype="float32")
                return Microphone(stream, rate, blocks, resampler)
            stream.stop()
            stream.close()
            error = NoMicrophoneError("the input stream opened but sent no audio")
    raise NoMicrophoneError(f"the microphone '{info['name']}' cannot be opened ({error})",
                       _NO_DEVICE_HINT)


def record(mic: Microphone, should_stop: Callable[[], bool], max_seconds: float,
           on_chunk: Callable[[bytes, float], None] | None = None,
           silence_stop: float | None = None) -> bytes:
    """Read until `should_stop()`, the time limit, or `silence_stop` seconds of quiet after speech.

    `on_chunk(pcm, elapsed)` sees every chunk as it arrives (level bar, live transcript).
    The stream stays open for the session, so what it queued before this call is dropped.
    """
    mic.discard_pending()
    parts: list[bytes] = []
    started = time.monotonic()
    heard = False
    quiet_since: float | None = None
    no_sound = NoSoundWatch()
    for chunk in mic.chunks():
        elapsed = time.monotonic() - started
        parts.append(chunk)
        if on_chunk:
            on_chunk(chunk, elapsed)
        if no_sound.feed(chunk):  # a refused permission records only silence
            error = no_sound_error()
            sys.stderr.write(f"\n  {error.message}: {error.hint}\n")
        loud = is_voice(chunk)
        heard = heard or loud
        quiet_since = None if loud else (quiet_since if quiet_since is not None else elapsed)
        long_quiet = (silence_stop is not None and heard and quiet_since is not None
                      and elapsed - quiet_since >= silence_stop)
        if should_stop() or elapsed >= max_seconds or long_quiet:
            break
    return b"".join(parts)
