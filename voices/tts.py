"""Text-to-speech for the interviewer: a complete WAV for any text, from the cache when possible.

The voices come from the backends in `interviewer.voices.backends`: Piper first where it is
installed, the system's voices (pyttsx3) as the fallback, also when Piper fails on a
request. Blocking: call `synthesize` off the UI thread.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import InterviewerError
from interviewer.voices.backends import BACKENDS, SpeechBackend, backend_named
from interviewer.voices.cache import TtsCache, cache_key
from interviewer.voices.errors import TtsError, TtsUnavailable
from interviewer.voices.piper_voices import DEFAULT_PIPER_VOICE
from interviewer.voices.selection import VoiceInfo, choose_default, find_voice

__all__ = ["DEFAULT_RATE", "DEFAULT_VOLUME", "Spoken", "TtsError", "TtsUnavailable",
           "VoiceInfo", "backend_status", "default_voice", "forget_backend", "list_voices",
           "preferred_voice", "resolve_voice", "stats", "synthesize", "synthesize_spoken",
           "warm_up"]

DEFAULT_RATE = 170  # words per minute: a calm interviewer
DEFAULT_VOLUME = 1.0
RATE_RANGE = (60, 450)

log = logging.getLogger(__name__)


@dataclass
class Stats:
    """Counts per process, so tests and benchmarks can see what the cache saved."""

    synthesised: int = 0
    cache_hits: int = 0
    fallbacks: int = 0


stats = Stats()


@dataclass(frozen=True)
class Spoken:
    """A finished WAV, the voice that really spoke it, and why it is not the one asked for."""

    path: Path
    voice: VoiceInfo
    fallback_reason: str | None = None


_lock = threading.Lock()
_voices: dict[str, list[VoiceInfo]] = {}
_problems: dict[str, TtsUnavailable] = {}


def _voices_of(name: str) -> list[VoiceInfo]:
    """One backend's voices, asked once per process; [] when it cannot speak here."""
    with _lock:
        if name in _voices:
            return _voices[name]
    try:
        found = BACKENDS[name].voices()
        problem = None
    except TtsUnavailable as exc:
        found, problem = [], exc
    with _lock:
        _voices[name] = found
        if problem is not None:
            _problems[name] = problem
    return found


def forget_backend() -> None:
    """Ask every backend again next time (after voices were installed, or a driver changed)."""
    with _lock:
        _voices.clear()
        _problems.clear()
    for backend in BACKENDS.values():
        backend.forget()


def _nothing_speaks() -> TtsUnavailable:
    """The system backend's reason comes last: it says what to install on this platform."""
    problems = [_problems[name] for name in BACKENDS if name in _problems]
    last = problems[-1] if problems else TtsUnavailable("no text-to-speech available", "")
    return TtsUnavailable(last.message if last.message.startswith("no text-to-speech")
                          else f"no text-to-speech available: {last.message}", last.hint)


def list_voices() -> list[VoiceInfo]:
    """Every voice of every backend, best backend first; TtsUnavailable when there is none."""
    voices = [v for name in BACKENDS for v in _voices_of(name)]
    if not voices:
        raise _nothing_speaks()
    return voices


def backend_status() -> list[dict[str, object]]:
    """Each backend: can it speak here, how many voices, and why not."""
    rows = []
    for name, backend in BACKENDS.items():
        voices = _voices_of(name)
        problem = _problems.get(name)
        rows.append({"name": name, "label": backend.label, "available": bool(voices),
                     "voices": len(voices), "driver": getattr(backend, "driver", "") or name,
                     "problem": f"{problem.message}; {problem.hint}" if problem else None,
                     "warnings": list(getattr(backend, "problems", []))})
    return rows


def _default_of(name: str) -> VoiceInfo | None:
    voices = _voices_of(name)
    if name == "piper":
        chosen = [v for v in voices if v.id == DEFAULT_PIPER_VOICE]
        if chosen:
            return chosen[0]
    return choose_default(voices)


def default_voice() -> VoiceInfo:
    """The best backend's English voice: Piper's joe where installed, else en-us, en-gb, ..."""
    for name in BACKENDS:
        found = _default_of(name)
        if found is not None:
            return found
    raise _nothing_speaks()


def _split_backend(query: str) -> tuple[list[str], str]:
    """'piper:en-gb' searches Piper only; a plain query searches every backend in order."""
    head, sep, rest = query.partition(":")
    if sep:
        named = backend_named(head)
        if named is not None:
            return [named.name], rest.strip()
    return list(BACKENDS), query.strip()


def _search(query: str, loose: bool) -> VoiceInfo | None:
    """Each backend in order answers exactly first; only then does a near match count."""
    names, wanted = _split_backend(query)
    if not wanted:
        return next((v for n in names if (v := _default_of(n))), None)
    for name in names:
        found = find_voice(_voices_of(name), wanted, loose=False)
        if found is not None:
            return found
    if loose:
        return find_voice([v for n in names for v in _voices_of(n)], wanted, loose=True)
    return None


def find(query: str) -> VoiceInfo | None:
    """A voice for an id, name or language, optionally 'backend:...', or a comma-separated
    list of such preferences tried in order (exact matches first); None when nothing fits."""
    parts = [query] + ([p for p in query.split(",") if p.strip()] if "," in query else [])
    for loose in (False, True):
        for part in parts:
            found = _search(part, loose)
            if found is not None:
                return found
    return None


def resolve_voice(query: str | None) -> VoiceInfo:
    """The voice for a query (see `find`); the default for None or ''."""
    if not query or not query.strip():
        return default_voice()
    found = find(query)
    if found is None:
        list_voices()  # no voice at all is TtsUnavailable, not "no match"
        raise InterviewerError(f"no voice matches '{query}'",
                               "list the voices with: interviewer voices")
    return found


def preferred_voice(preference: str | None) -> VoiceInfo:
    """Like resolve_voice, but a preference that is not installed (a persona's) gets the default."""
    found = find(preference) if preference and preference.strip() else None
    return found or default_voice()


def warm_up(preference: str | None = None) -> VoiceInfo:
    """Load the preferred voice's model ahead of time (call it off the UI thread)."""
    voice = preferred_voice(preference)
    warm = getattr(BACKENDS[voice.backend], "warm", None)
    if warm is not None:
        warm(voice)
    return voice


def _check_settings(text: str, rate: int, volume: float) -> None:
    if not text.strip():
        raise InterviewerError("there is no text to speak", "give the words to say")
    if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
        raise InterviewerError(f"rate {rate} is out of range",
                               f"use {RATE_RANGE[0]}-{RATE_RANGE[1]} words per minute")
    if not 0.0 <= volume <= 1.0:
        raise InterviewerError(f"volume {volume} is out of range", "use 0.0-1.0")


def _fallback_for(voice: VoiceInfo) -> VoiceInfo | None:
    """A system voice in the same language as a Piper voice that failed."""
    if voice.backend == "pyttsx3":
        return None
    wanted = ",".join(f"pyttsx3:{tag}" for tag in voice.languages) or "pyttsx3:"
    return find(wanted) or _default_of("pyttsx3")


def _make(backend: SpeechBackend, text: str, voice: VoiceInfo, rate: int, volume: float,
          store: TtsCache) -> Path:
    """The cached WAV for these settings, synthesised now if it is not there yet."""
    key = cache_key(text, voice.id, rate, volume, backend.fingerprint(voice))
    hit = store.get(key)
    if hit is not None:
        stats.cache_hits += 1
        return hit
    partial = store.temp_path(key)
    try:
        backend.synthesize(text, voice, rate, volume, partial)
        stats.synthesised += 1
        return store.put(key, partial)
    finally:
        if partial.exists():
            os.unlink(partial)


def synthesize_spoken(text: str, voice: str | None = None, rate: int | None = None,
                      volume: float | None = None, *, cache: TtsCache | None = None) -> Spoken:
    """Like `synthesize`, saying which voice spoke: a failing Piper voice hands over to the
    system voice of its language, so the question is still heard."""
    rate = int(rate if rate is not None else DEFAULT_RATE)
    volume = float(volume if volume is not None else DEFAULT_VOLUME)
    _check_settings(text, rate, volume)
    chosen = resolve_voice(voice)
    store = cache or TtsCache()
    try:
        return Spoken(_make(BACKENDS[chosen.backend], text.strip(), chosen, rate, volume, store),
                      chosen)
    except TtsError as exc:
        backup = _fallback_for(chosen)
        if backup is None:
            raise
        log.warning("%s; speaking with %s instead", exc.message, backup.id)
        stats.fallbacks += 1
        path = _make(BACKENDS[backup.backend], text.strip(), backup, rate, volume, store)
        return Spoken(path, backup, exc.message)


def synthesize(text: str, voice: str | None = None, rate: int | None = None,
               volume: float | None = None, *, cache: TtsCache | None = None) -> Path:
    """A complete WAV of `text` in the cache; synthesised only when not cached yet."""
    return synthesize_spoken(text, voice, rate, volume, cache=cache).path
