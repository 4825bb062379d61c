"""The round, step by step: ask, listen, transcribe, score, follow up, save, review, next.

One object decides every next step for both front ends. The app and the terminal
only pass in their parts (ports.py) and report the candidate's choices back
(`answered`, `retry`, `next`, `rescore`, `finish`).

Two rules live here and nowhere else:
- listening starts only once the interviewer has finished speaking (the answer
  source is told to listen from the speaker's `then`), so a front end cannot
  record the question as the answer;
- the review schedule moves once per question, when the round leaves it: on the
  first answer (completed by its follow-up, if one was asked), with the last
  self-rating given. Retries after seeing the feedback are practice, not recall.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from interviewer.analysis.feedback import Feedback
from interviewer.banks import Question
from interviewer.history import review
from interviewer.history.records import now_utc
from interviewer.practice.attempt import Answer, Attempt
from interviewer.practice.persona_lines import PersonaLines
from interviewer.practice.ports import (
    AnswerPort,
    Front,
    RoundStore,
    Runner,
    Scorer,
    SpeakerPort,
    Transcriber,
)
from interviewer.practice.probing import DEFAULT_PROBES, next_probe
from interviewer.practice.round import Round
from interviewer.practice.timing import AnswerTimes
from interviewer.transcript import Transcript

TimesFor = Callable[[Question], AnswerTimes]


class PracticeFlow:
    def __init__(self, round_: Round, bank_id: str, *, speaker: SpeakerPort,
                 answers: AnswerPort, runner: Runner, transcribe: Transcriber,
                 score: Scorer, store: RoundStore, front: Front, times: TimesFor,
                 persona: PersonaLines | None = None, probes: str = DEFAULT_PROBES,
                 probe_practice: bool = True,
                 clock: Callable[[], datetime] = now_utc) -> None:
        self.round, self.bank_id = round_, bank_id
        self.speaker, self.answers, self.runner = speaker, answers, runner
        self.transcribe, self.score, self.store, self.front = transcribe, score, store, front
        self.times, self.persona, self.clock = times, persona, clock
        self.probes, self.probe_practice = probes, probe_practice  # "none"/"one"/"two", option
        self.follow_up: str | None = None  # the probe being asked now
        self.shown: Attempt | None = None  # the attempt waiting for retry() or next()
        self.finished = False
        self._closing = False
        self._asked: dict[str, list[str]] = {}  # question id: probes asked, in order
        self._reviewed: set[str] = set()
        self._line = 0  # which spoken line is current: a late `then` of an older one is ignored

    # --- asking

    def start(self, ask: bool = True) -> None:
        """Open the history session and ask the first question (or only show it)."""
        self.store.start_session(self.bank_id, self.round.mode)
        if ask:
            self._ask(first=True)
        else:
            self._show_current()

    def _show_current(self) -> Question:
        question = self.round.current
        self.follow_up, self.shown = None, None
        self.front.show_question(question, self.round.progress())
        return question

    def _ask(self, first: bool = False) -> None:
        question = self._show_current()
        intro = ""
        if self.persona is not None:
            intro = self.persona.greeting if first else self.persona.transition(self.round.index)
        self._speak(f"{intro} {question.text}".strip())

    def _speak(self, line: str) -> None:
        self._line += 1
        current = self._line
        self.speaker.say(line, then=lambda: self._spoken(current))

    def _spoken(self, line: int) -> None:
        """The interviewer is done: only now may the answer be listened to."""
        if line != self._line or self.finished or self.shown is not None:
            return
        question = self.round.current
        self.answers.listen(question, self.times(question), self.answered)

    def answer_now(self) -> None:
        """The candidate answers before the interviewer has finished (recording started,
        a file loaded): stop waiting for the speaker and listen now."""
        if self.finished:
            return
        self._line += 1  # the line still being spoken no longer leads to listening
        question = self.round.current
        self.answers.listen(question, self.times(question), self.answered)

    def replay(self) -> None:
        """Say the current question (or follow-up) again; listening follows it as before."""
        if not self.finished:
            self._speak(self.follow_up or self.round.current.text)

    # --- answering and scoring

    def typed(self, text: str) -> None:
        self.answered(Answer(transcript=Transcript.typed(text)))

    def answered(self, answer: Answer | None) -> None:
        """An answer arrived; None means no more will (the session ends)."""
        if self.finished:
            return
        if answer is None:
            self.finish()
        elif answer.transcript is not None:
            self._transcribed(answer, answer.transcript)
        elif answer.pcm is None:
            self._transcribed(answer, Transcript.typed(""))
        else:
            self.runner.run(self.transcribe, answer.pcm, self.round.current,
                            then=lambda transcript: self._transcribed(answer, transcript))

    def _transcribed(self, answer: Answer, transcript: Transcript | None) -> None:
        question = self.round.current
        if transcript is None:
            self.front.cannot_transcribe(answer.audio_path)
        elif not transcript.text.strip():  # no words: not an attempt, nothing saved
            choose = self.round.mode != "mock"
            self.front.nothing_heard(question, choose)
            if not choose:
                self._move_on()
        else:
            self._add_attempt(transcript, answer)

    def _add_attempt(self, transcript: Transcript, answer: Answer) -> None:
        question = self.round.current
        main = self.round.main_attempts(question.id)
        so_far = self.round.attempts_for(question.id)
        first = so_far[-1] if self.follow_up is not None and so_far else None
        attempt = Attempt(question, len(main) + 1, transcript, audio_path=answer.audio_path,
                          follow_up=self.follow_up, first=first, pcm=answer.pcm)
        self.round.add_attempt(attempt)
        self._score(attempt, self._scored)

    def _score(self, attempt: Attempt, then: Callable[[Attempt], None]) -> None:
        def scored(feedback: Feedback | None) -> None:
            if feedback is not None:
                attempt.feedback = feedback
            then(attempt)

        self.runner.run(self.score, attempt.question, attempt.whole_answer(),
                        attempt.whole_pcm(), then=scored)

    def _scored(self, attempt: Attempt) -> None:
        if self.finished:
            return
        line = self._follow_up_line(attempt)
        if self.round.mode == "mock":  # an interview goes on by itself
            self.front.show_scored(attempt, None, choose=False)
            self._save(attempt)
            if line is None:
                self._move_on()
            else:
                self._ask_follow_up(line)
            return
        if line is not None and self.answers.has_more():  # practice: probe, then show all
            self._save(attempt)
            self._ask_follow_up(line)
            return
        self._show_for_choice(attempt)

    def _show_for_choice(self, attempt: Attempt) -> None:
        main = self.round.main_attempts(attempt.question.id)
        previous = main[-2] if len(main) > 1 and main[-1] is attempt else None
        self.shown = attempt
        self.front.show_scored(attempt, previous, choose=True)

    def rescore(self, attempt: Attempt, text: str) -> None:
        """The candidate corrected what was heard: score the corrected text, show it again."""
        if text and not self.finished and attempt is self.shown:
            attempt.corrected_text = text
            self._score(attempt, self._show_for_choice)

    # --- probes: follow-ups aimed at what the answer left out

    def _follow_up_line(self, attempt: Attempt) -> str | None:
        """The probe for the most important point still missing (probing.py decides)."""
        if attempt.feedback is None:
            return None
        asked = self._asked.get(attempt.question.id, [])
        probe = next_probe(self.round.mode, attempt.question, attempt.feedback, asked,
                           self.probes, self.probe_practice)
        return probe.line if probe is not None else None

    def _ask_follow_up(self, line: str) -> None:
        if not self.answers.has_more():  # scripted answers ran out: no one to answer it
            self._move_on()
            return
        self._asked.setdefault(self.round.current.id, []).append(line)
        self.follow_up = line
        self.front.show_follow_up(line)
        self._speak(line)

    # --- the candidate's choices

    def rate(self, attempt: Attempt, rating: int | None) -> None:
        """The candidate's own 1-5 for an answer (None takes it back); the question's
        review uses the last one given when the round leaves it."""
        if rating is not None and rating not in review.RATINGS:
            raise ValueError(f"a self-rating is 1 to 5, not {rating}")
        attempt.self_rating = rating

    def retry(self) -> None:
        """Answer the same question again: the shown attempt is kept, the review waits."""
        if not self.finished:
            self._save(self.shown)
            self._ask()

    def next(self) -> None:
        if not self.finished:
            self._save(self.shown)
            self._move_on()

    def _move_on(self) -> None:
        self._close_question(self._advance)

    def _advance(self) -> None:
        if self.answers.has_more() and self.round.advance():
            self._ask()
        else:
            self.finish()

    def finish(self) -> None:
        """End the round: keep what is shown, close the session, show the summary."""
        if self.finished or self._closing:
            return
        self._closing = True
        self._save(self.shown)
        self._close_question(self._finished)

    def leave(self) -> None:
        """The front end is closing: keep the shown answer and its review, no summary."""
        if not self.finished:
            self._save(self.shown)
            self._close_question(lambda: None)

    def _finished(self) -> None:
        self.finished = True
        self.store.finish_session()
        closing = self.persona.closing if self.persona is not None else ""
        title = "Mock interview complete" if self.round.mode == "mock" else "Round complete"
        self.front.show_summary(title, self.round, closing)
        if closing:
            self.speaker.say(closing, then=lambda: None)

    # --- history

    def _save(self, attempt: Attempt | None) -> None:
        """Save an attempt once, however many ways lead away from it."""
        if attempt is not None and not attempt.save_requested and attempt.feedback is not None:
            attempt.save_requested = True
            self.store.save_attempt(attempt)

    def _close_question(self, then: Callable[[], None]) -> None:
        """Move the question's review once, however many attempts and follow-ups it had."""
        question = self.round.current
        kept = [a for a in self.round.attempts_for(question.id) if a.save_requested]
        if question.id in self._reviewed or not kept:
            then()
            return
        self._reviewed.add(question.id)

        def record(rating: int | None) -> None:
            if rating is not None:
                self.rate(kept[-1], rating)
            tries = [a for a in kept if a.follow_up is None] or kept[:1]
            # each try counts with its probes' answers: the last attempt of its exchange
            wholes = [[a for a in kept if a.root is t.root][-1] for t in tries]
            ratings = [a.self_rating for a in kept if a.self_rating is not None]
            coverages = [w.feedback.coverage for w in wholes if w.feedback is not None]
            self.store.record_review(question.id, review.round_coverage(coverages),
                                     ratings[-1] if ratings else None, self.clock())
            then()

        self.front.ask_rating(kept[-1], record)
