"""`interviewer practice`: a whole practice round or mock interview in the terminal.

The question is printed and read aloud, the answer comes from the microphone (with a
level bar and countdown), from recordings in a folder (--answers, for scripted runs)
or from the keyboard (no microphone, e.g. over SSH). The round itself is
interviewer.practice.PracticeFlow, the same the desktop app runs; this module only
prints, speaks and listens for it, with the settings the app saved.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer import settings as settings_store
from interviewer.banks import Bank, Library, Question, load_library
from interviewer.cli.answer_sources import AnswerSource, MicAnswers, choose_source
from interviewer.cli.practice_view import TerminalFront, TerminalSpeaker, summary_lines
from interviewer.cli.speaker import Speaker
from interviewer.cli.term import Style, wants_colour
from interviewer.errors import InterviewerError
from interviewer.history import HistoryStore
from interviewer.practice import (
    Answer,
    AnswerTimes,
    PracticeFlow,
    Round,
    SerialLoop,
    answer_times,
    posting_round,
    round_for,
)
from interviewer.practice.saving import StoreOnThisThread
from interviewer.practice.scoring import score_attempt
from interviewer.practice.session import Filters
from interviewer.settings import Settings
from interviewer.speech.base import Recognizer, Stream
from interviewer.speech.registry import finishes_late
from interviewer.transcript import Transcript

if TYPE_CHECKING:
    from interviewer.voices.personas import Persona


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "practice", help="practise in the terminal: hear a question, answer, get feedback",
        description="Practise in the terminal. Answers come from the microphone, from "
                    "recordings (--answers), or from the keyboard when there is no microphone. "
                    "The bank, persona, voice, speech engine, answer times and the "
                    "difficulty and category filters saved in the app's settings apply.")
    parser.add_argument("--bank", help="bank id (default: the one chosen in the app, else the "
                                       "first bank; see: interviewer banks)")
    parser.add_argument("--posting", metavar="FILE",
                        help="a mock interview for a job posting (text, Markdown, HTML or PDF, "
                             "or a saved posting's id from: interviewer posting --list); "
                             "with --mock N, its first N-1 questions and the closing one")
    parser.add_argument("--mock", type=int, metavar="N",
                        help="a mock interview of N questions, with greeting, follow-ups and "
                             "a summary")
    parser.add_argument("--answers", type=Path, metavar="DIR",
                        help="take the answers from the audio files in DIR, in name order")
    parser.add_argument("--no-voice", action="store_true", help="print questions, do not speak")
    parser.add_argument("--typed", action="store_true", help="type answers instead of speaking")
    parser.add_argument("--count", type=int, metavar="N", help="practice: ask only N questions")
    parser.add_argument("--shuffle", action="store_true", help="practice: in random order")
    parser.add_argument("--persona", help="interviewer persona id (see: interviewer voices)")
    parser.add_argument("--seed", type=int, help="mock: the same seed gives the same interview")
    parser.add_argument("--time", type=float, metavar="SECONDS",
                        help="time limit per spoken answer (default: the app's setting)")
    parser.add_argument("--rate", action="store_true",
                        help="after each question, rate your answer yourself from 1 to 5; "
                             "review mode brings weak ones back sooner")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="at the end, write the session report (.md, .html or .pdf)")
    parser.set_defaults(func=run)


def choose_round(bank: Bank, args: argparse.Namespace, filters: Filters) -> Round:
    """The app's start-screen filters, then the mock plan or the first --count questions
    (interviewer.practice.order decides; the flags only say what was asked for)."""
    if args.mock is not None:
        return round_for("mock", bank.questions, filters, count=args.mock, seed=args.seed)
    if args.count is not None and args.count < 1:
        raise InterviewerError(f"--count must be 1 or more, not {args.count}")
    return round_for("practice", bank.questions, filters, count=args.count,
                     shuffle=args.shuffle, seed=args.seed)


def load_posting(name: str, library: Library,
                  out: Callable[[str], None]) -> tuple[Bank, list[Question], str]:
    """The interview for a job posting, saved so History and the report name the job; its
    questions stand in for a bank (the session's bank id is the posting's)."""
    from interviewer.posting import build_session
    from interviewer.posting.sources import open_posting
    from interviewer.posting.store import save_posting

    session = build_session(open_posting(name), library)
    save_posting(session)
    made = sum(e.kind == "made" for e in session.entries)
    out(f"Job: {session.posting.name} ({session.coverage():.0%} of its duties and "
        f"requirements covered; {made} question(s) made from its lines)")
    bank = Bank(session.bank_id, f"Job posting: {session.posting.name}", "",
                tuple(session.questions), Path(name), builtin=False)
    return bank, session.questions, session.vocabulary_text()


def pick_bank(library: Library, bank_id: str | None, saved: str = "") -> Bank:
    if bank_id:
        return library.bank(bank_id)
    if not library.banks:
        raise InterviewerError("there are no question banks",
                               "add one with: interviewer banks new ROLE")
    chosen = [b for b in library.banks if b.id == saved]
    return (chosen or library.banks)[0]


def pick_persona(persona_id: str | None) -> Persona:
    """The persona asked for, else the default one (voices.personas.DEFAULT_PERSONA)."""
    from interviewer.voices.personas import DEFAULT_PERSONA, find_persona

    return find_persona(persona_id or DEFAULT_PERSONA)


class Listener:
    """The answer source as the flow asks for it: told to listen only once the question
    was heard out, and answering through the loop."""

    def __init__(self, source: AnswerSource, loop: SerialLoop) -> None:
        self.source, self.loop = source, loop

    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        answer = self.source.next_answer(times.limit_s, question)
        self.loop.post(lambda: then(answer))

    def has_more(self) -> bool:
        return not self.source.exhausted


class LazyRecognizer:
    """The engine and model chosen in the app, loaded on a thread while the first question
    is read (`preload`); the question and its bank's terms prime it, as in the app."""

    def __init__(self, settings: Settings, bank: Bank, out: Callable[[str], None],
                 style: Style, vocabulary: str = "") -> None:
        self.settings, self.bank, self.out, self.style = settings, bank, out, style
        self.vocabulary = vocabulary  # a job posting's terms, for its interview
        self._recognizer: Recognizer | None = None
        self._loading: threading.Thread | None = None
        self._load_error: InterviewerError | None = None

    def preload(self) -> None:
        """Start loading now, so the first answer is heard live instead of waited for."""
        if self._loading is None:
            self._loading = threading.Thread(target=self._load, name="load-recognizer",
                                             daemon=True)
            self._loading.start()

    def _load(self) -> None:
        from interviewer.speech import load_recognizer

        try:
            self._recognizer = load_recognizer(self.settings.engine,
                                               self.settings.model_path or None)
        except InterviewerError as exc:
            self._load_error = exc

    def recognizer(self, quiet: bool = False) -> Recognizer:
        """The loaded recognizer, waiting for the preload if it is still running."""
        if self._recognizer is None:
            if not quiet and (self._loading is None or self._loading.is_alive()):
                self.out(self.style("  (loading the speech recognizer...)", "dim"))
            self.preload()
            assert self._loading is not None
            self._loading.join()
            if self._load_error is not None:
                error, self._load_error, self._loading = self._load_error, None, None
                raise error
        assert self._recognizer is not None
        return self._recognizer

    def open_stream(self, question: Question | None) -> Stream:
        """A stream for one spoken answer, primed with its question."""
        from interviewer.speech.vocabulary import context_for

        context = (context_for(question, self.bank.questions, self.vocabulary)
                   if question is not None else "")
        return self.recognizer(quiet=True).open_stream(context)

    def __call__(self, pcm: bytes, question: Question) -> Transcript:
        from interviewer.speech.transcribe import transcribe_pcm
        from interviewer.speech.vocabulary import context_for

        transcript = transcribe_pcm(pcm, self.recognizer(),
                                    context=context_for(question, self.bank.questions,
                                                       self.vocabulary),
                                    progress=self._finishing)  # in live-sized chunks
        if transcript.note:
            self.out(self.style(f"  ({transcript.note})", "dim"))
        return transcript

    def _finishing(self, done: float | None, total: float) -> None:
        """Whisper's last stretch is decoded after the answer ends: say so."""
        if done is None and finishes_late(getattr(self._recognizer, "engine", "")):
            self.out(self.style("  (finishing the transcript...)", "dim"))


def write_session_report(session_id: int, target: Path | None,
                         out: Callable[[str], None]) -> None:
    """The same report `interviewer report` writes; without --report, say how to get it."""
    if target is None:
        out(f"Session report: interviewer report {session_id} --out report.pdf")
        return
    from interviewer.reports import build_report, write_report

    with HistoryStore() as store:
        report = build_report(store, session_id)
    out(f"Wrote the session report: {write_report(report, target.expanduser())}")


def mention_unsaved(store: HistoryStore, style: Style, out: Callable[[str], None]) -> None:
    """The terminal's way of offering back answers a crash left unsaved."""
    from interviewer.history import orphan_recordings
    from interviewer.history.orphans import not_yet_announced

    found = orphan_recordings(store)
    count = len(found)
    if not_yet_announced(found):  # once per answer, not on every run
        out(style(f"{count} recorded answer{'s were' if count > 1 else ' was'} not saved last "
                  "time; to score and keep them: interviewer history --recover", "yellow"))


def run(args: argparse.Namespace) -> int:
    out = print
    style = Style(wants_colour())
    saved = settings_store.load()
    library = load_library()
    vocabulary = ""
    if args.posting:
        bank, questions, vocabulary = load_posting(args.posting, library, out)
        if args.mock is not None and args.mock < 2:  # its first questions, then the close
            raise InterviewerError(f"--mock with --posting needs 2 or more questions, "
                                   f"not {args.mock}", "e.g. --mock 6, or leave it out")
        round_ = posting_round(questions, args.mock)
        filters = Filters()
    else:
        bank = pick_bank(library, args.bank, saved.bank_id)
        filters = Filters(tuple(saved.difficulties), tuple(saved.categories))
        round_ = choose_round(bank, args, filters)
    mock = round_.mode == "mock"
    voice = not args.no_voice and saved.speak_questions
    persona = pick_persona(args.persona or saved.persona) if (mock or voice) else None
    speaker = Speaker(out, style, voice=voice, persona=persona, voice_id=saved.voice,
                      rate=saved.rate)
    kind = f"Mock interview, {len(round_.questions)} questions" if mock else "Practice"
    out(style(f"{kind}: {bank.title} ({bank.id})", "bold"))
    if filters.difficulties or filters.categories:
        out(style(f"  (filters saved in the app: {filters.describe()})", "dim"))
    source = choose_source(args.answers, args.typed, style, out, saved.silence_stop_s or None)
    loop = SerialLoop()
    recognizer = LazyRecognizer(saved, bank, out, style, vocabulary)
    if not args.typed:  # loads while the first question is read
        recognizer.preload()
    if isinstance(source, MicAnswers):
        source.live = recognizer.open_stream
    front = TerminalFront(out, style, source, args.rate, loop)
    with HistoryStore() as history:
        mention_unsaved(history, style, out)
        store = StoreOnThisThread(history, front.reviewed)
        flow = PracticeFlow(
            round_, bank.id,
            speaker=TerminalSpeaker(speaker, loop), answers=Listener(source, loop),
            runner=loop, transcribe=recognizer,
            score=lambda q, answer, pcm: score_attempt(q, answer, pcm, library),
            store=store, front=front,
            times=lambda q: answer_times(q, saved, args.time),
            persona=persona if mock else None, probes=saved.probes,
            probe_practice=saved.probe_practice)
        front.flow = flow
        try:
            loop.post(flow.start)
        finally:
            if not flow.finished:
                store.finish_session()
            source.close()
    session_id = store.session_id
    if front.scores and (mock or len(front.scores) > 1):
        front.show(summary_lines(front.scores, style))
    follow_ups = sum(a.follow_up is not None for a in store.saved)
    extra = f" and {follow_ups} follow-up(s)" if follow_ups else ""
    out(f"\nSaved {len(store.saved) - follow_ups} answer(s){extra} as session {session_id}. "
        "See them with: interviewer history")
    if store.saved and session_id is not None:
        write_session_report(session_id, args.report, out)
    return 0

