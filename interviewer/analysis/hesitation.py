"""Sound with no word: where a recognizer probably dropped an "um" or "uh".

Recognizers often leave hesitations out of the transcript. The gap between two words
then still holds voiced sound. This only counts such gaps; it never invents words.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import numpy.typing as npt

from interviewer.pcm import SAMPLE_RATE
from interviewer.transcript import Word

FRAME = 0.02            # seconds per energy frame
MIN_GAP = 0.35          # shorter gaps are ordinary breaths between words
EDGE = 0.08             # trimmed at each side of a gap: word onsets and tails
MIN_VOICED = 0.15       # seconds of sound needed to count as a hesitation
RELATIVE_LEVEL = 0.25   # of the median energy inside words


def _frame_energy(pcm: bytes) -> npt.NDArray[np.float32]:
    samples = np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2").astype(np.float32)
    size = int(SAMPLE_RATE * FRAME)
    usable = len(samples) - len(samples) % size
    if usable == 0:
        return np.zeros(0, dtype=np.float32)
    frames = samples[:usable].reshape(-1, size)
    # numpy's stubs leave a mean over one axis untyped; float32 frames give float32 energies
    return cast("npt.NDArray[np.float32]", np.sqrt(np.mean(frames * frames, axis=1)))


def _frames(start: float, end: float, total: int) -> slice:
    return slice(max(0, int(start / FRAME)), min(total, int(end / FRAME)))


def count_hesitations(words: list[Word], pcm: bytes) -> int:
    """Gaps between words that hold a stretch of speech-level sound."""
    energy = _frame_energy(pcm)
    if len(words) < 2 or energy.size == 0:
        return 0
    inside = np.concatenate([energy[_frames(w.start, w.end, energy.size)] for w in words])
    if inside.size == 0:
        return 0
    floor = float(np.percentile(energy, 10))
    threshold = max(floor * 3.0, float(np.median(inside)) * RELATIVE_LEVEL)
    needed = int(MIN_VOICED / FRAME)
    count = 0
    for before, after in zip(words, words[1:], strict=False):
        if after.start - before.end < MIN_GAP:
            continue
        gap = energy[_frames(before.end + EDGE, after.start - EDGE, energy.size)]
        if _longest_run(gap > threshold) >= needed:
            count += 1
    return count


def _longest_run(mask: npt.NDArray[np.bool_]) -> int:
    best = run = 0
    for voiced in mask:
        run = run + 1 if voiced else 0
        best = max(best, run)
    return best
