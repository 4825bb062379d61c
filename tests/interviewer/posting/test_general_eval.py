"""The general bank's key points on answers that tell other stories (eval_general.toml).

Halves are fixed by the question's position in the bank: even = dev (phrases tuned on
its misses), odd = test (the figures reported).
"""

from __future__ import annotations

import statistics
import tomllib
from pathlib import Path

import pytest

from interviewer.analysis import score_answer
from interviewer.banks import load_library

EVAL = Path(__file__).with_name("eval_general.toml")
LIBRARY = load_library()
ORDER = [q.id for q in LIBRARY.bank("general").questions]
OFF_TOPIC = ("I spent the weekend repainting the kitchen a pale green and the cat walked "
             "through the tray twice, so there are paw prints on the floor now.")


def half_of(question_id: str) -> str:
    return "dev" if ORDER.index(question_id) % 2 == 0 else "test"


@pytest.fixture(scope="module")
def scored() -> list[tuple[dict, object]]:
    answers = tomllib.loads(EVAL.read_text(encoding="utf-8"))["answers"]
    answers += [{"question": q, "kind": "off-topic", "text": OFF_TOPIC, "covers": []}
                for q in ORDER]
    return [(a, score_answer(LIBRARY.question(a["question"]), a["text"], LIBRARY))
            for a in answers]


@pytest.mark.parametrize("half", ["dev", "test"])
def test_strong_answers_score_high_and_fluff_low(scored, half: str) -> None:
    mine = [(a, f) for a, f in scored if half_of(a["question"]) == half]
    means = {kind: statistics.mean(f.coverage for a, f in mine if a["kind"] == kind)
             for kind in ("strong", "fluff", "off-topic")}
    agree = [p.covered == (p.label in a["covers"]) for a, f in mine for p in f.key_points]
    missed = [f"{a['question']}: {p.label}" for a, f in mine if a["kind"] == "strong"
              for p in f.key_points if not p.covered and p.label in a["covers"]]
    print(f"\n{half} half ({len(mine) // 3} questions): strong {means['strong']:.2f}, "
          f"fluff {means['fluff']:.2f}, off-topic {means['off-topic']:.2f}; "
          f"agreement with the labels {sum(agree) / len(agree):.2f}; missed: {missed}")
    assert means["strong"] >= 0.7
    assert means["fluff"] <= 0.15 and means["off-topic"] <= 0.1
    fluff = {a["question"]: f.coverage for a, f in mine if a["kind"] == "fluff"}
    assert all(f.coverage > fluff[a["question"]] for a, f in mine if a["kind"] == "strong")


def test_every_question_has_a_strong_and_a_fluff_answer(scored) -> None:
    kinds = {(a["question"], a["kind"]) for a, _ in scored}
    for question in ORDER:
        assert {(question, "strong"), (question, "fluff")} <= kinds
    labels = {q.id: {k.label for k in q.key_points} for q in LIBRARY.bank("general").questions}
    for a, _ in scored:
        assert set(a["covers"]) <= labels[a["question"]], a["question"]
