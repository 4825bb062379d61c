"""The one rule for a question's coverage: best answer, each with all its follow-ups."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.banks import load_library
from interviewer.question_coverage import (
    exchange_ends,
    per_question,
    score_exchange,
    session_coverage,
    standing_record,
)


@dataclass(frozen=True)
class Row:
    id: int
    question_id: str
    coverage: float
    followup_of: int | None = None


def test_an_exchange_ends_with_its_last_follow_up_however_many() -> None:
    rows = [Row(1, "q", 0.2), Row(2, "q", 0.5, 1), Row(3, "q", 0.8, 2), Row(4, "q", 0.4)]
    ends = exchange_ends(rows, lambda r: r.followup_of, lambda r: r.id)
    assert [r.id for r in ends] == [3, 4]
    assert standing_record(rows) == rows[2]


def test_probes_pointing_at_the_same_answer_end_at_the_last_one() -> None:
    rows = [Row(1, "q", 0.3), Row(2, "q", 0.6, 1), Row(3, "q", 0.7, 1)]
    assert standing_record(rows) == rows[2]


def test_the_best_exchange_stands_and_ties_keep_the_earliest() -> None:
    rows = [Row(1, "q", 0.6), Row(2, "q", 0.6), Row(3, "r", 0.1)]
    assert per_question(rows) == {"q": rows[0], "r": rows[2]}
    assert session_coverage([0.6, 0.1]) == 0.35
    assert session_coverage([]) is None


def test_score_exchange_reads_any_number_of_follow_ups() -> None:
    library = load_library()
    question = library.question("ar-specialist/difficult-collection-call")
    answer = ("A customer shouted at me about an overdue invoice. I stayed calm, let him "
              "finish and found the real problem, a missing credit.")
    probes = ["We agreed a payment date in writing.",
              "In the end he paid the full 12,000 dollars and is still a customer."]
    alone = score_exchange(question, answer, [], library)
    one = score_exchange(question, answer, probes[:1], library)
    both = score_exchange(question, answer, probes, library)
    assert alone.coverage <= one.coverage <= both.coverage
    assert both.coverage > alone.coverage
    # STAR and the notes read the follow-ups too: the result is found, a figure is there
    assert "result" in both.structure.star_found
    assert not any("number" in o for o in both.observations)
