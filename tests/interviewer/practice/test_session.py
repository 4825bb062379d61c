from __future__ import annotations

import pytest

from interviewer.banks import load_library
from interviewer.errors import InterviewerError
from interviewer.practice import Round
from interviewer.practice.session import Filters, mock_order, practice_order, review_order


@pytest.fixture(scope="module")
def questions():
    return load_library().bank("ar-specialist").questions


def test_practice_keeps_bank_order_without_shuffle(questions) -> None:
    assert practice_order(questions) == list(questions)


def test_shuffle_is_repeatable_with_a_seed_and_keeps_every_question(questions) -> None:
    a = practice_order(questions, shuffle=True, seed=7)
    b = practice_order(questions, shuffle=True, seed=7)
    assert a == b and sorted(q.id for q in a) == sorted(q.id for q in questions)
    assert a != list(questions)


def test_filters(questions) -> None:
    easy = practice_order(questions, Filters(difficulties=("easy",)))
    assert easy and all(q.difficulty == "easy" for q in easy)
    tech = practice_order(questions, Filters(categories=("technical",)))
    assert tech and all(q.category == "technical" for q in tech)


def test_no_match_and_bad_names_are_clear_errors(questions) -> None:
    with pytest.raises(InterviewerError, match="unknown difficulty 'tricky'"):
        practice_order(questions, Filters(difficulties=("tricky",)))
    present = {(q.difficulty, q.category) for q in questions}
    absent = next((d, c) for d in ("easy", "medium", "hard")
                  for c in ("opening", "experience", "behavioral", "situational",
                            "technical", "closing") if (d, c) not in present)
    with pytest.raises(InterviewerError, match="no question matches"):
        practice_order(questions, Filters(difficulties=(absent[0],), categories=(absent[1],)))


def test_review_order_follows_due_ids(questions) -> None:
    ids = [questions[2].id, questions[0].id, "ar-specialist/gone"]
    assert review_order(questions, ids) == [questions[2], questions[0]]
    with pytest.raises(InterviewerError, match="no question is due"):
        review_order(questions, [])


def test_mock_order_uses_the_planner(questions) -> None:
    def planner(qs, count, seed):
        return list(reversed(qs))[:count]
    assert mock_order(questions, 2, planner=planner) == list(reversed(questions))[:2]


def test_round_keeps_every_attempt(questions) -> None:
    r = Round("practice", list(questions[:2]))
    assert r.add_attempt("a1") == 1 and r.add_attempt("a2") == 2
    assert r.attempts_for(questions[0].id) == ["a1", "a2"]
    assert r.progress() == "Question 1 of 2"
    assert r.advance() and r.is_last and not r.advance()


def test_due_questions_hidden_by_the_filters_are_named_as_such() -> None:

    bank = load_library().bank("ar-specialist")
    easy = next(q for q in bank.questions if q.difficulty == "easy")
    with pytest.raises(InterviewerError, match="1 question is due for review, but none match"):
        review_order(bank.questions, [easy.id], Filters(difficulties=("hard",)))
