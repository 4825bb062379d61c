"""`interviewer transcribe`: turn recorded answers into text with word timings, offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from interviewer.cli.output import print_json
from interviewer.errors import InterviewerError
from interviewer.speech import AudioError, load_recognizer, transcribe_file
from interviewer.speech.base import Recognizer
from interviewer.speech.registry import (
    AUTO,
    ENGINES,
    choices,
    finishes_late,
    folder_kinds,
    title,
    with_folders,
)
from interviewer.speech.vocabulary import context_for
from interviewer.transcript import Transcript

LONG_FILE_S = 60.0  # longer files report progress on stderr


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("transcribe", help="transcribe recorded answers offline")
    parser.add_argument("audio", nargs="+", type=Path, metavar="AUDIO",
                        help="WAV, FLAC or AIFF files, any sample rate or channel count")
    parser.add_argument("--engine", choices=choices(), default=AUTO,
                        help="auto: live pass with Vosk (English model) or PocketSphinx, final "
                             "transcript with Whisper when a Whisper model is present")
    parser.add_argument("--model", type=Path, metavar="PATH",
                        help=f"a {folder_kinds()} model folder")
    parser.add_argument("--question", metavar="QUESTION_ID",
                        help="the bank question answered (e.g. ar-coordinator/reduce-dso): its "
                             "text and its bank's terms help Whisper write them right")
    parser.add_argument("--vocabulary", metavar="TERMS", default="",
                        help="comma-separated words to expect (names, acronyms)")
    parser.add_argument("--json", action="store_true",
                        help="print JSON: per file engine, model, live engine, text, timed words")
    parser.set_defaults(func=transcribe)


def transcribe(args: argparse.Namespace) -> int:
    if args.model and args.engine != AUTO and ENGINES[args.engine].is_model is None:
        raise InterviewerError(f"--model names a {folder_kinds()} model; it cannot be used "
                               f"with --engine {args.engine}",
                               "drop --model, or use --engine "
                               + "/".join(e.name for e in with_folders()))
    recognizer = load_recognizer(args.engine, args.model)
    if recognizer.fallback_reason:
        print(f"interviewer: warning: {recognizer.fallback_reason}; using {recognizer.model}",
              file=sys.stderr)
    context = _context(args)
    results: list[dict[str, object]] = []
    failed = 0
    for path in args.audio:
        try:
            transcript = transcribe_file(path, recognizer, context=context,
                                         progress=_Progress(path, recognizer))
        except AudioError as exc:
            # One bad file should not cost the transcripts of the others.
            failed += 1
            print(f"interviewer: error: {exc.message}\n  {exc.hint}", file=sys.stderr)
            if args.json:
                results.append({"file": str(path), "error": exc.message})
            continue
        if transcript.note:
            print(f"interviewer: warning: {path}: {transcript.note}", file=sys.stderr)
        if args.json:
            results.append(_as_json(path, transcript))
        else:
            prefix = f"{path}: " if len(args.audio) > 1 else ""
            print(prefix + transcript.text)
    if args.json:
        print_json(results)
    elif failed < len(args.audio):
        print(f"({_made_by(recognizer)})", file=sys.stderr)
    return 1 if failed else 0


def _context(args: argparse.Namespace) -> str:
    if not args.question:
        return context_for(None, (), args.vocabulary)
    from interviewer.banks.loader import load_library

    library = load_library()
    question = library.question(args.question)
    return context_for(question, library.bank(question.bank_id).questions, args.vocabulary)


def _made_by(recognizer: Recognizer) -> str:
    live = getattr(recognizer, "live_engine", "")
    made = f"{recognizer.engine}: {recognizer.model}"
    return f"{made}; live text: {live}" if live else made


class _Progress:
    """A line on stderr every few seconds of a long file, and when the final pass runs."""

    def __init__(self, path: Path, recognizer: Recognizer) -> None:
        self.path = path
        self.finisher = title(recognizer.engine) if finishes_late(recognizer.engine) else ""

    def __call__(self, done: float | None, total: float) -> None:
        if done is None:
            if self.finisher:
                print(f"{self.path}: finishing the transcript ({self.finisher})...",
                      file=sys.stderr)
        elif total >= LONG_FILE_S:
            print(f"{self.path}: {done / 60:.0f}:{done % 60:02.0f} of "
                  f"{total / 60:.0f}:{total % 60:02.0f} ({100 * done / total:.0f}%)",
                  file=sys.stderr)


def _as_json(path: Path, transcript: Transcript) -> dict[str, object]:
    """One file's result; times in seconds, rounded to the millisecond."""
    data: dict[str, object] = {
        "file": str(path),
        "engine": transcript.engine,
        "model": transcript.model,
        "text": transcript.text,
        "duration": round(transcript.duration, 3),
        "words": [{"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3),
                   "conf": round(w.conf, 3)} for w in transcript.words],
    }
    if transcript.live_engine:
        data["live_engine"] = transcript.live_engine
        data["live_model"] = transcript.live_model
    if transcript.note:
        data["note"] = transcript.note
    return data
