"""Real human recordings (pocketsphinx-testdata) to stand in for the microphone."""

from __future__ import annotations

import wave
from pathlib import Path

DATA = Path("/usr/share/pocketsphinx/test/data")
LIBRIVOX = DATA / "librivox"
NOT_ILL = LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0880.wav"  # he was not an ill ...
DASHWOOD = LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0870.wav"
AMIABLE = LIBRIVOX / "sense_and_sensibility_01_austen_64kb-0930.wav"


def pcm_of(path: Path) -> bytes:
    """16 kHz mono s16le from one of the test recordings (WAVs here are already that)."""
    if path.suffix == ".raw":
        return path.read_bytes()
    with wave.open(str(path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
        return w.readframes(w.getnframes())


def librivox_pcm() -> list[bytes]:
    return [pcm_of(p) for p in sorted(LIBRIVOX.glob("*.wav"))]


def long_answer(seconds: float) -> bytes:
    """At least `seconds` of real speech: the recordings end to end, with short gaps."""
    gap = b"\0\0" * 8000
    pieces = librivox_pcm() + [pcm_of(DATA / n) for n in ("goforward.raw", "something.raw")]
    out = bytearray()
    while len(out) < seconds * 32000:
        for piece in pieces:
            out += piece + gap
    return bytes(out[: int(seconds * 32000)])


def write_wav(path: Path, pcm: bytes) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(pcm)
    return path
