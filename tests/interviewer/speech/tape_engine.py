"""A throwaway speech engine: all a new engine needs besides its one entry in the table.

Its "model" is a folder holding tape.txt; every answer with sound in it is heard as that
text, spread evenly over the voiced time. The registry test adds it to the table and
watches the settings, `interviewer model list`, the plan and `transcribe` take it up.
"""

from __future__ import annotations

from pathlib import Path

from interviewer.pcm import BYTES_PER_SECOND, is_voice
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.transcript import Transcript, Word

TAPE = "tape.txt"


def is_tape(path: Path) -> bool:
    return (path / TAPE).is_file()


class TapeStream(Stream):
    def __init__(self, owner: TapeRecognizer) -> None:
        super().__init__()
        self._recognizer = owner
        self._fed = 0
        self._voiced: list[float] = []  # start of every voiced chunk, in seconds

    def feed(self, pcm: bytes) -> str:
        self._check_use()
        if is_voice(pcm):
            self._voiced.append(self._fed / BYTES_PER_SECOND)
        self._fed += len(pcm)
        return ""

    def finish(self) -> Transcript:
        self._check_use()
        self._finished = True
        duration = self._fed / BYTES_PER_SECOND
        said = self._recognizer.text.split() if self._voiced else []
        start, end = (self._voiced[0], self._voiced[-1] + 0.1) if self._voiced else (0.0, 0.0)
        step = (end - start) / max(len(said), 1)
        words = tuple(Word(w, start + i * step, start + (i + 1) * step)
                      for i, w in enumerate(said))
        return Transcript(" ".join(said), words, duration, engine="tape",
                          model=self._recognizer.model)


class TapeRecognizer(Recognizer):
    engine = "tape"

    def __init__(self, folder: Path) -> None:
        if not is_tape(folder):
            raise ModelError(f"{folder}: no {TAPE} in the folder", "give a tape model folder")
        self.model = folder.name
        self.text = (folder / TAPE).read_text(encoding="utf-8").strip()

    def open_stream(self, context: str = "") -> TapeStream:
        return TapeStream(self)
