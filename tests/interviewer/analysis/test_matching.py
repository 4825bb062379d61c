"""Matching key phrases in recognizer text: what must hit, and what must never hit."""

from __future__ import annotations

import pytest

from interviewer.analysis.matching import TextIndex, sounds_like
from interviewer.analysis.phrases import compile_phrase
from interviewer.analysis.tokens import tokenize

KNOWN = frozenset({"contact", "contract", "dispute", "collection"})


def hits(phrase: str, text: str, known: frozenset[str] = KNOWN) -> list[str]:
    index = TextIndex(tokenize(text), known)
    return [text[a:b] for a, b in index.spans(compile_phrase(phrase))]


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    ("days sales outstanding", "we track d s o weekly", "d s o"),
    ("dso", "days sales outstanding fell", "days sales outstanding"),
    ("purchase order", "a missing p o number", "p o"),
    ("reconciliation", "i reconciled every account", "reconciled"),
    ("cash application", "the cache application report", "cache application"),
    ("payment plan", "a payment or two and a plan", None),
    ("payment plan", "we set up a monthly payment repayment plan", "payment repayment plan"),
    ("reconcile", "then i re concile the ledger", "re concile"),
    ("write offs", "bad debt right offs", "right offs"),
    ("95 percent", "ninety five percent collected", "ninety five percent"),
    ("the facts", "i stick to facts", "facts"),
])
def test_phrases_found_through_recognizer_text(phrase: str, text: str,
                                               expected: str | None) -> None:
    assert hits(phrase, text) == ([expected] if expected else [])


def test_a_phrase_of_stop_words_alone_never_hits() -> None:
    assert compile_phrase("to the") == ()
    assert hits("to the", "to the to the") == []


@pytest.mark.parametrize(("heard", "wanted"), [
    ("con", "cost"),          # short words only match exactly
    ("despite", "dispute"),  # same consonants, different opening
    ("billing", "filling"),  # different first letter
])
def test_fuzzy_matching_is_fenced(heard: str, wanted: str) -> None:
    assert not sounds_like(heard, wanted)


def test_a_real_word_the_banks_use_is_never_read_as_another() -> None:
    assert hits("contract", "i called my contact") == []
    assert hits("contract", "i called my contact", frozenset()) == ["contact"]


def test_a_word_inside_a_spelled_out_acronym_is_not_its_own_hit() -> None:
    assert hits("sales", "our days sales outstanding fell") == []
    assert hits("sales", "i worked with sales on pricing") == ["sales"]


def test_every_occurrence_is_returned_for_highlighting() -> None:
    text = "aging report first, then the aging report again"
    assert hits("aging report", text) == ["aging report", "aging report"]
