"""How long can the UI thread be frozen while an answer is recognised?

Naive: the recognizer stream fed from a worker thread in the app's process (its C
decoder keeps the GIL). Ours: the same stream in a child process
(interviewer.speech.recognizer_process), the worker thread only waits on a pipe.
The "UI thread" is a loop that wakes every 5 ms; we report its longest gap.

    python benchmarks/ui_stall.py [seconds-of-speech]
"""

from __future__ import annotations

import resource
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer import speech  # noqa: E402
from interviewer.speech.recognizer_process import RecognizerProcess  # noqa: E402
from tests.ui.recordings import long_answer  # noqa: E402

CHUNK = 3200  # 100 ms of 16 kHz mono s16le


def longest_gap_while(feed_all) -> tuple[float, float]:
    """Run feed_all on a thread; return (longest main-thread gap, total seconds)."""
    worker = threading.Thread(target=feed_all)
    start = last = time.perf_counter()
    longest = 0.0
    worker.start()
    while worker.is_alive():
        time.sleep(0.005)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    return longest, time.perf_counter() - start


def run(stream, pcm: bytes) -> None:
    for i in range(0, len(pcm), CHUNK):
        stream.feed(pcm[i:i + CHUNK])
    stream.finish()


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    pcm = long_answer(seconds)
    local = speech.load_recognizer("sphinx")
    naive_gap, naive_total = longest_gap_while(lambda: run(local.open_stream(), pcm))
    server = RecognizerProcess("auto")  # two passes: Sphinx live, Whisper final
    try:
        ours_gap, ours_total = longest_gap_while(lambda: run(server.open_stream(), pcm))
    finally:
        server.close()
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    app_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.0f} s of real speech fed in 100 ms chunks as fast as possible; naive: "
          f"PocketSphinx; ours: {server.live_engine} live + {server.engine} ({server.model}) "
          "final in the child")
    print(f"  worker thread (naive): longest UI gap {naive_gap * 1000:6.0f} ms, "
          f"total {naive_total:5.1f} s")
    print(f"  child process (ours):  longest UI gap {ours_gap * 1000:6.0f} ms, "
          f"total {ours_total:5.1f} s")
    print(f"  longest stall: {naive_gap / ours_gap:.1f}x shorter; "
          f"throughput ratio {naive_total / ours_total:.2f}")
    print(f"  peak memory: recognizer child with both engines loaded {child_mb:.0f} MB, "
          f"this process (with Sphinx loaded for the naive run) {app_mb:.0f} MB")


if __name__ == "__main__":
    main()
