"""score_answer end to end: typed and timed answers, default library, worker threads."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from interviewer.analysis import score_answer
from interviewer.banks import Library
from interviewer.transcript import Transcript, Word

QUESTION = "ar-collector/payment-methods"
SAID = "um we take checks through a lockbox and uh wire transfers and a c h"


def timed(text: str, pause_after: int = -1) -> Transcript:
    words, t = [], 0.0
    for i, w in enumerate(text.split()):
        words.append(Word(w, t, t + 0.35))
        t += 0.4 + (2.6 if i == pause_after else 0.0)
    return Transcript(text, words=tuple(words), duration=t, engine="vosk", model="test")


def test_without_a_library_the_installed_banks_are_used(library: Library) -> None:
    question = library.question(QUESTION)
    assert score_answer(question, SAID).to_dict() == score_answer(question, SAID,
                                                                  library).to_dict()


def test_a_timed_answer_gets_delivery_observations(library: Library) -> None:
    feedback = score_answer(library.question(QUESTION), timed(SAID, pause_after=5), library)
    assert feedback.coverage == 0.6
    assert feedback.delivery is not None
    assert [f.text for f in feedback.delivery.fillers] == ["um", "uh"]
    assert "2 fillers (um x1, uh x1)" in feedback.observations
    assert "1 pause over 2 s" in feedback.observations
    json.dumps(feedback.to_dict())


def test_scoring_from_worker_threads_gives_the_same_feedback(library: Library) -> None:
    questions = library.all_questions()
    expected = [score_answer(q, q.sample_answers[0].text, library).to_dict() for q in questions]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda q: score_answer(q, q.sample_answers[0].text,
                                                   library).to_dict(), questions))
    assert got == expected
