"""A second tuning set for issue 21, on the dev half's 15 questions only.

eval_trust_more.toml was written from the question texts alone by a writer who never saw
the key points or samples: per question a strong answer told in plain words, two
off-topic stories that borrow business words and figures, and fluff. All its questions
are in the dev half, so rules may be tuned on it; the reporting half is untouched. The
bounds below are today's figures with a little room: a rule change that lets stories
from elsewhere earn more, or plain-word answers less, fails here before the reporting
half ever sees it. Run with -s for the figures.
"""

from __future__ import annotations

import statistics
import tomllib
from collections import defaultdict
from pathlib import Path

from interviewer.analysis import score_answer
from interviewer.banks import Library

from .eval_split import half

MORE = Path(__file__).with_name("eval_trust_more.toml")


def test_the_second_tuning_set_keeps_its_figures(library: Library) -> None:
    answers = tomllib.loads(MORE.read_text(encoding="utf-8"))["answers"]
    assert {half(a["question"]) for a in answers} == {"dev"}
    by_kind: dict[str, list[float]] = defaultdict(list)
    for a in answers:
        feedback = score_answer(library.question(a["question"]), a["text"], library)
        by_kind[a["kind"]].append(feedback.coverage)
    figures = {k: (statistics.mean(v), max(v), len(v)) for k, v in by_kind.items()}
    for kind, (mean, top, n) in sorted(figures.items()):
        print(f"  {kind:10} n={n:3} mean {mean:.3f} max {top:.2f}")
    assert figures["strong"][2] == 15 and figures["off-topic"][2] == 30
    assert figures["strong"][0] >= 0.58, figures["strong"]
    assert figures["off-topic"][0] <= 0.10, figures["off-topic"]
    assert figures["fluff"][0] <= 0.25, figures["fluff"]
