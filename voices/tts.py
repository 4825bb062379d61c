"""Text-to-speech for the interviewer: a complete WAV for any text, from the cache when possible.

pyttsx3 itself only ever runs in `voices/worker.py`, in a process of its own with a
time limit, so a stuck driver costs one request, never the app. Blocking: call
`synthesize` off the UI thread.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.errors import InterviewerError
from voices import worker
from voices.cache import TtsCache, cache_key
from voices.selection import VoiceInfo, choose_default, find_voice, voice_from_record

__all__ = ["DEFAULT_RATE", "DEFAULT_VOLUME", "Backend", "TtsError", "TtsUnavailable",
           "VoiceInfo", "backend", "default_voice", "forget_backend", "list_voices",
           "preferred_voice", "resolve_voice", "stats", "synthesize"]

DEFAULT_RATE = 170  # words per minute: a calm interviewer, a little under pyttsx3's 200
DEFAULT_VOLUME = 1.0
RATE_RANGE = (60, 450)
WORKER_SCRIPT = Path(worker.__file__)
VOICES_TIMEOUT = 30.0


class TtsUnavailable(InterviewerError):  # noqa: N818 - the name the contract gives
    """No speech backend: the app goes on with questions on screen only."""


class TtsError(InterviewerError):
    """The backend is there but one request failed (timeout, crash, bad file)."""


@dataclass
class Stats:
    """Counts per process, so tests and benchmarks can see what the cache saved."""

    synthesised: int = 0
    cache_hits: int = 0


stats = Stats()


@dataclass(frozen=True)
class Backend:
    """What the speech driver offers on this machine."""

    driver: str
    voices: list[VoiceInfo] = field(default_factory=list)

    @property
    def default(self) -> VoiceInfo:
        found = choose_default(self.voices)
        assert found is not None  # a Backend is only built with voices
        return found


def _unavailable_hint() -> str:
    if sys.platform.startswith("linux"):
        return ("install espeak-ng (sudo apt install espeak-ng); until then questions are "
                "shown on screen only")
    return ("check the system's text-to-speech voices in its settings; until then questions "
            "are shown on screen only")


def _run_worker(request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """One request to a fresh worker process; its reply, or TtsError/TtsUnavailable."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        done = subprocess.run([sys.executable, str(WORKER_SCRIPT)], input=json.dumps(request),
                              capture_output=True, text=True, timeout=timeout,
                              creationflags=flags, encoding="utf-8")
    except subprocess.TimeoutExpired as exc:
        raise TtsError(f"the speech engine did not answer within {timeout:.0f} s and was stopped",
                       "try again; if it keeps happening, pick another voice "
                       "(interviewer voices)") from exc
    except OSError as exc:
        raise TtsUnavailable(f"cannot start the speech worker: {exc}", _unavailable_hint()) from exc
    reply = _parse_reply(done.stdout)
    if reply is None:
        detail = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise TtsError(f"the speech engine stopped unexpectedly: {detail}",
                       "try again, or pick another voice (interviewer voices)")
    if not reply.get("ok"):
        if reply.get("kind") == "unavailable":
            raise TtsUnavailable(f"no text-to-speech available: {reply['error']}",
                                 _unavailable_hint())
        raise TtsError(f"speech synthesis failed: {reply['error']}",
                       "try again, or pick another voice (interviewer voices)")
    return reply


def _parse_reply(stdout: str) -> dict[str, Any] | None:
    for line in reversed(stdout.strip().splitlines()):
        try:
            reply = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(reply, dict):
            return reply
    return None


_backend_lock = threading.Lock()
_backend: Backend | None = None


def backend(refresh: bool = False) -> Backend:
    """The driver and its voices, asked once per process (the list rarely changes)."""
    global _backend
    with _backend_lock:
        if refresh:
            _backend = None
        if _backend is None:
            reply = _run_worker({"op": "voices"}, VOICES_TIMEOUT)
            voices = [voice_from_record(r) for r in reply["voices"]]
            _backend = Backend(driver=str(reply.get("driver") or "unknown"), voices=voices)
        return _backend


def forget_backend() -> None:
    """Ask the driver again next time (after voices were installed, or the driver changed)."""
    global _backend
    with _backend_lock:
        _backend = None


def list_voices() -> list[VoiceInfo]:
    return list(backend().voices)


def default_voice() -> VoiceInfo:
    """An English voice when there is one: en-us, then en-gb, then any English."""
    return backend().default


def resolve_voice(query: str | None) -> VoiceInfo:
    """The voice for an id, name or language tag; the default for None or ''."""
    if not query:
        return default_voice()
    found = find_voice(list_voices(), query)
    if found is None:
        raise InterviewerError(f"no voice matches '{query}'",
                               "list the voices with: interviewer voices")
    return found


def preferred_voice(preference: str | None) -> VoiceInfo:
    """Like resolve_voice, but a preference that is not installed (a persona's) gets the default."""
    if preference:
        found = find_voice(list_voices(), preference)
        if found is not None:
            return found
    return default_voice()


def _check_settings(text: str, rate: int, volume: float) -> None:
    if not text.strip():
        raise InterviewerError("there is no text to speak", "give the words to say")
    if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
        raise InterviewerError(f"rate {rate} is out of range",
                               f"use {RATE_RANGE[0]}-{RATE_RANGE[1]} words per minute")
    if not 0.0 <= volume <= 1.0:
        raise InterviewerError(f"volume {volume} is out of range", "use 0.0-1.0")


def _timeout_for(text: str) -> float:
    """Generous: synthesis runs far faster than speech, this only catches a hung driver."""
    return 30.0 + len(text) / 20


def synthesize(text: str, voice: str | None = None, rate: int | None = None,
               volume: float | None = None, *, cache: TtsCache | None = None) -> Path:
    """A complete WAV of `text` in the cache; synthesised only when not cached yet."""
    rate = int(rate if rate is not None else DEFAULT_RATE)
    volume = float(volume if volume is not None else DEFAULT_VOLUME)
    _check_settings(text, rate, volume)
    chosen = resolve_voice(voice)
    store = cache or TtsCache()
    key = cache_key(text.strip(), chosen.id, rate, volume, backend().driver)
    hit = store.get(key)
    if hit is not None:
        stats.cache_hits += 1
        return hit
    partial = store.temp_path(key)
    try:
        _run_worker({"op": "synth", "text": text.strip(), "voice": chosen.id, "rate": rate,
                     "volume": volume, "out": str(partial)}, _timeout_for(text))
        try:
            worker.wait_for_file(partial, timeout=5.0)
        except RuntimeError as exc:
            raise TtsError(f"the speech engine wrote an incomplete file ({exc})",
                           "try again, or pick another voice (interviewer voices)") from exc
        stats.synthesised += 1
        return store.put(key, partial)
    finally:
        if partial.exists():
            os.unlink(partial)
