"""The one place pyttsx3 runs: a short-lived process per request.

pyttsx3 has traps that a fresh process sidesteps: espeak can be initialised only
once per process, a second `runAndWait` hangs on macOS, only the last queued
utterance runs, SAPI5 must stay on the thread that made it. So the parent starts
this script, sends one JSON request on stdin and reads one JSON reply from stdout;
a hang is the parent's timeout, never the app's.

This file runs as a script (not `-m`), so it imports nothing from the project.
Requests: {"op": "voices"} or {"op": "synth", "text", "voice", "rate", "volume", "out"}.
Replies: {"ok": true, ...} or {"ok": false, "kind": "unavailable" | "failed", "error": str}.
"""

from __future__ import annotations

import json
import os
import sys
import time
import wave
from pathlib import Path
from typing import Any

DRIVER_ENV = "INTERVIEWER_TTS_DRIVER"
FILE_WAIT_SECONDS = 20.0
SETTINGS_WAIT_SECONDS = 10.0


class UnavailableError(Exception):
    """No speech backend on this machine (driver missing, no voices)."""


def _engine() -> Any:
    """Start pyttsx3 on the platform's driver (or the one named in the environment)."""
    try:
        import pyttsx3
    except ImportError as exc:
        raise UnavailableError(f"pyttsx3 is not installed ({exc})") from exc
    driver = os.environ.get(DRIVER_ENV) or None
    try:
        return pyttsx3.init(driver)
    except Exception as exc:  # pyttsx3 raises anything from ImportError to OSError
        raise UnavailableError(f"{type(exc).__name__}: {exc}") from exc


def _voice_record(voice: Any) -> dict[str, Any]:
    languages = []
    for lang in getattr(voice, "languages", None) or []:
        if isinstance(lang, bytes):
            lang = lang.decode("utf-8", "ignore").lstrip("\x00\x01\x02\x03\x04\x05")
        languages.append(str(lang))
    return {"id": str(voice.id), "name": str(voice.name or voice.id),
            "languages": languages, "gender": getattr(voice, "gender", None)}


def _driver_name(engine: Any) -> str:
    """The pyttsx3 driver in use: "espeak", "sapi5", "nsss", ..."""
    return type(engine.proxy._driver).__module__.rsplit(".", 1)[-1]


def list_voices() -> dict[str, Any]:
    engine = _engine()
    voices = [_voice_record(v) for v in engine.getProperty("voices") or []]
    if not voices:
        raise UnavailableError("the speech engine has no voices installed")
    current = engine.getProperty("voice")
    return {"ok": True, "voices": voices, "current": str(current) if current else None,
            "driver": _driver_name(engine)}


def _file_complete(path: Path) -> bool:
    """A RIFF WAV whose data chunk is all there, or another non-empty audio file (AIFF)."""
    try:
        size = path.stat().st_size
        if size <= 44:
            return False
        with path.open("rb") as handle:
            magic = handle.read(4)
        if magic != b"RIFF":
            return magic == b"FORM"
        with wave.open(str(path), "rb") as wav:
            expected = wav.getnframes() * wav.getsampwidth() * wav.getnchannels()
        return wav.getnframes() > 0 and size >= 44 + expected
    except (OSError, EOFError, wave.Error):
        return False


def wait_for_file(path: Path, timeout: float = FILE_WAIT_SECONDS) -> None:
    """`runAndWait` may return before the file is written: wait until it is whole and still."""
    deadline = time.monotonic() + timeout
    last_size = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else -1
        if size == last_size and _file_complete(path):
            return
        last_size = size
        time.sleep(0.02)
    raise RuntimeError(f"the speech engine did not finish writing {path.name}")


def _to_wav(path: Path) -> None:
    """NSSS writes AIFF whatever the name says; rewrite anything that is not WAV as WAV."""
    with path.open("rb") as handle:
        if handle.read(4) == b"RIFF":
            return
    import soundfile

    data, rate = soundfile.read(str(path), dtype="int16")
    soundfile.write(str(path), data, rate, subtype="PCM_16", format="WAV")


def _espeak_settings_now(rate: int | None, volume: float | None) -> None:
    """Set espeak's rate and volume and wait until its own thread has applied them.

    espeak applies a parameter on a thread of its own, and pyttsx3 ends `runAndWait` by
    cancelling espeak if that thread is still busy. A cancel drops the command the thread
    has just taken and restores the previous values, so now and then, under load, an
    answer came out at pyttsx3's default 200 words a minute. Settling them here, before
    `runAndWait`, leaves pyttsx3 nothing to cancel.
    """
    import ctypes

    from pyttsx3.drivers import _espeak

    wanted = {}
    if rate:
        wanted[_espeak.RATE] = int(rate)
    if volume is not None:
        wanted[_espeak.VOLUME] = int(round(float(volume) * 100, 2))  # pyttsx3's own scaling
    current = _espeak.dll.espeak_GetParameter
    current.argtypes, current.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    for parameter, value in wanted.items():
        _espeak.SetParameter(parameter, value, 0)
    deadline = time.monotonic() + SETTINGS_WAIT_SECONDS
    while any(current(p, 1) != v for p, v in wanted.items()) or _espeak.IsPlaying():
        if time.monotonic() > deadline:
            raise RuntimeError("espeak did not apply the rate and volume in time")
        _espeak.Synchronize()
        time.sleep(0.005)


def _apply_settings(engine: Any, request: dict[str, Any]) -> None:
    """The voice, rate and volume of the request, on the engine that will speak it."""
    if request.get("voice"):
        engine.setProperty("voice", request["voice"])
    if _driver_name(engine) == "espeak":
        _espeak_settings_now(request.get("rate"), request.get("volume"))
        return
    if request.get("rate"):
        engine.setProperty("rate", int(request["rate"]))
    if request.get("volume") is not None:
        engine.setProperty("volume", float(request["volume"]))


def synthesize(request: dict[str, Any]) -> dict[str, Any]:
    engine = _engine()
    # pyttsx3 queues every command until runAndWait and swallows their exceptions
    # (an unknown voice, a refused rate), reporting them only on its "error" topic.
    errors: list[BaseException] = []
    engine.connect("error", lambda name=None, exception=None: errors.append(exception))
    _apply_settings(engine, request)
    out = Path(request["out"])
    engine.save_to_file(request["text"], str(out))
    engine.runAndWait()
    if errors:
        raise RuntimeError(f"the speech engine refused the request: {errors[0]}")
    wait_for_file(out)
    _to_wav(out)
    return {"ok": True, "out": str(out)}


def handle(request: dict[str, Any]) -> dict[str, Any]:
    try:
        if request.get("op") == "voices":
            return list_voices()
        if request.get("op") == "synth":
            return synthesize(request)
        return {"ok": False, "kind": "failed", "error": f"unknown op {request.get('op')!r}"}
    except UnavailableError as exc:
        return {"ok": False, "kind": "unavailable", "error": str(exc)}
    except Exception as exc:
        return {"ok": False, "kind": "failed", "error": f"{type(exc).__name__}: {exc}"}


def main() -> int:
    reply_to = sys.stdout
    sys.stdout = sys.stderr  # pyttsx3 prints chatter ("Audio saved to ..."); keep stdout clean
    request = json.loads(sys.stdin.read() or "{}")
    reply = handle(request)
    reply_to.write(json.dumps(reply) + "\n")
    reply_to.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
