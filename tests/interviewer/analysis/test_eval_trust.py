"""Issue 21: a score a candidate can trust, measured on answers written before the rules.

eval_trust.toml holds strong, fluff, off-topic and weak answers to 30 built-in questions,
written from the question text alone; each strong answer is also scored in spoken form
(speechify.spoken). The questions are split once (eval_split.half): rules were tuned on
the dev half; the bars of the issue are asserted on the test (reporting) half, and looser
bounds on the whole set. Run with -s to see the figures of both halves.
"""

from __future__ import annotations

import statistics
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from interviewer.analysis import Feedback, score_answer
from interviewer.banks import Library

from .eval_split import half
from .speechify import spoken

EVAL_FILE = Path(__file__).with_name("eval_trust.toml")
KINDS = ("strong", "spoken", "fluff", "off-topic", "weak")
BETTER_THAN = ("fluff", "off-topic", "weak")


@dataclass(frozen=True)
class Scored:
    question: str
    kind: str
    text: str
    covers: frozenset[str]
    feedback: Feedback

    @property
    def half(self) -> str:
        return half(self.question)


def _answers() -> list[dict]:
    answers = tomllib.loads(EVAL_FILE.read_text(encoding="utf-8"))["answers"]
    said = [dict(a, kind="spoken", text=spoken(a["text"])) for a in answers
            if a["kind"] == "strong"]
    return answers + said


@pytest.fixture(scope="module")
def scored(library: Library) -> list[Scored]:
    return [Scored(a["question"], a["kind"], a["text"], frozenset(a["covers"]),
                   score_answer(library.question(a["question"]), a["text"], library))
            for a in _answers()]


def _figures(rows: list[Scored]) -> dict[str, tuple[float, float, float, int]]:
    """Mean, min and max coverage and count per kind."""
    out = {}
    for kind in KINDS:
        values = [s.feedback.coverage for s in rows if s.kind == kind]
        if values:
            out[kind] = (statistics.mean(values), min(values), max(values), len(values))
    return out


def _not_beaten(rows: list[Scored]) -> list[str]:
    """Questions where a strong (or spoken strong) answer does not beat another kind."""
    best: dict[tuple[str, str], float] = {(s.question, s.kind): s.feedback.coverage
                                          for s in rows}
    lost = []
    for (question, kind), value in best.items():
        if kind not in ("strong", "spoken"):
            continue
        for other in BETTER_THAN:
            rival = best.get((question, other))
            if rival is not None and value <= rival:
                lost.append(f"{question} {kind} {value:.2f} <= {other} {rival:.2f}")
    return lost


def _confusion(rows: list[Scored]) -> tuple[dict[str, Counter[str]], list[str]]:
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    errors = []
    for s in rows:
        for point in s.feedback.key_points:
            truth = point.label in s.covers
            outcome = ("t" if point.covered == truth else "f") + ("p" if point.covered else "n")
            per_label[point.label][outcome] += 1
            per_label["(all)"][outcome] += 1
            if outcome[0] == "f":
                errors.append(f"    {outcome} {s.question} [{s.kind}] {point.label}: "
                              f"{point.matched}")
    return per_label, errors


def _ratio(c: Counter[str], wrong: str) -> float:
    return c["tp"] / (c["tp"] + c[wrong]) if c["tp"] + c[wrong] else 1.0


def report(scored: list[Scored]) -> None:
    """Print every figure of both halves: coverage per kind, strong against the rest, and
    precision and recall per key-point label."""
    for name in ("dev", "test"):
        rows = [s for s in scored if s.half == name]
        print(f"\n== {name} half ({'tuned on' if name == 'dev' else 'reporting'}): "
              f"{len({s.question for s in rows})} questions, {len(rows)} answers")
        for kind, (mean, low, high, n) in _figures(rows).items():
            print(f"  {kind:10} n={n:3} mean {mean:.3f} min {low:.2f} max {high:.2f}")
        print(f"  strong not above fluff/off-topic/weak: {_not_beaten(rows) or 'none'}")
        per_label, errors = _confusion(rows)
        print("  precision recall tp/fp/fn  label")
        for label, c in sorted(per_label.items()):
            print(f"  {_ratio(c, 'fp'):9.2f} {_ratio(c, 'fn'):6.2f} "
                  f"{c['tp']}/{c['fp']}/{c['fn']}  {label}")
        print("  disagreements with the labels:\n" + "\n".join(errors))


def test_figures_of_both_halves(scored: list[Scored]) -> None:
    report(scored)
    assert {s.half for s in scored} == {"dev", "test"}
    assert len({s.question for s in scored}) >= 30


def _reporting(scored: list[Scored]) -> dict[str, tuple[float, float, float, int]]:
    return _figures([s for s in scored if s.half == "test"])


def test_reporting_half_fluff_and_weak_meet_the_bars(scored: list[Scored]) -> None:
    figures = _reporting(scored)
    assert figures["fluff"][0] <= 0.12 and figures["fluff"][2] <= 0.35, figures["fluff"]
    assert figures["weak"][0] <= 0.25, figures["weak"]


def test_reporting_half_strong_beats_every_other_kind(scored: list[Scored]) -> None:
    assert not _not_beaten([s for s in scored if s.half == "test"])


def test_reporting_half_no_strong_answer_is_below_the_floor(scored: list[Scored]) -> None:
    figures = _reporting(scored)
    for kind in ("strong", "spoken"):
        assert figures[kind][1] >= 0.6, (kind, figures[kind])


# The bars below are not met on the reporting half (figures in the reasons, from the last
# run). strict: the day a change meets one, its test fails until the marker is removed.
@pytest.mark.xfail(strict=True, reason="recall: strong 0.847, spoken 0.847 on the reporting "
                                       "half (min 0.67 both); the bar is a 0.85 average")
def test_reporting_half_strong_averages_the_bar(scored: list[Scored]) -> None:
    figures = _reporting(scored)
    for kind in ("strong", "spoken"):
        assert figures[kind][0] >= 0.85, (kind, figures[kind])


@pytest.mark.xfail(strict=True, reason="off-topic 0.103 (max 0.50) on the reporting half; "
                                       "the bar is 0.08, none above 0.25")
def test_reporting_half_off_topic_meets_the_bar(scored: list[Scored]) -> None:
    figures = _reporting(scored)
    assert figures["off-topic"][0] <= 0.08 and figures["off-topic"][2] <= 0.25, \
        figures["off-topic"]


def test_whole_set_stays_within_sane_bounds(scored: list[Scored]) -> None:
    figures = _figures(scored)
    assert figures["strong"][0] >= 0.75 and figures["spoken"][0] >= 0.75
    assert figures["fluff"][0] <= 0.2 and figures["off-topic"][0] <= 0.15
    assert figures["weak"][0] <= 0.35
    per_label, _ = _confusion(scored)
    assert _ratio(per_label["(all)"], "fp") >= 0.8
