"""The round's questions and the candidate's self-rating are decided in interviewer.practice;
the app and the terminal only show them and pass the candidate's choices on."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from interviewer.banks import Question, load_library
from interviewer.errors import InterviewerError
from interviewer.practice import (
    Answer,
    AnswerTimes,
    Attempt,
    PracticeFlow,
    Round,
    SerialLoop,
    posting_round,
    round_for,
)
from interviewer.practice.scoring import score_attempt
from interviewer.practice.session import Filters
from interviewer.transcript import Transcript
from tests.conftest import REPO

FRONTS = ("ui/round_controller.py", "interviewer/cli/practice_cmd.py")
ORDERING = {"mock_order", "practice_order", "review_order", "plan_mock"}


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return list(load_library().bank("ar-specialist").questions)


def test_neither_front_end_orders_questions_itself() -> None:
    for front in FRONTS:
        tree = ast.parse((REPO / front).read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 for alias in node.names}
        assert not names & ORDERING, f"{front} imports {names & ORDERING}"


def test_practice_takes_bank_order_or_a_seeded_shuffle(questions) -> None:
    assert round_for("practice", questions).questions == questions
    assert round_for("practice", questions, count=2).questions == questions[:2]
    one = round_for("practice", questions, shuffle=True, seed=3).questions
    assert one == round_for("practice", questions, shuffle=True, seed=3).questions
    assert sorted(q.id for q in one) == sorted(q.id for q in questions) and one != questions
    easy = round_for("practice", questions, Filters(difficulties=("easy",))).questions
    assert easy and {q.difficulty for q in easy} == {"easy"}


def test_a_mock_is_an_arc_of_the_asked_length_the_same_for_one_seed(questions) -> None:
    mock = round_for("mock", questions, count=5, seed=11)
    assert mock.mode == "mock" and len(mock.questions) == 5
    assert mock.questions == round_for("mock", questions, count=5, seed=11).questions


def test_review_asks_the_due_questions_most_overdue_first(questions) -> None:
    due = [questions[3].id, questions[0].id]
    assert round_for("review", questions, due=due).questions == [questions[3], questions[0]]
    with pytest.raises(InterviewerError, match="no question is due"):
        round_for("review", questions, due=[])


def test_a_shorter_posting_interview_keeps_the_closing_question(questions) -> None:
    assert posting_round(questions).questions == questions
    short = posting_round(questions, 3).questions
    assert short == [questions[0], questions[1], questions[-1]]


class Rater:
    """A front that rates at the end of the question (the terminal's --rate), or not at
    all (the app, whose result screen rated through flow.rate already)."""

    def __init__(self, loop: SerialLoop, at_end: int | None, on_screen: int | None) -> None:
        self.loop, self.at_end, self.on_screen = loop, at_end, on_screen
        self.flow: PracticeFlow | None = None
        self.reviews: list[tuple[str, int | None]] = []
        self.answers = 1

    def say(self, text: str, then: Callable[[], None]) -> None:
        self.loop.post(then)

    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        self.answers -= 1
        self.loop.post(lambda: then(Answer(transcript=Transcript.typed(
            "I check the aging report and call the largest overdue balances first."))))

    def has_more(self) -> bool:
        return self.answers > 0

    def show_question(self, question: Question, progress: str) -> None: ...
    def show_follow_up(self, line: str) -> None: ...
    def nothing_heard(self, question: Question, choose: bool) -> None: ...
    def cannot_transcribe(self, audio_path: Path | None) -> None: ...

    def show_scored(self, attempt: Attempt, previous: Attempt | None, choose: bool) -> None:
        assert self.flow is not None
        if self.on_screen is not None:
            self.flow.rate(attempt, self.on_screen)  # the app's 1-5 keys
        self.loop.post(self.flow.next)

    def ask_rating(self, attempt: Attempt, then: Callable[[int | None], None]) -> None:
        then(self.at_end)

    def show_summary(self, title: str, round_: Round, closing: str) -> None: ...
    def start_session(self, bank_id: str, mode: str) -> None: ...
    def save_attempt(self, attempt: Attempt) -> None: ...

    def record_review(self, question_id: str, coverage: float, rating: int | None,
                      now: object) -> None:
        self.reviews.append((question_id, rating))

    def finish_session(self) -> None: ...


def rated_round(question: Question, at_end: int | None, on_screen: int | None) -> Rater:
    loop = SerialLoop()
    front = Rater(loop, at_end, on_screen)
    library = load_library()
    flow = PracticeFlow(Round("practice", [question]), question.bank_id, speaker=front,
                        answers=front, runner=loop, transcribe=lambda p, q: Transcript(""),
                        score=lambda q, t, pcm: score_attempt(q, t, pcm, library),
                        store=front, front=front, times=lambda q: AnswerTimes(60.0, 180.0),
                        probes="none")
    front.flow = flow
    loop.post(flow.start)
    return front


@pytest.mark.parametrize(("at_end", "on_screen", "kept"),
                         [(2, None, 2), (None, 4, 4), (None, None, None), (5, 1, 5)])
def test_the_flow_keeps_the_rating_however_the_front_asked(questions, at_end, on_screen,
                                                           kept) -> None:
    front = rated_round(questions[0], at_end, on_screen)
    assert front.reviews == [(questions[0].id, kept)]


def test_a_rating_outside_one_to_five_is_refused(questions) -> None:
    attempt = Attempt(questions[0], 1, Transcript.typed("an answer"))
    flow = rated_round(questions[0], None, None).flow
    assert flow is not None
    with pytest.raises(ValueError, match="1 to 5"):
        flow.rate(attempt, 7)
    flow.rate(attempt, 3)
    flow.rate(attempt, None)
    assert attempt.self_rating is None


class Interrupted(Rater):
    """The candidate starts answering while the interviewer is still speaking."""

    def __init__(self, loop: SerialLoop) -> None:
        super().__init__(loop, None, None)
        self.spoken: list[Callable[[], None]] = []
        self.listened = 0

    def say(self, text: str, then: Callable[[], None]) -> None:
        self.spoken.append(then)  # still speaking: `then` comes later, or never

    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        self.listened += 1
        super().listen(question, times, then)


def test_answering_before_the_question_ends_listens_once(questions) -> None:
    loop = SerialLoop()
    front = Interrupted(loop)
    library = load_library()
    flow = PracticeFlow(Round("practice", [questions[0]]), questions[0].bank_id,
                        speaker=front, answers=front, runner=loop,
                        transcribe=lambda p, q: Transcript(""),
                        score=lambda q, t, pcm: score_attempt(q, t, pcm, library),
                        store=front, front=front, times=lambda q: AnswerTimes(60.0, 180.0),
                        probes="none")
    front.flow = flow
    loop.post(flow.start)
    assert front.listened == 0 and len(front.spoken) == 1
    loop.post(flow.answer_now)  # the record key, pressed while the question is read
    assert front.listened == 1
    front.spoken[0]()  # the voice, stopped, reports in late: no second listen
    assert front.listened == 1 and flow.finished
