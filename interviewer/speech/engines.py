"""Choosing and loading a recognizer once per process, so every answer reuses the model.

`auto` gives live text from the first live engine in the table that has a model (Vosk
with an English model, else Sphinx) and the final transcript from the first final one
(Whisper) when it has a model (interviewer.speech.two_pass). A better engine that fails
to load is replaced by the next one, and the recognizer's `fallback_reason` says why in
words. What each engine is, is in interviewer.speech.registry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.speech.registry import (
    AUTO,
    ENGINES,
    FINAL,
    LIVE,
    Engine,
    Model,
    choices,
    engine_for_folder,
    first_found,
    of_kind,
)

_cache: dict[tuple[str, str], Recognizer] = {}
_cache_lock = threading.Lock()


def _cached(key: tuple[str, str], make: Callable[[], Recognizer]) -> Recognizer:
    """Loads run under one lock: two callers asking at once must not load the model twice."""
    with _cache_lock:
        if key not in _cache:
            _cache[key] = make()
        return _cache[key]


def load(engine: Engine, path: Path | None = None) -> Recognizer:
    """The engine with the named model folder, or the one it finds; loaded once."""
    folder = engine.locate(path)
    return _cached(engine.cache_key(folder), lambda: engine.make(folder))


def sphinx() -> Recognizer:
    """For tests and benchmarks that want one engine by itself."""
    return load(ENGINES["sphinx"])


def vosk(path: Path | None = None) -> Recognizer:
    return load(ENGINES["vosk"], path)


def whisper(path: Path | None = None) -> Recognizer:
    return load(ENGINES["whisper"], path)


def load_recognizer(engine: str = AUTO, model_path: str | Path | None = None) -> Recognizer:
    """Slow the first time (the model loads), instant afterwards; call it off the UI thread."""
    if engine not in choices():
        raise ModelError(f"unknown speech engine '{engine}'",
                         f"use one of: {', '.join(choices())}")
    path = Path(model_path) if model_path is not None else None
    if engine != AUTO:
        return load(ENGINES[engine], path)
    if path is not None:
        return load(engine_for_folder(path), path)
    live = _live()
    found = first_found(FINAL)
    if found is None:
        return live
    try:
        final = load(found[0])
    except ModelError as exc:
        return _Fallback(live, _join(live.fallback_reason,
                                     f"no final pass with {found[0].title}: {exc.message}"))
    from interviewer.speech.two_pass import TwoPassRecognizer

    return TwoPassRecognizer(live, final)  # type: ignore[arg-type]


def _live() -> Recognizer:
    """The first live engine that has a model and loads; one that has a model but does
    not load hands over to the next, and the recognizer says why."""
    reason = ""
    failure: ModelError | None = None
    for engine in of_kind(LIVE):
        model = engine.find()
        if model is None:
            continue
        try:
            recognizer = load(engine, model.path)
        except ModelError as exc:
            failure = failure or exc
            reason = reason or f"{engine.title} model {model.name} unusable: {exc.message}"
            continue
        return _Fallback(recognizer, reason) if reason else recognizer
    raise failure or ModelError("no speech engine for live text is installed",
                                "reinstall interviewer (./start.sh)")


def _join(*reasons: str) -> str:
    return "; ".join(r for r in reasons if r)


class _Fallback(Recognizer):
    """The engine actually used, carrying the reason the preferred one was not."""

    def __init__(self, inner: Recognizer, reason: str) -> None:
        self._inner = inner
        self.engine = inner.engine
        self.model = inner.model
        self.fallback_reason = reason

    def open_stream(self, context: str = "") -> Stream:
        return self._inner.open_stream(context)


def forget(model_path: Path) -> None:
    """Drop a loaded model whose folder was replaced, so the next load reads the new one."""
    folder = model_path.expanduser().resolve()
    with _cache_lock:
        for engine in ENGINES.values():
            _cache.pop(engine.cache_key(folder), None)


def plan(engine: str = AUTO, model_path: str | Path | None = None) -> str:
    """In plain words, which recognizers will hear the answers, without loading any model."""
    if engine not in choices():
        return f"'{engine}' is not a speech engine; answers use the automatic choice."
    if model_path:
        path = Path(model_path)
        return (f"Your answers are heard by {engine_for_folder(path).title}, using the "
                f"model at {path}.")
    if engine != AUTO:
        chosen = ENGINES[engine]
        model = chosen.find()
        if model is None:
            return chosen.missing
        return f"Your answers are heard by {chosen.title} ({_called(model)}){chosen.expect}"
    live, final = first_found(LIVE), first_found(FINAL)
    heard = f"{live[0].title} ({_called(live[1])})" if live else "Nothing"
    if final is None:
        finals = " or ".join(e.title for e in of_kind(FINAL)) or "final"
        return f"{heard} writes your answer as you speak (no {finals} model for a final pass)."
    return (f"{heard} writes your answer as you speak; {final[0].title} "
            f"({_called(final[1])}) then writes the final transcript, which the feedback uses.")


def _called(model: Model) -> str:
    """A model by its name; one built into its engine's package as 'built in'."""
    return "built in" if model.path is None else model.name
