"""`interviewer transcribe`: turn recorded answers into text with word timings, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interviewer.cli.output import print_json
from interviewer.speech import load_recognizer, transcribe_file
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
    engine = "vosk" if args.model and args.engine == "auto" else args.engine
    recognizer = load_recognizer(engine, args.model)
    if recognizer.fallback_reason:
        print(f"interviewer: warning: {recognizer.fallback_reason}; using {recognizer.model}",
              file=sys.stderr)
    results = []
    for path in args.audio:
        transcript = transcribe_file(path, recognizer)
        if args.json:
            results.append(_as_json(path, transcript))
        else:
            prefix = f"{path}: " if len(args.audio) > 1 else ""
            print(prefix + transcript.text)
    if args.json:
        print_json(results)
    else:
        print(f"({recognizer.engine}: {recognizer.model})", file=sys.stderr)
    return 0


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
