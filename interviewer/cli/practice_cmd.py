"""`interviewer practice`: a whole practice round or mock interview in the terminal.

The question is printed and read aloud, the answer comes from the microphone (with a
level bar and countdown), from recordings in a folder (--answers, for scripted runs)
or from the keyboard (no microphone, e.g. over SSH). Every answer is transcribed,
scored, shown, and saved to the same history the desktop app uses.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.banks import Bank, Library, Question, load_library
from interviewer.cli.answer_sources import Answer, choose_source
from interviewer.cli.feedback_print import feedback_lines, grade_colour
from interviewer.cli.self_rating import ask_rating
from interviewer.cli.speaker import Speaker
from interviewer.cli.term import Style, bar, wants_colour
from interviewer.errors import InterviewerError
from interviewer.mock import follow_up_for, plan_mock, with_follow_up
from interviewer.mock_summary import AnswerScore, summarise
from interviewer.reports.format import clip
from interviewer.transcript import Transcript

LONG_ANSWER_CATEGORIES = ("behavioral", "situational")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "practice", help="practise in the terminal: hear a question, answer, get feedback",
        description="Practise in the terminal. Answers come from the microphone, from "
                    "recordings (--answers), or from the keyboard when there is no microphone.")
    parser.add_argument("--bank", help="bank id (default: the first bank; see: interviewer banks)")
    parser.add_argument("--mock", type=int, metavar="N",
                        help="a mock interview of N questions, with greeting, follow-ups and "
                             "a summary")
    parser.add_argument("--answers", type=Path, metavar="DIR",
                        help="take the answers from the audio files in DIR, in name order")
    parser.add_argument("--no-voice", action="store_true", help="print questions, do not speak")
    parser.add_argument("--typed", action="store_true", help="type answers instead of speaking")
    parser.add_argument("--count", type=int, metavar="N", help="practice: ask only N questions")
    parser.add_argument("--persona", help="interviewer persona id (see: interviewer voices)")
    parser.add_argument("--seed", type=int, help="mock: the same seed gives the same interview")
    parser.add_argument("--time", type=float, metavar="SECONDS",
                        help="time limit per spoken answer (default 120 s for behavioral and "
                             "situational questions, 90 s otherwise)")
    parser.add_argument("--rate", action="store_true",
                        help="after each answer, rate it yourself from 1 to 5; review mode "
                             "brings weak ones back sooner")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="at the end, write the session report (.md, .html or .pdf)")
    parser.set_defaults(func=run)


def time_limit(question: Question, override: float | None) -> float:
    if override:
        return override
    return 120.0 if question.category in LONG_ANSWER_CATEGORIES else 90.0


def choose_questions(bank: Bank, args: argparse.Namespace) -> list[Question]:
    if args.mock is not None:
        return plan_mock(list(bank.questions), args.mock, seed=args.seed)
    if args.count is not None and args.count < 1:
        raise InterviewerError(f"--count must be 1 or more, not {args.count}")
    return list(bank.questions)[:args.count]


def pick_bank(library: Library, bank_id: str | None) -> Bank:
    if bank_id:
        return library.bank(bank_id)
    if not library.banks:
        raise InterviewerError("there are no question banks",
                               "add one with: interviewer banks new ROLE")
    return library.banks[0]


def pick_persona(persona_id: str | None):
    """The persona asked for, else the default one (voices.personas.DEFAULT_PERSONA)."""
    from voices.personas import DEFAULT_PERSONA, find_persona

    return find_persona(persona_id or DEFAULT_PERSONA)


@dataclass
class Round:
    """What one terminal session needs as it runs; kept together so each step stays small."""

    library: Library
    bank: Bank
    questions: list[Question]
    mock: bool
    out: Callable[[str], None]
    style: Style
    speaker: Speaker
    source: object
    store: object
    session_id: int
    time_override: float | None = None
    rate: bool = False
    scores: list[AnswerScore] = field(default_factory=list)
    saved: int = 0
    _recognizer: object | None = None

    def transcribe(self, answer: Answer, question: Question | None = None) -> Transcript:
        if answer.pcm is None:
            return Transcript.typed(answer.text or "")
        from interviewer.speech import load_recognizer
        from interviewer.speech.transcribe import transcribe_pcm
        from interviewer.speech.vocabulary import context_for

        if self._recognizer is None:
            self.out(self.style("  (loading the speech recognizer...)", "dim"))
            self._recognizer = load_recognizer()
        context = context_for(question, self.questions) if question is not None else ""
        transcript = transcribe_pcm(answer.pcm, self._recognizer, context=context,
                                    progress=self._finishing)  # in live-sized chunks
        if transcript.note:
            self.out(self.style(f"  ({transcript.note})", "dim"))
        return transcript

    def _finishing(self, done: float | None, total: float) -> None:
        """Whisper's last stretch is decoded after the answer ends: say so."""
        if done is None and getattr(self._recognizer, "engine", "") == "whisper":
            self.out(self.style("  (finishing the transcript...)", "dim"))

    def listen(self, question: Question) -> tuple[Answer, Transcript] | None:
        """The next answer and its transcript; None when the answers ran out."""
        answer = self.source.next_answer(time_limit(question, self.time_override),
                                         question)
        if answer is None:
            return None
        return answer, self.transcribe(answer, question)

    def show(self, lines: list[str]) -> None:
        for line in lines:
            self.out(line)

    def ask(self, index: int, question: Question) -> bool:
        """One question, its answer, feedback and (mock) follow-up; False when answers ran out."""
        from interviewer.analysis import score_answer

        self.out("")
        self.out(self.style(f"Question {index + 1} of {len(self.questions)}", "bold")
                 + self.style(f"  {question.category}, {question.difficulty}", "dim"))
        if self.mock and index > 0 and self.speaker.persona is not None:
            self.speaker.say(self.speaker.persona.transition(index - 1))
        self.speaker.say(question.text)
        heard = self.listen(question)
        if heard is None:
            return False
        answer, transcript = heard
        if not transcript.text.strip():
            self.out(self.style("  (no answer; question skipped, nothing saved)", "yellow"))
            return True
        feedback = score_answer(question, transcript, self.library, pcm=answer.pcm)
        attempt = self.store.add_attempt(self.session_id, question, transcript, feedback,
                                         audio_path=answer.audio_path)
        self.saved += 1
        self.show(feedback_lines(feedback, self.style, question.category))
        line = follow_up_for(feedback, question) if self.mock else None
        more = self.follow_up(question, line, (answer, transcript), attempt) if line else None
        if more is not None:
            feedback = more
        self.scores.append(AnswerScore.from_feedback(question, feedback, more is not None))
        self.review(question, feedback.coverage)
        return True

    def review(self, question: Question, coverage: float) -> None:
        """Feed the review schedule, as the app does, with the candidate's rating if asked."""
        rating = ask_rating(self.source.read_line, self.out, self.style) if self.rate else None
        state = self.store.record_review(question.id, coverage, rating)
        if rating is not None:
            from interviewer.history.review import when_due

            when = when_due(state.due_at, state.last_reviewed_at)
            self.out(self.style(f"  Rated {rating}/5: this question comes back for review "
                                f"{when}.", "dim"))

    def follow_up(self, question: Question, line: str, first: tuple[Answer, Transcript],
                  attempt: int):
        """Ask the follow-up; score the answer and its follow-up together as one question.

        The follow-up is saved as its own attempt (followup_of the first), carrying the
        feedback of the whole answer. Returns that feedback, or None if nothing was added.
        """
        from interviewer.analysis import score_answer

        self.speaker.say(line)
        if getattr(self.source, "exhausted", False):
            self.out(self.style("  (no answer file left for the follow-up)", "yellow"))
            return None
        heard = self.listen(question)
        if heard is None or not heard[1].text.strip():
            return None
        answer, extra = heard
        both = (first[0].pcm + answer.pcm
                if first[0].pcm is not None and answer.pcm is not None else None)
        feedback = score_answer(question, with_follow_up(first[1], extra), self.library,
                                pcm=both)
        self.store.add_attempt(self.session_id, question, extra, feedback,
                               audio_path=answer.audio_path, followup_of=attempt)
        self.saved += 1
        self.out(self.style("  With the follow-up, the whole answer:", "bold"))
        self.show(feedback_lines(feedback, self.style, question.category, said=extra.text))
        return feedback


def summary_lines(scores: list[AnswerScore], style: Style) -> list[str]:
    """The end-of-interview summary: overall, strongest, weakest, delivery trends."""
    s = summarise(scores)
    lines = ["", style("Summary", "bold"),
             f"  Overall coverage  {style(f'{s.overall:.0%}', 'bold', grade_colour(s.overall))} "
             f"{bar(s.overall)} over {len(scores)} question(s)",
             f"  Strongest answer  {s.strongest.coverage:4.0%} "
             f" {clip(s.strongest.question_text, 54, '...')}",
             f"  Weakest answer    {s.weakest.coverage:4.0%} "
             f" {clip(s.weakest.question_text, 54, '...')}"]
    if s.pace:
        lines.append(f"  Pace (words/min)  {', '.join(f'{w:.0f}' for w in s.pace)} "
                     f"({s.pace_trend})")
        lines.append(f"  Fillers           {', '.join(map(str, s.fillers))} "
                     f"({s.filler_trend})")
    if s.follow_ups:
        lines.append(f"  Follow-ups asked  {s.follow_ups}")
    return lines


def write_session_report(session_id: int, target: Path | None,
                         out: Callable[[str], None]) -> None:
    """The same report `interviewer report` writes; without --report, say how to get it."""
    if target is None:
        out(f"Session report: interviewer report {session_id} --out report.pdf")
        return
    from interviewer.history import HistoryStore
    from interviewer.reports import build_report, write_report

    with HistoryStore() as store:
        report = build_report(store, session_id)
    out(f"Wrote the session report: {write_report(report, target.expanduser())}")


def mention_unsaved(store: object, style: Style, out: Callable[[str], None]) -> None:
    """The terminal's way of offering back answers a crash left unsaved."""
    from interviewer.history import orphan_recordings

    count = len(orphan_recordings(store))
    if count:
        out(style(f"{count} recorded answer{'s were' if count > 1 else ' was'} not saved last "
                  "time; to score and keep them: interviewer history --recover", "yellow"))


def run(args: argparse.Namespace) -> int:
    from interviewer.history import HistoryStore

    out = print
    style = Style(wants_colour())
    library = load_library()
    bank = pick_bank(library, args.bank)
    questions = choose_questions(bank, args)
    mock = args.mock is not None
    persona = pick_persona(args.persona) if (mock or args.persona or not args.no_voice) else None
    speaker = Speaker(out, style, voice=not args.no_voice, persona=persona)
    kind = f"Mock interview, {len(questions)} questions" if mock else "Practice"
    out(style(f"{kind}: {bank.title} ({bank.id})", "bold"))
    source = choose_source(args.answers, args.typed, style, out)
    store = HistoryStore()
    mention_unsaved(store, style, out)
    session_id = store.start_session(bank.id, "mock" if mock else "practice")
    game = Round(library, bank, questions, mock, out, style, speaker, source, store, session_id,
                 args.time, args.rate)
    try:
        if mock and persona is not None:
            speaker.say(persona.greeting)
        for index, question in enumerate(questions):
            if source.exhausted or not game.ask(index, question):
                out(style("\nNo more answers: the session ends here.", "yellow"))
                break
        if mock and persona is not None:
            speaker.say(persona.closing)
    finally:
        with contextlib.suppress(InterviewerError):  # a failed save has said why already
            store.finish_session(session_id)
        store.close()
        close = getattr(source, "close", None)
        if close:
            close()
    if game.scores and (mock or len(game.scores) > 1):
        game.show(summary_lines(game.scores, style))
    follow_ups = sum(s.followed_up for s in game.scores)
    extra = f" and {follow_ups} follow-up(s)" if follow_ups else ""
    out(f"\nSaved {game.saved - follow_ups} answer(s){extra} as session {session_id}. "
        "See them with: interviewer history")
    if game.saved:
        write_session_report(session_id, args.report, out)
    return 0
