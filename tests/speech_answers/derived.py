"""Harder copies of a spoken answer, made on the fly (never stored): pink noise at a
given signal-to-noise ratio, a 300-3400 Hz telephone band, and the voice pitched or
paced differently (sox). A recognizer tuned to clean studio speech shows it here.
"""

from __future__ import annotations

import shutil
import subprocess

import numpy as np

from interviewer.speech.audio import to_float

RATE = 16000
FRAME = 480  # 30 ms


def pink_noise(samples: int, seed: int) -> np.ndarray:
    """Noise whose power falls 3 dB an octave (1/f), like a room's fan and traffic."""
    rng = np.random.default_rng(seed)
    spectrum = np.fft.rfft(rng.normal(size=samples))
    freqs = np.fft.rfftfreq(samples, 1 / RATE)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0
    noise = np.fft.irfft(spectrum, samples)
    return noise / np.sqrt(np.mean(noise ** 2))


def speech_power(audio: np.ndarray) -> float:
    """Mean power of the voiced frames: silence between sentences must not make the
    noise look quieter than it sounds."""
    frames = audio[: len(audio) // FRAME * FRAME].reshape(-1, FRAME)
    power = np.mean(frames ** 2, axis=1)
    return float(np.mean(power[power > power.max() * 1e-3]))


def with_noise(pcm: bytes, snr_db: float, seed: int = 7) -> bytes:
    audio = to_float(pcm)
    noise = pink_noise(len(audio), seed) * np.sqrt(speech_power(audio) / 10 ** (snr_db / 10))
    return _pcm(audio + noise)


def _pcm(audio: np.ndarray) -> bytes:
    return (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()


def sox(pcm: bytes, *effects: str) -> bytes:
    """Raw 16 kHz mono s16le through sox's effects, back at 16 kHz."""
    if shutil.which("sox") is None:
        raise RuntimeError("sox is not installed: scripts/system-deps.sh test")
    raw = ["-t", "raw", "-r", str(RATE), "-e", "signed", "-b", "16", "-c", "1"]
    out = subprocess.run(["sox", *raw, "-", *raw, "-", *effects, "rate", str(RATE)],
                         input=pcm, capture_output=True, check=True)
    return out.stdout


def telephone(pcm: bytes) -> bytes:
    return sox(pcm, "sinc", "300-3400")


def pitched(pcm: bytes, cents: int) -> bytes:
    return sox(pcm, "pitch", str(cents))


def paced(pcm: bytes, factor: float) -> bytes:
    return sox(pcm, "tempo", "-s", str(factor))


# name -> how to make it; the benchmark reports each against the clean answers.
CONDITIONS = {
    "pink noise 10 dB": lambda pcm: with_noise(pcm, 10),
    "pink noise 5 dB": lambda pcm: with_noise(pcm, 5),
    "telephone 300-3400 Hz": telephone,
    "pitch -300 cents": lambda pcm: pitched(pcm, -300),
    "tempo 1.2x": lambda pcm: paced(pcm, 1.2),
}
