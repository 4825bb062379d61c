"""Coverage against hand-labelled answers: precision and recall, printed and bounded."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from interviewer.analysis import score_answer
from interviewer.banks import Library

EVAL_FILE = Path(__file__).with_name("eval_answers.toml")
MIN_PRECISION = 0.95
MIN_RECALL = 0.9


@pytest.fixture(scope="module")
def answers() -> list[dict]:
    return tomllib.loads(EVAL_FILE.read_text(encoding="utf-8"))["answers"]


def test_the_set_is_big_and_varied(answers: list[dict], library: Library) -> None:
    assert len(answers) >= 40
    assert {a["kind"] for a in answers} >= {"strong", "partial", "off-topic", "garbled",
                                            "empty", "long"}
    assert len({a["question"].split("/")[0] for a in answers}) == 3
    for answer in answers:
        labels = {k.label for k in library.question(answer["question"]).key_points}
        assert set(answer["covers"]) <= labels, answer["question"]


def test_precision_and_recall(answers: list[dict], library: Library) -> None:
    counts: dict[str, Counter[str]] = {}
    misses = []
    for answer in answers:
        question = library.question(answer["question"])
        feedback = score_answer(question, answer["text"], library)
        truth = set(answer["covers"])
        for point in feedback.key_points:
            outcome = {(True, True): "tp", (True, False): "fp", (False, True): "fn",
                       (False, False): "tn"}[(point.covered, point.label in truth)]
            counts.setdefault(answer["kind"], Counter())[outcome] += 1
            if outcome in ("fp", "fn"):
                misses.append(f"{outcome} {question.id} [{answer['kind']}] {point.label} "
                              f"{point.matched}")
    total = sum(counts.values(), Counter())
    precision = total["tp"] / (total["tp"] + total["fp"])
    recall = total["tp"] / (total["tp"] + total["fn"])
    print(f"\ncoverage on {len(answers)} labelled answers: precision {precision:.3f}, "
          f"recall {recall:.3f}")
    for kind, c in sorted(counts.items()):
        print(f"  {kind:10} tp={c['tp']:3} fp={c['fp']:2} fn={c['fn']:2} tn={c['tn']:3}")
    print("\n".join(misses))
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
    assert counts["empty"]["tp"] + counts["empty"]["fp"] == 0
