"""Choosing and loading a recognizer once per process, so every answer reuses the model."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from interviewer.speech.base import Recognizer
from interviewer.speech.errors import ModelError
from interviewer.speech.models import choose_model

ENGINES = ("auto", "vosk", "sphinx")
INSTALL_HINT = "install one with: interviewer model install small-en-us (or pass --model PATH)"

_cache: dict[tuple[str, str], Recognizer] = {}
_cache_lock = threading.Lock()
_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech-model-loader")


def _cached(key: tuple[str, str], make) -> Recognizer:
    """Loads run under one lock: two callers asking at once must not load the model twice."""
    with _cache_lock:
        if key not in _cache:
            _cache[key] = make()
        return _cache[key]


def _sphinx() -> Recognizer:
    from interviewer.speech.sphinx_engine import SphinxRecognizer

    return _cached(("sphinx", ""), SphinxRecognizer)


def _vosk(path: Path) -> Recognizer:
    from interviewer.speech.vosk_engine import VoskRecognizer

    path = path.expanduser().resolve()
    return _cached(("vosk", str(path)), lambda: VoskRecognizer(path))


def load_recognizer(engine: str = "auto", model_path: str | Path | None = None) -> Recognizer:
    """Slow the first time (the model loads), instant afterwards; call it off the UI thread."""
    if engine not in ENGINES:
        raise ModelError(f"unknown speech engine '{engine}'", f"use one of: {', '.join(ENGINES)}")
    if engine == "sphinx":
        return _sphinx()
    if model_path is not None:
        return _vosk(Path(model_path))
    found = choose_model(english_only=engine == "auto")
    if engine == "vosk":
        if found is None:
            raise ModelError("no Vosk model is installed", INSTALL_HINT)
        return _vosk(found.path)
    if found is None:
        return _sphinx()
    try:
        return _vosk(found.path)
    except ModelError as exc:
        return _Fallback(_sphinx(), f"Vosk model {found.name} unusable: {exc.message}")


def load_recognizer_async(engine: str = "auto",
                          model_path: str | Path | None = None) -> Future[Recognizer]:
    """Start loading on the speech loader thread; the app warms the model while it starts up."""
    return _loader.submit(load_recognizer, engine, model_path)


class _Fallback(Recognizer):
    """The fallback engine, carrying the reason the preferred model was not used."""

    def __init__(self, inner: Recognizer, reason: str) -> None:
        self._inner = inner
        self.engine = inner.engine
        self.model = inner.model
        self.fallback_reason = reason

    def open_stream(self):
        return self._inner.open_stream()


def forget(model_path: Path) -> None:
    """Drop a loaded Vosk model whose folder was replaced, so the next load reads the new one."""
    with _cache_lock:
        _cache.pop(("vosk", str(model_path.expanduser().resolve())), None)


def clear_cache() -> None:
    """Forget loaded models (after installing a new one, or in tests)."""
    with _cache_lock:
        _cache.clear()
