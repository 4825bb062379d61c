"""How much faster a cached question starts than a fresh synthesis.

Run: python benchmarks/tts_cache.py [COUNT]
Uses real bank questions and the real speech driver, in a throw-away INTERVIEWER_HOME.
"Start" is the time until a complete WAV is ready to hand to the player.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(func, *args, **kwargs) -> float:
    began = time.perf_counter()
    func(*args, **kwargs)
    return time.perf_counter() - began


def main(count: int = 8) -> int:
    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="tts-bench-")
    from interviewer.banks import load_library
    from voices import tts

    questions = [q.text for q in load_library().all_questions()[:count]]
    listed = _timed(tts.backend)
    first = [_timed(tts.synthesize, text) for text in questions]
    cached = [_timed(tts.synthesize, text) for text in questions]
    assert tts.stats.synthesised == len(questions), "every replay should have been a cache hit"
    naive, fast = statistics.median(first), statistics.median(cached)
    print(f"driver {tts.backend().driver}, voice {tts.default_voice().id}, "
          f"{len(questions)} bank questions (voice list once per process: {listed * 1000:.0f} ms)")
    print(f"first synthesis (naive: synthesise every time)  median {naive * 1000:8.1f} ms")
    print(f"cached replay                                   median {fast * 1000:8.2f} ms")
    print(f"ratio: cached replay starts {naive / fast:,.0f}x faster "
          f"(worst cached {max(cached) * 1000:.2f} ms vs best first {min(first) * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8))
