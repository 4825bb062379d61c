"""interviewer.speech names its contract with plain imports, and importing it is cheap."""

from __future__ import annotations

import subprocess
import sys

import interviewer.speech as speech
from interviewer.speech import audio, engines, errors, transcribe
from tests.conftest import REPO

DECODERS = ("vosk", "faster_whisper", "ctranslate2", "pocketsphinx", "speech_recognition",
            "soundfile", "soxr")


def test_the_contract_names_are_the_modules_own_objects() -> None:
    assert speech.read_pcm is audio.read_pcm
    assert speech.load_recognizer is engines.load_recognizer
    assert speech.transcribe_file is transcribe.transcribe_file
    assert speech.AudioError is errors.AudioError
    assert "__getattr__" not in vars(speech)  # no lazy names: the checker sees real types
    assert sorted(speech.__all__) == sorted(n for n in speech.__all__ if hasattr(speech, n))


def test_importing_the_package_and_its_engine_table_loads_no_decoder() -> None:
    code = ("import sys, interviewer.speech, interviewer.speech.registry\n"
            f"print(sorted(n for n in sys.modules if n.split('.')[0] in {DECODERS!r}))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
