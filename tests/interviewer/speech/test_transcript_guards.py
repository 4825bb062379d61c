"""The rules between Whisper's words and the final transcript: where a stretch may be cut,
which words count as invented, how figures are written and checked, which terms snap."""

from __future__ import annotations

import pytest

from interviewer.speech.figures import check_note, tidy, value_of
from interviewer.speech.glossary import GLOSSARY
from interviewer.speech.inventions import invented, keep_spoken
from interviewer.speech.term_snap import snap_terms
from interviewer.speech.vocabulary import is_trade_term
from interviewer.speech.whisper_engine import HOLD_S, _last_gap, prompt_for_answer
from interviewer.transcript import Word

VOICE = [(0.5, 4.0), (4.6, 9.0)]


def test_a_stretch_is_cut_in_the_last_pause_well_before_its_end() -> None:
    # a long enough silence after the voice: cut in its middle
    assert _last_gap(VOICE, 11.0 - HOLD_S) == pytest.approx((9.0 + 11.0) / 2)
    # a short one: the last sentence waits, cut in the pause between the voices
    assert _last_gap(VOICE, 9.2 - HOLD_S) == pytest.approx(4.3)
    assert _last_gap([(0.2, 9.0)], 9.2 - HOLD_S) is None  # no pause: nothing to cut at


@pytest.mark.parametrize(("text", "start", "end", "conf", "out"), [
    (" budget", 1.0, 1.4, 0.9, False),  # under the voice
    (" budget", 4.1, 4.5, 0.9, False),  # in a short gap, within a word's looseness
    (" Thank", 9.6, 9.9, 0.3, True),  # after the voice stopped
    (" colors.", 2.0, 2.4, 0.2, True),  # a known invention Whisper was unsure of
    (" colors.", 2.0, 2.4, 0.9, False),  # ... said clearly, it stays
    (" www.zeoranger.co.uk", 8.9, 9.8, 0.9, True),  # mostly in the silence
    (" you.", 9.0, 9.0, 0.9, True),  # no duration, at the voice's edge
    (" 45", 2.0, 2.0, 0.9, False),  # no duration, inside the voice
    (" you", 2.0, 2.2, 0.3, False),  # an everyday word is judged by the voice alone
])
def test_words_without_a_voice_under_them_are_invented(text: str, start: float, end: float,
                                                       conf: float, out: bool) -> None:
    assert invented(Word(text, start, end, conf), VOICE) is out


def test_keep_spoken_keeps_the_order() -> None:
    words = [Word(" Um,", 0.5, 0.9), Word(" you.", 9.8, 10.0), Word(" yes", 5.0, 5.2)]
    assert [w.word for w in keep_spoken(words, VOICE)] == [" Um,", " yes"]


def test_a_figure_is_written_once_with_its_currency() -> None:
    words = tidy([Word(" of", 0, 1), Word(" $6,000", 1, 2), Word(" dollars.", 2, 2.5)])
    assert [(w.word, w.end) for w in words] == [(" of", 1), (" $6,000.", 2.5)]
    assert value_of(" $18,000.") == 18000 and value_of(" days") is None


def test_a_figure_the_live_pass_heard_otherwise_is_pointed_out() -> None:
    final = [Word("of", 0.6, 0.9), Word("$80,000", 1.0, 2.0), Word("in", 2.0, 2.2)]
    live = [Word("eighteen", 1.0, 1.4), Word("thousand", 1.4, 1.9), Word("dollars", 1.9, 2.3)]
    note = check_note(final, live)
    assert "$80,000 at 0:01" in note and "18,000" in note
    agreeing = [Word("eighty", 1.0, 1.4), Word("thousand", 1.4, 1.9)]
    assert check_note(final, agreeing) == ""
    assert check_note(final, [Word("for", 1.0, 1.2)]) == ""  # no figure heard: no claim


@pytest.mark.parametrize(("heard", "written"), [
    ("paid by AZH now", "paid by ACH now"),
    ("in net sweet and", "in NetSuite and"),
    ("moved to a CH payments", "moved to ACH payments"),
    ("clients to a CEI-H payments", "clients to ACH payments"),  # a01, local agreement
    ("the unapplied cash", "the unapplied cash"),
    ("issue a credit memo now", "issue a credit memo now"),  # the "a" is not eaten
    ("invoicing to cash application", "invoicing to cash application"),
])
def test_glossary_terms_snap_wherever_they_come_out(heard: str, written: str) -> None:
    words = [Word(f" {w}", float(i), i + 1.0, 0.9) for i, w in enumerate(heard.split())]
    assert "".join(w.word for w in snap_terms(words, GLOSSARY)).strip() == written


def test_the_glossary_knows_trade_words_the_sphinx_dictionary_lacks() -> None:
    assert is_trade_term("dunning") and is_trade_term("remittance advice")
    assert not is_trade_term("weekends")


def test_the_prompt_names_trade_terms_only_then_the_disfluent_style() -> None:
    context = "How would you reduce DSO? DSO, ACH, past due, weekly calls"
    prompt = prompt_for_answer(context)
    assert prompt.startswith("DSO, ACH.") and "weekly calls" not in prompt
    assert "reduce" not in prompt and prompt.endswith("did it.")


def test_the_prompt_names_each_trade_word_once() -> None:
    """The DSO question's phrases say "DSO" a dozen ways; ACH, which a01 says, must still
    fit in what Whisper is told."""
    from interviewer.banks.loader import load_library
    from interviewer.speech.vocabulary import context_for

    library = load_library()
    question = library.question("ar-coordinator/reduce-dso")
    bank = [q for q in library.all_questions() if q.bank_id == question.bank_id]
    terms = prompt_for_answer(context_for(question, bank)).split(".")[0].split(", ")
    assert "ACH" in terms
    assert sum("dso" in t.lower() for t in terms) == 1


def test_a_leading_filler_dropped_by_the_next_stretch_is_put_back() -> None:
    from interviewer.speech.whisper_engine import _with_dropped_lead

    held = [Word(" um,", 16.2, 16.2), Word(" the", 16.3, 16.5), Word(" rest", 16.5, 16.7)]
    again = [Word(" the", 16.06, 16.4), Word(" rest", 16.4, 16.6)]
    assert [w.word for w in _with_dropped_lead(held, again)] == [" um,", " the", " rest"]
    same = [Word(" Um,", 16.06, 16.2), *again]
    assert _with_dropped_lead(held, same) == same  # nothing dropped: nothing added
    other = [Word(" then", 16.1, 16.4)]
    assert _with_dropped_lead(held, other) == other  # no common word: no guess
