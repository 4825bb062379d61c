"""`interviewer score`: feedback on one answer, typed, from a file, or from a recording."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from interviewer.analysis import Feedback, score_answer
from interviewer.banks import load_library
from interviewer.banks.files import UnreadableFileError, read_limited
from interviewer.cli.output import print_json
from interviewer.errors import InterviewerError
from interviewer.transcript import Transcript


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score", help="score an answer: key points covered, delivery, structure")
    parser.add_argument("question", metavar="QUESTION_ID",
                        help="e.g. ar-specialist/difficult-collection-call")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the answer as text")
    source.add_argument("--text-file", type=Path, metavar="FILE",
                        help="a UTF-8 text file holding the answer")
    source.add_argument("--audio", type=Path, metavar="FILE",
                        help="a recording of the answer (WAV, FLAC or AIFF); transcribed first")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


MAX_ANSWER_BYTES = 16 * 1024 * 1024  # an hour of talk is about 60 KB of text


def _read_text_file(path: Path) -> str:
    """The answer's text; a FIFO, a device or a huge file is refused, never waited on."""
    if not path.exists():
        raise InterviewerError(f"{path}: no such file", "check the path of --text-file")
    try:
        return read_limited(path, MAX_ANSWER_BYTES, encoding="utf-8")
    except UnreadableFileError as exc:
        raise InterviewerError(f"{path}: {exc}",
                               "give a UTF-8 plain text file holding the answer") from None


def _transcribe(path: Path) -> tuple[Transcript, bytes]:
    """Recognise a recording; speech is imported here so typed scoring never loads a model."""
    speech = importlib.import_module("interviewer.speech")
    pcm = speech.read_pcm(path)
    return speech.transcribe_file(path), pcm


def _answer(args: argparse.Namespace) -> tuple[Transcript, bytes | None]:
    if args.audio is not None:
        return _transcribe(args.audio)
    if args.text_file is not None:
        return Transcript.typed(_read_text_file(args.text_file)), None
    return Transcript.typed(args.text), None


def _print_text(feedback: Feedback, question_text: str, transcript: Transcript) -> None:
    print(f"Question: {question_text}")
    if transcript.engine != "typed":
        print(f"Heard ({transcript.engine} {transcript.model}): {transcript.text or '(nothing)'}")
    print(f"Coverage: {feedback.coverage:.0%}")
    for point in feedback.key_points:
        mark = "x" if point.covered else " "
        said = f"  <- {', '.join(point.matched)}" if point.matched else ""
        print(f"  [{mark}] {point.label}{said}")
    delivery = feedback.delivery
    if delivery:
        hesitations = "" if delivery.hesitations is None else \
            f", {delivery.hesitations} possible hesitations"
        print(f"Delivery: {delivery.duration:.0f} s, {delivery.wpm:.0f} words a minute "
              f"({delivery.pace}), {len(delivery.fillers)} fillers, "
              f"{len(delivery.pauses)} pauses over 2 s{hesitations}")
    found = feedback.structure.star_found
    print(f"STAR: {', '.join(found) if found else 'none found'}")
    if feedback.structure.quantities:
        print(f"Figures: {', '.join(feedback.structure.quantities)}")
    for line in feedback.observations:
        print(f"- {line}")


def run(args: argparse.Namespace) -> int:
    library = load_library()
    question = library.question(args.question)
    transcript, pcm = _answer(args)
    feedback = score_answer(question, transcript, library, pcm=pcm)
    if args.json:
        print_json(feedback.to_dict())
    else:
        _print_text(feedback, question.text, transcript)
    return 0
