"""What the terminal shows of a practice round; the flow decides, this prints and speaks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from interviewer.banks import Question
from interviewer.cli.answer_sources import AnswerSource
from interviewer.cli.feedback_print import feedback_lines, grade_colour
from interviewer.cli.self_rating import ask_rating
from interviewer.cli.speaker import Speaker
from interviewer.cli.term import Style, bar
from interviewer.history import ReviewState
from interviewer.history.review import when_due
from interviewer.practice import Attempt, PracticeFlow, Round, SerialLoop
from interviewer.practice.coaching import coaching_lines
from interviewer.practice.exchange import after_probe_labels
from interviewer.practice.length import length_line
from interviewer.practice.mock_summary import AnswerScore, standing_attempt, summarise
from interviewer.reports.format import clip


class TerminalSpeaker:
    """Print and speak a line, then let the flow go on (from the loop, not nested)."""

    def __init__(self, speaker: Speaker, loop: SerialLoop) -> None:
        self.speaker, self.loop = speaker, loop

    def say(self, text: str, then: Callable[[], None]) -> None:
        self.speaker.say(text)  # returns once the line was played out
        self.loop.post(then)


class TerminalFront:
    """The flow's front end in a terminal: there is no Retry, every choice is "next"."""

    def __init__(self, out: Callable[[str], None], style: Style, source: AnswerSource,
                 rate: bool, loop: SerialLoop) -> None:
        self.out, self.style, self.source, self.rate, self.loop = out, style, source, rate, loop
        self.flow: PracticeFlow | None = None
        self.scores: list[AnswerScore] = []

    def show(self, lines: list[str]) -> None:
        for line in lines:
            self.out(line)

    def _next(self) -> None:
        if self.flow is not None:
            self.loop.post(self.flow.next)

    def show_question(self, question: Question, progress: str) -> None:
        self.out("")
        self.out(self.style(progress, "bold")
                 + self.style(f"  {question.category}, {question.difficulty}", "dim"))

    def show_follow_up(self, line: str) -> None:
        pass  # the speaker prints the interviewer's line

    def nothing_heard(self, question: Question, choose: bool) -> None:
        self.out(self.style("  (no answer; question skipped, nothing saved)", "yellow"))
        if choose:
            self._next()

    def cannot_transcribe(self, audio_path: Path | None) -> None:
        kept = f"; the recording is kept at {audio_path}" if audio_path else ""
        self.out(self.style(f"  (the answer could not be transcribed{kept})", "yellow"))
        self._next()

    def show_scored(self, attempt: Attempt, previous: Attempt | None, choose: bool) -> None:
        if attempt.feedback is None:
            self.out(self.style("  (the answer could not be scored)", "yellow"))
        elif attempt.follow_up is not None:
            self.out(self.style("  With the follow-up, the whole answer:", "bold"))
            self.show(feedback_lines(attempt.feedback, self.style, attempt.question.category,
                                     said=attempt.text))
            after = after_probe_labels(attempt.root.feedback, attempt.feedback)
            if after:
                self.out(self.style(f"  Covered after a probe: {', '.join(after)}", "yellow"))
        else:
            self.show(feedback_lines(attempt.feedback, self.style, attempt.question.category))
            length = length_line(attempt.question, attempt.feedback)
            if length:
                self.out(self.style(f"  {length}", "dim"))
        if attempt.feedback is not None:
            adds = coaching_lines(attempt.question, attempt.feedback)
            if adds:
                self.out(self.style("  What to add", "bold"))
                self.show([f"    - {line}" for line in adds])
        if choose:
            self._next()

    def ask_rating(self, attempt: Attempt, then: Callable[[int | None], None]) -> None:
        then(ask_rating(self.source.read_line, self.out, self.style) if self.rate else None)

    def reviewed(self, state: ReviewState, rating: int | None) -> None:
        """Say when a rated question comes back, as the app's result screen does."""
        if rating is not None:
            when = when_due(state.due_at, state.last_reviewed_at)
            self.out(self.style(f"  Rated {rating}/5: this question comes back for review "
                                f"{when}.", "dim"))

    def show_summary(self, title: str, round_: Round, closing: str) -> None:
        for group in round_.groups():
            kept = [a for a in group if a.save_requested and a.feedback is not None]
            if not kept:
                continue
            whole = standing_attempt(kept) or kept[0]
            assert whole.feedback is not None
            self.scores.append(AnswerScore.from_feedback(whole.question, whole.feedback,
                                                         len(whole.exchange()) - 1))
        if self.source.exhausted and len(self.scores) < len(round_.questions):
            self.out(self.style("\nNo more answers: the session ends here.", "yellow"))


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
