"""Piper: neural voices offline (onnxruntime, CPU). The default backend where it is installed.

Piper runs in the process that asks (a background lane in the app, the CLI's own
process), not in a worker per request: loading the joe model takes 1-1.5 s on a
2-core machine and a sentence then takes about a third of its spoken length, so a
process per request would cost more than the synthesis itself. Each model is loaded
once per process and kept. One synthesis at a time per process (a lock), like the
app's single TTS lane.
"""

from __future__ import annotations

import threading
import wave
from pathlib import Path
from typing import Any

from interviewer.voices.errors import PICK_ANOTHER, TtsError, TtsUnavailable
from interviewer.voices.fingerprint import file_digest
from interviewer.voices.piper_voices import PiperVoiceFiles, all_voices
from interviewer.voices.selection import VoiceInfo

# Words per minute of the joe voice at length_scale 1.0, measured over the three banks'
# questions (benchmarks/tts_cache.py prints it): the pace setting divides into this.
NATURAL_WPM = 208
LENGTH_SCALE_RANGE = (0.3, 3.0)
SENTENCE_PAUSE_SECONDS = 0.25  # Piper joins sentences with no gap; a person breathes


def length_scale_for(rate: int) -> float:
    """A pace in words per minute as Piper's length scale (larger is slower)."""
    low, high = LENGTH_SCALE_RANGE
    return min(high, max(low, NATURAL_WPM / float(rate)))


def _import_piper() -> Any:
    try:
        import piper
    except ImportError as exc:
        raise TtsUnavailable(f"Piper is not installed ({exc})",
                             "install piper-tts for a natural voice; the system voices "
                             "speak until then") from exc
    return piper


class PiperBackend:
    """Voices from `piper_voices`; models loaded on first use and kept for the process."""

    name = "piper"
    label = "Piper neural voices"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, PiperVoiceFiles] = {}
        self._loaded: dict[Path, Any] = {}
        self.problems: list[str] = []

    def voices(self) -> list[VoiceInfo]:
        """Every usable Piper voice; TtsUnavailable when Piper is missing or has no voice."""
        _import_piper()
        found, self.problems = all_voices()
        with self._lock:
            self._files = {v.id: v for v in found}
        if not found:
            raise TtsUnavailable("Piper has no voice installed",
                                 "install one with: interviewer voices install FILE.onnx")
        return [v.info() for v in found]

    def forget(self) -> None:
        with self._lock:
            self._files = {}
            self._loaded.clear()

    def files(self, voice: VoiceInfo) -> PiperVoiceFiles:
        with self._lock:
            known = self._files.get(voice.id)
        if known is None:
            self.voices()
            known = self._files.get(voice.id)
        if known is None:
            raise TtsError(f"the Piper voice {voice.id} is no longer installed", PICK_ANOTHER)
        return known

    def fingerprint(self, voice: VoiceInfo) -> str:
        """The voice files' own digest: a reinstalled or changed voice never replays old audio."""
        files = self.files(voice)
        return f"piper:{file_digest(files.model)}:{file_digest(files.config)}"

    def _model(self, files: PiperVoiceFiles) -> Any:
        loaded = self._loaded.get(files.model)
        if loaded is None:
            piper = _import_piper()
            loaded = piper.PiperVoice.load(files.model, files.config)
            self._loaded[files.model] = loaded
        return loaded

    def warm(self, voice: VoiceInfo) -> None:
        """Load the model now, so the first question does not wait for it."""
        files = self.files(voice)
        try:
            with self._lock:
                self._model(files)
        except Exception as exc:  # reported when the voice is used, with the fallback
            raise TtsError(f"Piper could not load {voice.id}: {exc}", PICK_ANOTHER) from exc

    def synthesize(self, text: str, voice: VoiceInfo, rate: int, volume: float,
                   out: Path) -> None:
        """Write `text` as a 16-bit mono WAV at the voice's own sample rate."""
        files = self.files(voice)
        piper = _import_piper()
        scale = length_scale_for(rate)
        config = piper.SynthesisConfig(length_scale=scale, volume=volume)
        try:
            with self._lock:
                model = self._model(files)
                chunks = [c.audio_int16_bytes for c in model.synthesize(text, config)]
        except Exception as exc:  # onnxruntime and the phonemiser raise anything
            raise TtsError(f"Piper could not speak with {voice.id}: {type(exc).__name__}: {exc}",
                           PICK_ANOTHER) from exc
        if not chunks:
            raise TtsError(f"Piper made no sound for {text[:40]!r}", "check the text")
        pause = b"\0\0" * int(files.sample_rate * SENTENCE_PAUSE_SECONDS * scale)
        with wave.open(str(out), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(files.sample_rate)
            wav.writeframes(pause.join(chunks))
