"""Playing a WAV from the terminal without Qt: the system's own player program.

The desktop app plays through Qt (`interviewer.ui.audio_out.Player`); the CLI must not need a
display, so it hands the file to paplay, pw-play or aplay (afplay on macOS,
winsound on Windows) and waits, with a time limit so it never hangs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from pathlib import Path

from interviewer.errors import InterviewerError

LINUX_PLAYERS = (("paplay",), ("pw-play",), ("aplay", "-q"))
NO_DEVICE_HINT = "write the audio to a file instead: --out question.wav"


def wav_seconds(path: Path) -> float:
    """Length of a WAV in seconds."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / float(wav.getframerate())


def player_command() -> list[str] | None:
    """The first player program on this system, or None (Windows uses winsound instead)."""
    candidates = (("afplay",),) if sys.platform == "darwin" else LINUX_PLAYERS
    for command in candidates:
        if shutil.which(command[0]):
            return list(command)
    return None


def play_wav(path: Path) -> None:
    """Play to the end; InterviewerError when there is no player or no audio device."""
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME)
        return
    command = player_command()
    if command is None:
        raise InterviewerError("no audio player found (paplay, pw-play or aplay)",
                               "install pulseaudio-utils or alsa-utils, or " + NO_DEVICE_HINT)
    limit = wav_seconds(path) + 15.0
    try:
        done = subprocess.run([*command, str(path)], capture_output=True, text=True,
                              timeout=limit)
    except subprocess.TimeoutExpired as exc:
        raise InterviewerError(f"{command[0]} did not finish playing within {limit:.0f} s",
                               "check the sound settings, or " + NO_DEVICE_HINT) from exc
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise InterviewerError(f"no audio device to play on ({command[0]}: {detail})",
                               NO_DEVICE_HINT)
