"""Choosing and loading a recognizer once per process, so every answer reuses the model.

`auto` gives live text from Vosk (an English model) or else Sphinx, and the final
transcript from Whisper when a Whisper model is present (interviewer.speech.two_pass).
A better engine that fails to load is replaced by the next one, and the recognizer's
`fallback_reason` says why in words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.errors import ModelError
from interviewer.speech.models import choose_model
from interviewer.speech.registry import AUTO, CHOICES, ENGINES
from interviewer.speech.whisper_models import choose_whisper, info_for, is_whisper_model

INSTALL_HINT = "install one with: interviewer model install small-en-us (or pass --model PATH)"

_cache: dict[tuple[str, str], Recognizer] = {}
_cache_lock = threading.Lock()


def _cached(key: tuple[str, str], make: Callable[[], Recognizer]) -> Recognizer:
    """Loads run under one lock: two callers asking at once must not load the model twice."""
    with _cache_lock:
        if key not in _cache:
            _cache[key] = make()
        return _cache[key]


def sphinx() -> Recognizer:
    from interviewer.speech.sphinx_engine import SphinxRecognizer

    return _cached(("sphinx", ""), SphinxRecognizer)


def vosk(path: Path | None = None) -> Recognizer:
    """The named Vosk model, or the English one found first: answers are in English, and
    a model in another language would turn them into its own words."""
    from interviewer.speech.vosk_engine import VoskRecognizer

    if path is None:
        found = choose_model(english_only=True)
        if found is None:
            other = choose_model()
            if other is not None:
                raise ModelError(f"the only Vosk model found, {other.name}, is not English "
                                 f"({other.language or 'unknown language'})", INSTALL_HINT)
            raise ModelError("no Vosk model is installed", INSTALL_HINT)
        path = found.path
    folder = path.expanduser().resolve()
    return _cached(("vosk", str(folder)), lambda: VoskRecognizer(folder))


def whisper(path: Path | None = None) -> Recognizer:
    """The named Whisper folder, or the best one found; its weights are checked first."""
    from interviewer.speech.whisper_engine import WhisperRecognizer

    info = info_for(path) if path is not None else choose_whisper()
    if info is None:
        raise ModelError("no Whisper model is installed",
                         "reinstall interviewer (./start.sh) or: interviewer model install tiny.en")
    return _cached(("whisper", str(info.path.resolve())), lambda: WhisperRecognizer(info))


def load_recognizer(engine: str = AUTO, model_path: str | Path | None = None) -> Recognizer:
    """Slow the first time (the model loads), instant afterwards; call it off the UI thread."""
    if engine not in CHOICES:
        raise ModelError(f"unknown speech engine '{engine}'", f"use one of: {', '.join(CHOICES)}")
    path = Path(model_path) if model_path is not None else None
    if engine != AUTO:
        return ENGINES[engine].load(path)
    if path is not None:
        return whisper(path) if is_whisper_model(path) else vosk(path)
    live = _live()
    try:
        final = whisper() if choose_whisper() else None
    except ModelError as exc:
        return _Fallback(live, _join(live.fallback_reason,
                                     f"no final pass with Whisper: {exc.message}"))
    if final is None:
        return live
    from interviewer.speech.two_pass import TwoPassRecognizer

    return TwoPassRecognizer(live, final)  # type: ignore[arg-type]


def _live() -> Recognizer:
    """Vosk with an English model, else Sphinx (saying why when Vosk was there but broken)."""
    found = choose_model(english_only=True)
    if found is None:
        return sphinx()
    try:
        return vosk(found.path)
    except ModelError as exc:
        return _Fallback(sphinx(), f"Vosk model {found.name} unusable: {exc.message}")


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
    folder = str(model_path.expanduser().resolve())
    with _cache_lock:
        for kind in ("vosk", "whisper"):
            _cache.pop((kind, folder), None)


def plan(engine: str = AUTO, model_path: str | Path | None = None) -> str:
    """In plain words, which recognizers will hear the answers, without loading any model."""
    if engine not in CHOICES:
        return f"'{engine}' is not a speech engine; answers use the automatic choice."
    if model_path:
        path = Path(model_path)
        kind = "Whisper" if is_whisper_model(path) else "Vosk"
        return f"Your answers are heard by {kind}, using the model at {path}."
    live_model = choose_model(english_only=True)
    live = f"Vosk ({live_model.name})" if live_model else "CMU Sphinx (built in)"
    final = choose_whisper()
    if engine == "sphinx":
        return "Your answers are heard by CMU Sphinx (built in): live text, more mistakes."
    if engine == "vosk":
        return (f"Your answers are heard by Vosk ({live_model.name})." if live_model else
                "No English Vosk model is installed: install one, or choose Automatic.")
    if engine == "whisper":
        return (f"Your answers are heard by Whisper ({final.name}); its text appears as you "
                "pause." if final else "No Whisper model is found: choose Automatic.")
    if final is None:
        return f"{live} writes your answer as you speak (no Whisper model for a final pass)."
    return (f"{live} writes your answer as you speak; Whisper ({final.name}) then writes "
            "the final transcript, which the feedback uses.")
