"""Two hostile inputs from issue #25, timed against what the app did before.

1. `interviewer banks` with six 40 KB banks, each holding one key of 20,000 dotted
   parts. tomllib is quadratic on such keys; the safe reader counts the parts in one
   linear pass and refuses the bank before tomllib sees it. Timed: the real command
   in a child process (start-up included), against tomllib.loads on one such bank
   times six (the naive way: parse, then find out).
2. Scoring 1 MB of random Unicode typed as an answer. Every token is new to the
   stemmer and the lemmatiser; only the first 6,000 words (50,000 characters) are
   scored (interviewer.analysis.answer_limits). Timed: the path `score` and practice take,
   against score_answer on the whole text. The scorer is warmed with an English
   answer first in both, so loading its word lists counts in neither.

    .venv/bin/python benchmarks/hostile_inputs.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from interviewer.analysis import score_answer  # noqa: E402
from interviewer.analysis.answer_limits import scored_part  # noqa: E402
from interviewer.banks import load_library  # noqa: E402
from interviewer.transcript import Transcript  # noqa: E402

QUESTION = "ar-coordinator/accounting-and-ar-experience"


def dotted_bank(n: int) -> str:
    return f'schema = 1\nid = "dotted{n}"\ntitle = "D"\n' + ".".join(["a"] * 20_000) + " = 1\n"


def time_banks_command() -> tuple[float, float, int]:
    """(seconds for `interviewer banks`, seconds tomllib takes on six, bank size)."""
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home) / "data" / "banks"
        folder.mkdir(parents=True)
        for n in range(6):
            (folder / f"dotted{n}.toml").write_text(dotted_bank(n))
        env = {**os.environ, "INTERVIEWER_HOME": home, "PYTHONPATH": str(REPO)}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "interviewer", "banks"], env=env,
                              capture_output=True, text=True, timeout=600, check=False)
        ours = time.perf_counter() - start
        assert done.returncode == 0 and "20000 dotted parts" in done.stderr, done.stderr
    start = time.perf_counter()
    tomllib.loads(dotted_bank(0))
    naive = 6 * (time.perf_counter() - start)
    return ours, naive, len(dotted_bank(0))


def random_unicode(size: int = 1_000_000) -> str:
    rng = np.random.default_rng(25)
    points = rng.integers(0x20, 0x2FFFF, size=size // 2)
    text = "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def time_scoring() -> tuple[float, float, int]:
    """(seconds scoring as the app does, seconds scoring the whole text, bytes)."""
    library = load_library()
    question = library.question(QUESTION)
    score_answer(question, "I check the aging report every week and call the largest "
                           "balances first; we cut DSO from 52 to 41 days.", library)
    text = random_unicode()
    start = time.perf_counter()
    score_answer(question, scored_part(Transcript.typed(text)), library)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    score_answer(question, Transcript.typed(text), library)
    naive = time.perf_counter() - start
    return ours, naive, len(text.encode("utf-8"))


def main() -> None:
    ours, naive, size = time_banks_command()
    print(f"interviewer banks, six {size // 1024} KB banks of 20,000-part dotted keys: "
          f"{ours:.2f} s (the whole command, start-up included)")
    print(f"  tomllib on one of them, times six: {naive:.1f} s; {naive / ours:.0f}x slower")
    ours, naive, size = time_scoring()
    print(f"scoring {size / 1e6:.1f} MB of random Unicode: {ours:.2f} s "
          "(first 6,000 words / 50,000 characters, as the app scores)")
    print(f"  scoring the whole text: {naive:.1f} s; {naive / ours:.0f}x slower")


if __name__ == "__main__":
    main()
