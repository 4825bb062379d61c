"""`interviewer score`: feedback on one answer, typed, from a file, or from a recording."""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewer import settings as settings_store
from interviewer.analysis import Feedback, score_answer
from interviewer.analysis.answer_limits import scored_part
from interviewer.banks import Library, Question, load_library
from interviewer.banks.files import UnreadableFileError, read_limited
from interviewer.cli.feedback_print import feedback_lines
from interviewer.cli.output import print_json
from interviewer.cli.progress import working
from interviewer.cli.term import Style, wants_colour
from interviewer.errors import InterviewerError
from interviewer.transcript import Transcript


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def _transcribe(path: Path, question: Question, library: Library) -> tuple[Transcript, bytes]:
    """Recognise a recording with the engine chosen in the app, primed with the question and
    its bank's terms as in practice; speech is imported here so typed scoring loads no model."""
    from interviewer.speech import load_recognizer, read_pcm, transcribe_file
    from interviewer.speech.vocabulary import context_for

    saved = settings_store.load()
    recognizer = load_recognizer(saved.engine, saved.model_path or None)
    context = context_for(question, library.bank(question.bank_id).questions)
    return transcribe_file(path, recognizer, context=context), read_pcm(path)


def _answer(args: argparse.Namespace, question: Question,
            library: Library) -> tuple[Transcript, bytes | None]:
    if args.audio is not None:
        from interviewer.speech import read_pcm

        read_pcm(args.audio)  # a bad file: now
        with working(f"transcribing {args.audio}"):
            return _transcribe(args.audio, question, library)
    if args.text_file is not None:
        return Transcript.typed(_read_text_file(args.text_file)), None
    return Transcript.typed(args.text), None


def _print_text(feedback: Feedback, question: Question, transcript: Transcript) -> None:
    """The same feedback lines as after a practice answer, with what was heard by what."""
    style = Style(wants_colour())
    print(style(f"Question: {question.text}", "bold"))
    if transcript.engine != "typed":
        print(style(f"  Heard by {transcript.engine} ({transcript.model})", "dim"))
        if transcript.note:
            print(style(f"  ({transcript.note})", "dim"))
    for line in feedback_lines(feedback, style, question.category):
        print(line)


def run(args: argparse.Namespace) -> int:
    library = load_library()
    question = library.question(args.question)
    transcript, pcm = _answer(args, question, library)
    with working("scoring the answer"):
        transcript = scored_part(transcript)
        feedback = score_answer(question, transcript, library, pcm=pcm)
    if args.json:
        print_json(feedback.to_dict())
    else:
        _print_text(feedback, question, transcript)
    return 0
