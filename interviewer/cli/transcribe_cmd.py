"""`interviewer transcribe`: turn recorded answers into text with word timings, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interviewer.cli.output import print_json
from interviewer.errors import InterviewerError
from interviewer.speech import AudioError, load_recognizer, transcribe_file
from interviewer.speech.engines import ENGINES
from interviewer.transcript import Transcript


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("transcribe", help="transcribe recorded answers offline")
    parser.add_argument("audio", nargs="+", type=Path, metavar="AUDIO",
                        help="WAV, FLAC or AIFF files, any sample rate or channel count")
    parser.add_argument("--engine", choices=ENGINES, default="auto",
                        help="auto: Vosk if an English model is installed, else PocketSphinx")
    parser.add_argument("--model", type=Path, metavar="PATH", help="a Vosk model folder")
    parser.add_argument("--json", action="store_true",
                        help="print JSON: per file engine, model, text, duration, timed words")
    parser.set_defaults(func=transcribe)


def transcribe(args: argparse.Namespace) -> int:
    if args.model and args.engine == "sphinx":
        raise InterviewerError("--model names a Vosk model; it cannot be used with --engine sphinx",
                               "drop --model, or use --engine vosk")
    engine = "vosk" if args.model else args.engine
    recognizer = load_recognizer(engine, args.model)
    if recognizer.fallback_reason:
        print(f"interviewer: warning: {recognizer.fallback_reason}; using {recognizer.model}",
              file=sys.stderr)
    results, failed = [], 0
    for path in args.audio:
        try:
            transcript = transcribe_file(path, recognizer)
        except AudioError as exc:
            # One bad file should not cost the transcripts of the others.
            failed += 1
            print(f"interviewer: error: {exc.message}\n  {exc.hint}", file=sys.stderr)
            if args.json:
                results.append({"file": str(path), "error": exc.message})
            continue
        if args.json:
            results.append(_as_json(path, transcript))
        else:
            prefix = f"{path}: " if len(args.audio) > 1 else ""
            print(prefix + transcript.text)
    if args.json:
        print_json(results)
    elif failed < len(args.audio):
        print(f"({recognizer.engine}: {recognizer.model})", file=sys.stderr)
    return 1 if failed else 0


def _as_json(path: Path, transcript: Transcript) -> dict:
    """One file's result; times in seconds, rounded to the millisecond."""
    return {
        "file": str(path),
        "engine": transcript.engine,
        "model": transcript.model,
        "text": transcript.text,
        "duration": round(transcript.duration, 3),
        "words": [{"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3),
                   "conf": round(w.conf, 3)} for w in transcript.words],
    }
