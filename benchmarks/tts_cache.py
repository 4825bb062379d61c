"""Synthesis speed per backend, and how much faster a cached question starts.

Run: python benchmarks/tts_cache.py [COUNT]
Speaks the bank questions (all of them, or the first COUNT) with Piper's default voice
and with the system's (pyttsx3) American voice, in a throw-away INTERVIEWER_HOME.
Real-time factor = synthesis time / length of the speech made (below 1 is faster than
speaking). "Start" is the time until a complete WAV is ready to hand to the player.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BACKEND_VOICES = (("piper", "piper:"), ("pyttsx3", "pyttsx3:en-us"))
RATE = 170


def _seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def _timed(func, *args, **kwargs) -> tuple[float, Any]:
    began = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - began, result


def _measure(label: str, query: str, questions: list[str]) -> dict[str, float] | None:
    from interviewer.voices import tts

    voice = tts.find(query)
    if voice is None:
        print(f"{label:8} not available on this machine")
        return None
    ref = f"{voice.backend}:{voice.id}"
    warm, _ = _timed(tts.synthesize, "Hello.", ref, RATE)  # loads the model, once per process
    made = tts.stats.synthesised
    first = [_timed(tts.synthesize, q, ref, RATE) for q in questions]
    cached = [_timed(tts.synthesize, q, ref, RATE)[0] for q in questions]
    assert tts.stats.synthesised == made + len(questions), "every replay should be a cache hit"
    spoken = sum(_seconds(path) for _, path in first)
    words = sum(len(q.split()) for q in questions)
    row = {"synth": sum(t for t, _ in first), "spoken": spoken,
           "first": statistics.median(t for t, _ in first), "cached": statistics.median(cached),
           "worst_cached": max(cached), "wpm": words / spoken * 60, "warm": warm}
    print(f"{label:8} {voice.id:18} RTF {row['synth'] / spoken:5.3f} "
          f"({row['synth']:6.1f} s for {spoken:6.1f} s of speech; first request with loading "
          f"{warm * 1000:5.0f} ms) pace {row['wpm']:4.0f} wpm asked {RATE}")
    return row


def main(count: int | None = None) -> int:
    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="tts-bench-")
    from interviewer.banks import load_library

    questions = [q.text for q in load_library().all_questions()][:count]
    print(f"{len(questions)} bank questions, {sum(len(q.split()) for q in questions)} words\n")
    rows = {label: row for label, query in BACKEND_VOICES
            if (row := _measure(label, query, questions)) is not None}
    print()
    worst = None
    for label, row in rows.items():
        ratio = row["first"] / row["cached"]
        worst = ratio if worst is None else min(worst, ratio)
        print(f"{label:8} first synthesis median {row['first'] * 1000:8.1f} ms, cached replay "
              f"median {row['cached'] * 1000:6.2f} ms (worst {row['worst_cached'] * 1000:.2f} ms)"
              f": cached starts {ratio:,.0f}x faster")
    if worst is not None:
        print(f"\ncached replay ratio (lowest of the backends): {worst:,.0f}x "
              f"({'meets' if worst >= 10 else 'MISSES'} the 10x floor)")
    return 0 if worst is not None and worst >= 10 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else None))
