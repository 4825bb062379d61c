"""The table of speech engines: every fact about an engine has its home in its entry.

`--engine`, the settings file and dialog, the automatic choice and its plan in words,
`interviewer model list`, `transcribe` and the practice screens all read it. Adding an
engine is one module (its Recognizer) plus one entry in ENGINES. Reading the table
loads no decoder: `make` imports the engine's module when a recognizer is first built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from interviewer.speech.errors import ModelError
from interviewer.speech.model_files import is_vosk_model
from interviewer.speech.models import choose_model, find_models
from interviewer.speech.whisper_models import (
    choose_whisper,
    find_whisper_models,
    info_for,
    is_whisper_model,
)

if TYPE_CHECKING:
    from interviewer.speech.base import Recognizer

LIVE = "live text"  # text on screen while the candidate talks
FINAL = "final transcript"  # text written at pauses and at the end, for the feedback
AUTO = "auto"
AUTO_TITLE = "Automatic"
AUTO_LABEL = "Automatic (live text from Vosk or Sphinx, final transcript from Whisper)"
VOSK_HINT = "install one with: interviewer model install small-en-us (or pass --model PATH)"


class Model(Protocol):
    """What the table needs to know of a model an engine found."""

    @property
    def name(self) -> str: ...
    @property
    def path(self) -> Path | None: ...  # None: built into the engine's package
    @property
    def source(self) -> str: ...
    @property
    def language(self) -> str: ...


@dataclass(frozen=True)
class BuiltIn:
    """A model that ships inside the engine's own package: nothing to install or name."""

    name: str
    language: str
    path: Path | None = None
    source: str = "built in"


@dataclass(frozen=True)
class Engine:
    """One engine. `find` is the model it uses when none is named; `locate` turns a named
    folder (or None) into the folder it loads, or raises ModelError saying what to do."""

    name: str
    title: str  # how a sentence names it: "Your answers are heard by {title} (model)"
    label: str  # the settings dialog's line: title and, in brackets, what to expect
    kind: str  # LIVE or FINAL
    finishes_late: bool  # the last stretch is decoded after the answer ends: say "finishing"
    expect: str  # said after its name in the plan: ": live text, more mistakes."
    missing: str  # the plan's sentence when it has no model
    make: Callable[[Path | None], Recognizer]  # build from the folder `locate` gave
    locate: Callable[[Path | None], Path | None]
    find: Callable[[], Model | None]
    installed: Callable[[], Sequence[Model]]  # for `model list`
    is_model: Callable[[Path], bool] | None = None  # None: it takes no model folder

    def cache_key(self, folder: Path | None) -> tuple[str, str]:
        """A loaded recognizer is kept per engine and model folder, for every answer."""
        return self.name, str(folder) if folder is not None else ""


def _make_vosk(folder: Path | None) -> Recognizer:
    from interviewer.speech.vosk_engine import VoskRecognizer

    assert folder is not None  # _locate_vosk always names one
    return VoskRecognizer(folder)


def _locate_vosk(path: Path | None) -> Path:
    """The named Vosk model, or the English one found first: answers are in English, and
    a model in another language would turn them into its own words."""
    if path is None:
        found = choose_model(english_only=True)
        if found is None:
            other = choose_model()
            if other is not None:
                raise ModelError(f"the only Vosk model found, {other.name}, is not English "
                                 f"({other.language or 'unknown language'})", VOSK_HINT)
            raise ModelError("no Vosk model is installed", VOSK_HINT)
        path = found.path
    return path.expanduser().resolve()


def _make_sphinx(folder: Path | None) -> Recognizer:
    from interviewer.speech.sphinx_engine import SphinxRecognizer

    return SphinxRecognizer()


def _make_whisper(folder: Path | None) -> Recognizer:
    from interviewer.speech.whisper_engine import WhisperRecognizer

    assert folder is not None  # _locate_whisper always names one
    return WhisperRecognizer(info_for(folder))  # pinned digest when it is a known model


def _locate_whisper(path: Path | None) -> Path:
    """The named Whisper folder, or the best one found; its weights are checked at load."""
    info = info_for(path) if path is not None else choose_whisper()
    if info is None:
        raise ModelError("no Whisper model is installed",
                         "reinstall interviewer (./start.sh) or: interviewer model install tiny.en")
    return info.path.resolve()


SPHINX_MODEL = BuiltIn("cmusphinx en-us", "en-us")

ENGINES: dict[str, Engine] = {e.name: e for e in (
    Engine(name="vosk", title="Vosk", label="Vosk (live text; needs a downloaded model)",
           kind=LIVE, finishes_late=False, expect=".",
           missing="No English Vosk model is installed: install one, or choose Automatic.",
           make=_make_vosk, locate=_locate_vosk, find=lambda: choose_model(english_only=True),
           installed=find_models, is_model=is_vosk_model),
    Engine(name="sphinx", title="CMU Sphinx",
           label="CMU Sphinx (live text, built in, more mistakes)",
           kind=LIVE, finishes_late=False, expect=": live text, more mistakes.",
           missing="CMU Sphinx is not installed: choose Automatic.",
           make=_make_sphinx, locate=lambda path: None, find=lambda: SPHINX_MODEL,
           installed=lambda: []),
    Engine(name="whisper", title="Whisper",
           label="Whisper (most accurate; text appears as you pause)",
           kind=FINAL, finishes_late=True, expect="; its text appears as you pause.",
           missing="No Whisper model is found: choose Automatic.",
           make=_make_whisper, locate=_locate_whisper, find=choose_whisper,
           installed=find_whisper_models, is_model=is_whisper_model),
)}


def choices() -> tuple[str, ...]:
    """What --engine and the settings accept: the automatic choice, then every engine."""
    return (AUTO, *ENGINES)


def label(name: str) -> str:
    return AUTO_LABEL if name == AUTO else ENGINES[name].label


def title(name: str) -> str:
    """The engine's short name ("Vosk"); an unknown one as it is."""
    return AUTO_TITLE if name == AUTO else ENGINES[name].title if name in ENGINES else name


def finishes_late(name: str) -> bool:
    """True when the engine that writes the final text still decodes after the answer."""
    engine = ENGINES.get(name)
    return engine is not None and engine.finishes_late


def of_kind(kind: str) -> list[Engine]:
    return [e for e in ENGINES.values() if e.kind == kind]


def with_folders() -> list[Engine]:
    """Engines that load a model folder, in table order."""
    return [e for e in ENGINES.values() if e.is_model is not None]


def folder_kinds() -> str:
    """'Vosk or Whisper': what a model folder given by hand may hold."""
    return " or ".join(e.title for e in with_folders())


def engine_for_folder(path: Path) -> Engine:
    """The engine whose model the folder holds; else the first that takes folders, whose
    loader says what is wrong with it."""
    takes = with_folders()
    return next((e for e in takes if e.is_model is not None and e.is_model(path)), takes[0])


def first_found(kind: str) -> tuple[Engine, Model] | None:
    """The engine of this kind the automatic choice uses, and its model: the first in
    table order that has one."""
    for engine in of_kind(kind):
        model = engine.find()
        if model is not None:
            return engine, model
    return None
