"""The practice flow without Qt: scripted answers, real scoring, a real history file.

The speaker and the answer source are the only stand-ins (there is no person here);
they record the order of events so the tests can check the flow's rules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interviewer.banks import Question, load_library
from interviewer.history import HistoryStore
from interviewer.practice import (
    Answer,
    AnswerTimes,
    Attempt,
    PracticeFlow,
    Round,
    SerialLoop,
    answer_times,
)
from interviewer.practice.exchange import stored_exchange
from interviewer.practice.probing import result_probe
from interviewer.practice.saving import StoreOnThisThread
from interviewer.practice.scoring import score_attempt
from interviewer.settings import Settings
from interviewer.transcript import Transcript

WEAK = "I would call the customer."
GOOD = ("I prioritize by the amount overdue and the age of the invoice, check the payment "
        "history and the customer relationship, and escalate the oldest largest balances first.")
STORY = ("A customer shouted at me on a collection call. I stayed calm, listened, explained "
         "the invoice and agreed a payment plan.")
RESULT = "In the end they paid 12,000 dollars within 30 days and we kept the account."
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


class Script:
    """Speaker, answer source and front end in one: what a person would do, in order."""

    def __init__(self, loop: SerialLoop, answers: list[str],
                 choices: list[str] | None = None) -> None:
        self.loop, self.answers, self.choices = loop, list(answers), list(choices or [])
        self.events: list[str] = []
        self.flow: PracticeFlow | None = None
        self.summary: Round | None = None

    # SpeakerPort
    def say(self, text: str, then: Callable[[], None]) -> None:
        self.events.append(f"say:{text}")
        self.loop.post(then)

    # AnswerPort
    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        self.events.append(f"listen:{question.id}")
        answer = (Answer(transcript=Transcript.typed(self.answers.pop(0)))
                  if self.answers else None)
        self.loop.post(lambda: then(answer))

    def has_more(self) -> bool:
        return bool(self.answers)

    # Front
    def show_question(self, question: Question, progress: str) -> None:
        self.events.append(f"show:{question.id}")

    def show_follow_up(self, line: str) -> None:
        self.events.append(f"follow-up:{line}")

    def nothing_heard(self, question: Question, choose: bool) -> None:
        self.events.append("nothing")
        if choose:
            self._choose()

    def cannot_transcribe(self, audio_path: Path | None) -> None:
        raise AssertionError("typed answers are never transcribed")

    def show_scored(self, attempt: Attempt, previous: Attempt | None, choose: bool) -> None:
        self.events.append(f"scored:{attempt.question.id}:{attempt.number}")
        if choose:
            self._choose()

    def _choose(self) -> None:
        choice = self.choices.pop(0) if self.choices else "next"
        assert self.flow is not None
        self.loop.post(self.flow.retry if choice == "retry" else self.flow.next)

    def ask_rating(self, attempt: Attempt, then: Callable[[int | None], None]) -> None:
        self.events.append(f"rating:{attempt.question.id}")
        then(None)

    def show_summary(self, title: str, round_: Round, closing: str) -> None:
        self.events.append(f"summary:{title}")
        self.summary = round_


def run_round(store: HistoryStore, mode: str, questions: list[Question], answers: list[str],
              choices: list[str] | None = None, probes: str = "two",
              probe_practice: bool = True) -> tuple[Script, PracticeFlow]:
    loop = SerialLoop()
    script = Script(loop, answers, choices)
    library = load_library()
    flow = PracticeFlow(
        Round(mode, questions), questions[0].bank_id, speaker=script, answers=script,
        runner=loop, transcribe=lambda pcm, question: Transcript.typed(""),
        score=lambda q, t, pcm: score_attempt(q, t, pcm, library),
        store=StoreOnThisThread(store), front=script,
        times=lambda q: answer_times(q, Settings()), clock=lambda: NOW, probes=probes,
        probe_practice=probe_practice)
    script.flow = flow
    loop.post(flow.start)
    return script, flow


@pytest.fixture
def bank() -> dict[str, Question]:
    return {q.id.split("/")[1]: q for q in load_library().bank("ar-specialist").questions}


@pytest.fixture
def store(tmp_path: Path):
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened


def test_retries_move_the_review_once_per_question(store, bank) -> None:
    """Two retries at full marks must not move a question three boxes in one sitting."""
    one, two = bank["prioritize-overdue-accounts"], bank["invoice-accuracy-checks"]
    script, flow = run_round(store, "practice", [one, two], [WEAK, GOOD, GOOD, WEAK],
                             ["retry", "retry", "next", "next"])
    assert flow.finished and script.events[-1] == "summary:Round complete"
    attempts = store.attempts()
    assert [a.question_id for a in attempts] == [one.id] * 3 + [two.id]
    assert [a.transcript.text for a in attempts] == [WEAK, GOOD, GOOD, WEAK]
    first = store.review_state(one.id)
    assert first.review_count == 1  # one review, however many retries
    # on the first answer: retries after seeing the feedback are practice, not recall
    assert first.last_score == pytest.approx(attempts[0].coverage, abs=1e-3)
    assert attempts[1].coverage > attempts[0].coverage
    assert store.review_state(two.id).review_count == 1
    assert script.events.count(f"rating:{one.id}") == 1


def test_a_follow_up_counts_once_with_its_first_answer(store, bank) -> None:
    story, other = bank["difficult-collection-call"], bank["prioritize-overdue-accounts"]
    script, flow = run_round(store, "mock", [story, other], [STORY, RESULT, GOOD, RESULT],
                             probes="one")
    follow_ups = [e for e in script.events if e.startswith("follow-up:")]
    assert len(follow_ups) == 2
    assert follow_ups[0] == f"follow-up:{result_probe(story).line}"
    attempts = store.attempts()
    assert [(a.question_id, a.followup_of) for a in attempts] == [
        (story.id, None), (story.id, attempts[0].id), (other.id, None), (other.id, attempts[2].id)]
    for question, whole in ((story, attempts[1]), (other, attempts[3])):
        state = store.review_state(question.id)
        assert state.review_count == 1  # the follow-up does not count twice
        # the whole answer (first part and follow-up together) is what the review records
        assert state.last_score == pytest.approx(whole.coverage, abs=1e-3)
    assert attempts[1].coverage >= attempts[0].coverage
    assert script.events[-1] == "summary:Mock interview complete"


def test_listening_starts_only_after_the_interviewer_spoke(store, bank) -> None:
    story = bank["difficult-collection-call"]
    script, _ = run_round(store, "mock", [story], [STORY, RESULT])
    for index, event in enumerate(script.events):
        if event.startswith("listen:"):
            assert script.events[index - 1].startswith("say:"), script.events[:index + 1]
    spoken = [e for e in script.events if e.startswith("say:")]
    assert spoken[0] == f"say:{story.text}" and spoken[1] == f"say:{result_probe(story).line}"


def test_an_answer_with_no_words_is_not_saved(store, bank) -> None:
    one, two = bank["prioritize-overdue-accounts"], bank["invoice-accuracy-checks"]
    script, flow = run_round(store, "practice", [one, two], ["   ", GOOD])
    assert "nothing" in script.events and flow.finished
    (saved,) = store.attempts()
    assert saved.question_id == two.id
    assert store.review_state(one.id) is None


def test_answers_running_out_end_the_session_with_what_was_said(store, bank) -> None:
    one, two = bank["prioritize-overdue-accounts"], bank["invoice-accuracy-checks"]
    script, flow = run_round(store, "practice", [one, two], [GOOD])
    assert flow.finished and script.events[-1] == "summary:Round complete"
    assert [a.question_id for a in store.attempts()] == [one.id]
    assert store.sessions()[0].finished_at is not None


def test_a_long_round_runs_without_deep_recursion(store) -> None:
    questions = list(load_library().bank("ar-specialist").questions)
    many = (questions * 20)[:150]  # called back directly, ~15 frames a question: 2,000+
    _, flow = run_round(store, "practice", many, [WEAK] * 150)
    assert flow.finished and len(store.attempts()) == 150


def test_story_questions_get_the_same_target_everywhere(bank) -> None:
    settings = Settings(target_s=90, time_limit_s=180)
    story, technical = bank["difficult-collection-call"], bank["invoice-accuracy-checks"]
    assert answer_times(story, settings) == AnswerTimes(120.0, 180.0)
    assert answer_times(technical, settings) == AnswerTimes(90.0, 180.0)
    assert answer_times(technical, settings, 30) == AnswerTimes(90.0, 30.0)


CAUSE = ("When I let him talk, it turned out the invoice had gone to an old address after "
         "they moved offices, so their payables team had never seen it.")


def test_two_probes_aim_at_the_missing_points_and_the_exchange_is_kept(store, bank) -> None:
    story = bank["difficult-collection-call"]
    script, flow = run_round(store, "mock", [story], [STORY, RESULT, CAUSE])
    probes = [e.removeprefix("follow-up:") for e in script.events if e.startswith("follow-up:")]
    first, second = probes
    assert first == result_probe(story).line  # the missing result first
    labels = {k.probes[0]: k.label for k in story.key_points}
    assert labels[second] != labels[first]
    attempts = store.attempts()
    assert [a.followup_of for a in attempts] == [None, attempts[0].id, attempts[1].id]
    probe, after = stored_exchange(attempts[2].feedback)
    assert probe == second and labels[second] in after and "Result" in after
    group = flow.round.attempts_for(story.id)
    assert [a.follow_up for a in group] == [None, first, second]
    assert group[2].root is group[0] and group[2].exchange() == group
    assert store.review_state(story.id).review_count == 1


def test_probes_setting_none_asks_nothing_and_practice_probes_only_stories(store,
                                                                           bank) -> None:
    story, technical = bank["difficult-collection-call"], bank["invoice-accuracy-checks"]
    script, _ = run_round(store, "mock", [story], [STORY, RESULT], probes="none")
    assert not [e for e in script.events if e.startswith("follow-up:")]
    script, _ = run_round(store, "practice", [technical, story], [WEAK, STORY, RESULT])
    asked = [e for e in script.events if e.startswith("follow-up:")]
    assert asked == [f"follow-up:{result_probe(story).line}"]  # behavioral only, by default
    script, _ = run_round(store, "practice", [story], [STORY, RESULT], probe_practice=False)
    assert not [e for e in script.events if e.startswith("follow-up:")]


def test_the_report_shows_the_exchange_and_what_to_add(store, bank) -> None:
    from interviewer.reports.markdown import render_markdown
    from interviewer.reports.model import build_report

    story = bank["difficult-collection-call"]
    script, _ = run_round(store, "mock", [story], [STORY, RESULT, CAUSE])
    probes = [e.removeprefix("follow-up:") for e in script.events if e.startswith("follow-up:")]
    text = render_markdown(build_report(store))
    order = [text.index("**Your answer:**"), text.index(f"**Follow-up: {probes[0]}:**"),
             text.index(f"**Follow-up: {probes[1]}:**")]
    assert order == sorted(order)
    assert "- [x] Result (covered after a probe)" in text  # then its evidence
    assert "**What to add:**" in text or "- [ ]" not in text
    assert "against a target of 60-120 s" in text
