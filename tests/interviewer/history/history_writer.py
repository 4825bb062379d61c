"""A process that saves attempts as fast as it can, for the kill-during-save test.

Run as `python -m tests.interviewer.history.history_writer DB RUN`. After each attempt is
committed it prints `saved ID DIGEST`: from then on that attempt must survive anything.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from interviewer.history import HistoryStore
from interviewer.transcript import Transcript, Word


def answer(run: int, index: int) -> Transcript:
    """A deterministic, long-ish answer with word timings, so a save does real work."""
    text = " ".join(f"run{run} answer{index} word{n}" for n in range(120))
    words = tuple(Word(w, n * 0.3, n * 0.3 + 0.25, 0.8) for n, w in enumerate(text.split()))
    return Transcript(text=text, words=words, duration=len(words) * 0.3, engine="vosk",
                      model="test-model")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def main(db: str, run: str) -> None:
    store = HistoryStore(Path(db))
    session = store.start_session("ar-specialist", "practice")
    print(f"session {session}", flush=True)
    index = 0
    while True:
        transcript = answer(int(run), index)
        feedback = {"coverage": (index % 10) / 10, "delivery": {"wpm": 100 + index % 60},
                    "observations": ["x" * 2000]}
        attempt = store.add_attempt(session, f"ar-specialist/q{index % 7}", transcript,
                                    feedback, audio_path=f"/rec/{run}-{index}.wav")
        print(f"saved {attempt} {digest(transcript.text)}", flush=True)
        index += 1


if __name__ == "__main__":
    main(*sys.argv[1:3])
