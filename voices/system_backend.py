"""The system's voices through pyttsx3 (espeak-ng, SAPI5, NSSS): the fallback backend.

pyttsx3 itself only ever runs in `voices/worker.py`, in a process of its own with a
time limit, so a stuck driver costs one request, never the app.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from interviewer.voices import worker
from interviewer.voices.errors import PICK_ANOTHER, TtsError, TtsUnavailable
from interviewer.voices.selection import VoiceInfo, voice_from_record

WORKER_SCRIPT = Path(worker.__file__)
VOICES_TIMEOUT = 30.0


def _unavailable_hint() -> str:
    if sys.platform.startswith("linux"):
        return ("install espeak-ng (sudo apt install espeak-ng); until then questions are "
                "shown on screen only")
    return ("check the system's text-to-speech voices in its settings; until then questions "
            "are shown on screen only")


def run_worker(request: dict[str, Any], timeout: float) -> dict[str, Any]:
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
        raise TtsError(f"the speech engine stopped unexpectedly: {detail}", PICK_ANOTHER)
    if not reply.get("ok"):
        if reply.get("kind") == "unavailable":
            raise TtsUnavailable(f"no text-to-speech available: {reply['error']}",
                                 _unavailable_hint())
        raise TtsError(f"speech synthesis failed: {reply['error']}", PICK_ANOTHER)
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


class SystemBackend:
    """pyttsx3 in a worker process per request; the voice list asked once per process."""

    name = "pyttsx3"
    label = "system voices (pyttsx3)"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._voices: list[VoiceInfo] | None = None
        self.driver = ""

    def voices(self) -> list[VoiceInfo]:
        """The driver's voices; TtsUnavailable when pyttsx3 or its driver is missing."""
        with self._lock:
            if self._voices is None:
                reply = run_worker({"op": "voices"}, VOICES_TIMEOUT)
                self.driver = str(reply.get("driver") or "unknown")
                self._voices = [voice_from_record(r) for r in reply["voices"]]
            return list(self._voices)

    def forget(self) -> None:
        with self._lock:
            self._voices = None

    def fingerprint(self, voice: VoiceInfo) -> str:
        """System voices have no file of ours to hash: the driver and voice id stand for it."""
        self.voices()
        return f"pyttsx3:{self.driver}:{voice.id}"

    def synthesize(self, text: str, voice: VoiceInfo, rate: int, volume: float,
                   out: Path) -> None:
        run_worker({"op": "synth", "text": text, "voice": voice.id, "rate": rate,
                    "volume": volume, "out": str(out)}, timeout_for(text))
        try:
            worker.wait_for_file(out, timeout=5.0)
        except RuntimeError as exc:
            raise TtsError(f"the speech engine wrote an incomplete file ({exc})",
                           PICK_ANOTHER) from exc


def timeout_for(text: str) -> float:
    """Generous: synthesis runs far faster than speech, this only catches a hung driver."""
    return 30.0 + len(text) / 20
