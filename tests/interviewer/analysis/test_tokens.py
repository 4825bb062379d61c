"""Tokenising: spans back into the text, numbers said as words, spelled-out acronyms."""

from __future__ import annotations

import pytest

from interviewer.analysis.tokens import tokenize


def words(text: str) -> list[str]:
    return [t.word for t in tokenize(text)]


def test_spans_point_back_into_the_original_text() -> None:
    text = "We cut DSO from 52 to forty one days — $38,000 (8%)."
    pieces = [text[t.start:t.end] for t in tokenize(text)]
    # "$38,000" is read "38000 dollars": both tokens span the written figure, so a span
    # from the number to the currency word is never empty (issue 21, "$0")
    assert pieces == ["We", "cut", "DSO", "from", "52", "to", "forty one", "days", "$38,000",
                      "$38,000", "8", "%"]


@pytest.mark.parametrize(("spoken", "written"), [
    ("ninety five percent", "95%"),
    ("thirty eight thousand dollars", "$38,000"),
    ("four million dollars", "$4M"),
    ("one thousand two hundred customers", "1,200 customers"),
    ("a ninety day bucket", "a 90-day bucket"),
    ("one hundred and five", "105"),
    ("two point five days", "2.5 days"),
])
def test_spoken_and_written_figures_read_the_same(spoken: str, written: str) -> None:
    assert words(spoken) == words(written)


def test_a_run_of_two_numbers_is_split_where_text2num_cannot_join_it() -> None:
    assert words("paid thirty forty five days late") == ["paid", "30", "45", "days", "late"]


@pytest.mark.parametrize("text", ["d s o", "D.S.O.", "dso", "DSO"])
def test_acronyms_spelled_out_or_dotted_become_one_word(text: str) -> None:
    assert words(text) == ["dso"]


def test_the_pronoun_i_does_not_start_an_acronym() -> None:
    assert words("so i i called") == ["so", "i", "i", "called"]


def test_punctuation_stops_numbers_and_letters_merging() -> None:
    assert words("It was five. Thousand more") == ["it", "was", "5", "1000", "more"]
    assert words("plan a. b team") == ["plan", "a", "b", "team"]


def test_folding_accents_case_apostrophes_and_british_spelling() -> None:
    assert words("Résumé customer's prioritised E-mail instalment") == [
        "resume", "customer", "prioritized", "email", "installment"]


def test_stems_join_inflections() -> None:
    stems = {t.stem for t in tokenize("reconcile reconciled reconciling")}
    assert len(stems) == 1
