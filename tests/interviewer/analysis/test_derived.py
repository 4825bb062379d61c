"""Key points derived from sample answers when a question has none written."""

from __future__ import annotations

from dataclasses import replace

from interviewer.analysis import score_answer
from interviewer.analysis.derived import derive_key_points
from interviewer.banks import Library
from tests.interviewer.analysis.speechify import speechify


def test_derived_points_are_distinctive_terms_of_the_sample(library: Library) -> None:
    bank = library.bank("ar-collector")
    question = bank.question("payment-methods")
    points = derive_key_points(question, bank.questions)
    assert 3 <= len(points) <= 5
    sample = question.sample_answers[0].text.lower()
    for point in points:
        assert point.phrases[0] in sample
    labels = " ".join(p.label.lower() for p in points)
    assert "customer" not in labels.split()  # common to every question in the bank


def test_a_question_without_key_points_is_scored_on_derived_points(library: Library) -> None:
    original = library.bank("ar-specialist").question("ar-metrics-and-reports")
    bare = replace(original, key_points=())
    own = score_answer(bare, speechify(original.sample_answers[0].text), library)
    assert own.key_points and all(p.derived for p in own.key_points)
    assert own.coverage >= 0.9
    assert all(p.sample_spans[0] for p in own.key_points)
    other = library.bank("ar-specialist").question("difficult-collection-call")
    off = score_answer(bare, other.sample_answers[0].text, library)
    assert off.coverage <= 0.4
