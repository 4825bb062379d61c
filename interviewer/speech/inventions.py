"""Words Whisper writes where nobody spoke: kept only over voiced audio.

Whisper was trained on subtitles, so silence and noise come out as "Thank you.", "you.",
"colors." or a web address. A word stays only if voiced audio lies under it (faster-
whisper's own Silero VAD finds where the voice is); the known inventions must lie well
inside a voice to stay, since they are what Whisper writes when it hears none.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from interviewer.transcript import Word

Span = tuple[float, float]
# Word timings are loose by a word's edge; a word this close to a voice is under it.
MARGIN_S = 0.25
# Known inventions stay only this sure and this deep inside a voice.
INVENTION_CONF = 0.6
INVENTIONS = re.compile(
    r"(www\.|https?:|\.com\b|\.co\.uk\b|\.org\b|\.net\b)"
    r"|^(thank|thanks|colors?|watching|subscribe)\W*$|^(you|bye|much)\.$", re.IGNORECASE)


def voiced_spans(audio: npt.NDArray[np.float32], rate: int = 16000) -> list[Span]:
    """Seconds where Silero hears a voice (short gaps kept apart, a little padding)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(threshold=0.5, min_silence_duration_ms=250, speech_pad_ms=100)
    return [(s["start"] / rate, s["end"] / rate)
            for s in get_speech_timestamps(audio, options, sampling_rate=rate)]


def overlap(spans: list[Span], start: float, end: float) -> float:
    """Seconds of [start, end] that fall inside the spans."""
    return sum(max(0.0, min(end, b) - max(start, a)) for a, b in spans)


def invented(word: Word, spans: list[Span]) -> bool:
    """True for a word with no voice under it, or a known invention not clearly spoken."""
    if word.end <= word.start:  # squeezed in (Whisper does it to fillers): near a voice
        return (bool(INVENTIONS.search(word.word.strip()))
                or not any(a - MARGIN_S <= word.start <= b + MARGIN_S for a, b in spans))
    wide = [(a - MARGIN_S, b + MARGIN_S) for a, b in spans]
    if overlap(wide, word.start, word.end) <= 0:
        return True
    if INVENTIONS.search(word.word.strip()):
        inside = overlap(spans, word.start, word.end) / (word.end - word.start)
        return word.conf < INVENTION_CONF or inside < 0.5
    return False


def keep_spoken(words: list[Word], spans: list[Span]) -> list[Word]:
    return [w for w in words if not invented(w, spans)]
