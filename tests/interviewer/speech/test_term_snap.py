"""Trade terms Whisper heard almost right are written as the bank writes them; everyday
words, and anything further off, stay as they were heard."""

from __future__ import annotations

import pytest

from interviewer.speech.term_snap import snap_terms, usable_terms
from interviewer.speech.vocabulary import terms_in
from interviewer.transcript import Word

TERMS = ["ACH", "DSO", "unapplied cash", "NetSuite", "subledger", "which meant", "past due",
         "@result", "30 days"]


def heard(text: str) -> list[Word]:
    """Whisper's shape: a leading space, punctuation attached, a second per word."""
    return [Word(f" {w}", float(i), i + 1.0, 0.9) for i, w in enumerate(text.split())]


def snapped(text: str) -> str:
    return "".join(w.word for w in snap_terms(heard(text), TERMS)).strip()


@pytest.mark.parametrize(("said", "written"), [
    ("clients moved to a CH payments,", "clients moved to ACH payments,"),
    ("our d s o fell", "our DSO fell"),
    ("leaving an applied cash on the books.", "leaving unapplied cash on the books."),
    ("An applied cash, was high", "Unapplied cash, was high"),
    ("in Net Suite I built", "in NetSuite I built"),
    ("reconcile the sub ledger.", "reconcile the subledger."),
])
def test_near_misses_of_trade_terms_are_written_as_the_term(said: str, written: str) -> None:
    assert snapped(said) == written


@pytest.mark.parametrize("said", [
    "which means that",  # an everyday phrase is never turned into a key point's wording
    "pass due",
    "and that's week for two",  # too far from NetSuite to guess
    "the sub culture",
    "a C. H. payments",  # not across a full stop
    "DSO was at 52",  # already right
])
def test_everything_else_stays_as_heard(said: str) -> None:
    assert snapped(said) == said


def test_the_term_keeps_the_span_s_time_and_confidence() -> None:
    words = snap_terms(heard("leaving an applied cash today"), TERMS)
    assert [w.word for w in words] == [" leaving", " unapplied", " cash", " today"]
    assert (words[1].start, words[2].end) == (1.0, 4.0) and words[1].end == words[2].start
    assert min(w.conf for w in words) == 0.9


def test_only_trade_terms_from_the_prompt_are_used() -> None:
    prompt = "How do you handle unapplied cash? unapplied cash, ACH, which meant, 30 days"
    assert terms_in(prompt) == ["unapplied cash", "ACH", "which meant", "30 days"]
    assert usable_terms(terms_in(prompt)) == ["unapplied cash", "ACH"]


def test_the_prompt_names_trade_terms_first_then_the_question_s_own_phrases() -> None:
    """ACH is no key point of the DSO question, but the bank uses it often: the prompt
    names it, so Whisper writes it and the snapper can put it back together."""
    from interviewer.banks.loader import load_library
    from interviewer.speech.vocabulary import MAX_TERMS, context_for, is_trade_term

    library = load_library()
    question = library.question("ar-coordinator/reduce-dso")
    prompt = context_for(question, library.bank(question.bank_id).questions, "HighRadius")
    assert prompt.startswith(question.text)
    terms = terms_in(prompt)
    trade = [t for t in terms if is_trade_term(t)]
    assert terms[0] == "HighRadius"  # words the user added come first
    assert terms[:len(trade)] == trade and "ACH" in trade
    assert sum("DSO" in t.split() for t in trade) == 1  # once, however many ways it is said
    assert len(terms) - len(trade) >= 10  # and room is left for the question's phrases
    assert len(terms) <= MAX_TERMS and "@" not in prompt and "#" not in prompt
