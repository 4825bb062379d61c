"""The table of speech engines. `--engine`, the settings file and the settings dialog all
read their choices here; adding an engine is one module plus one entry below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.speech.base import Recognizer


@dataclass(frozen=True)
class Engine:
    """One engine: how it loads, which models it takes, whether it streams or finishes."""

    name: str
    label: str  # plain words, for the settings dialog
    streams: bool  # True: live text while the candidate talks; False: a final transcript
    model_kinds: tuple[str, ...]
    load: Callable[[Path | None], Recognizer]  # a model folder, or None for the default

    @property
    def role(self) -> str:
        return "live text" if self.streams else "final transcript"


def _vosk(path: Path | None) -> Recognizer:
    from interviewer.speech import engines

    return engines.vosk(path)


def _sphinx(path: Path | None) -> Recognizer:
    from interviewer.speech import engines

    return engines.sphinx()


def _whisper(path: Path | None) -> Recognizer:
    from interviewer.speech import engines

    return engines.whisper(path)


ENGINES: dict[str, Engine] = {e.name: e for e in (
    Engine("vosk", "Vosk (live text; needs a downloaded model)", True, ("vosk",), _vosk),
    Engine("sphinx", "CMU Sphinx (live text, built in, more mistakes)", True,
           ("sphinx",), _sphinx),
    Engine("whisper", "Whisper (most accurate; text appears as you pause)", False,
           ("whisper",), _whisper),
)}

AUTO = "auto"
AUTO_LABEL = "Automatic (live text from Vosk or Sphinx, final transcript from Whisper)"
CHOICES: tuple[str, ...] = (AUTO, *ENGINES)


def label(name: str) -> str:
    return AUTO_LABEL if name == AUTO else ENGINES[name].label
