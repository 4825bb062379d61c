"""A follow-up is scored with its first answer, but the interviewer's turn between the two
recordings is neither a long pause nor slow speech."""

from __future__ import annotations

from interviewer.analysis.delivery import analyse_delivery
from interviewer.transcript import Transcript, Word, with_follow_up


def spoken(text: str, start: float, per_word: float, duration: float) -> Transcript:
    words = tuple(Word(w, start + i * per_word, start + (i + 0.8) * per_word)
                  for i, w in enumerate(text.split()))
    return Transcript(text=text, words=words, duration=duration, engine="vosk")


FIRST = spoken("I call the customer and agree a payment plan with them " * 3, 0.5, 0.4, 20.0)
# the follow-up recording: the candidate thinks for 15 s before answering
MORE = spoken("they paid twelve thousand dollars within ten days", 15.0, 0.4, 20.0)


def test_the_gap_before_a_follow_up_is_not_a_pause() -> None:
    both = with_follow_up(FIRST, MORE)
    assert both.joins == (20.0,)  # where the second recording starts
    delivery = analyse_delivery(both)
    assert delivery.pauses == []  # the 19 s between the answers is the interviewer's turn
    alone = [analyse_delivery(t) for t in (FIRST, MORE)]
    words = sum(d.word_count for d in alone)
    seconds = sum(d.word_count * 60 / d.wpm for d in alone)
    assert delivery.word_count == words
    assert abs(delivery.wpm - words * 60 / seconds) < 0.5  # the pace of the speaking itself
    assert delivery.pace == "ok"  # 150 words a minute; counting the gap would read "slow"


def test_a_pause_inside_the_follow_up_still_counts() -> None:
    halting = Transcript(text="they paid in full", engine="vosk", duration=12.0, words=(
        Word("they", 1.0, 1.3), Word("paid", 1.4, 1.7), Word("in", 6.0, 6.2),
        Word("full", 6.3, 6.6)))
    delivery = analyse_delivery(with_follow_up(FIRST, halting))
    assert [round(length, 1) for _, length in delivery.pauses] == [4.3]
    assert with_follow_up(FIRST, halting).to_dict()["joins"] == (20.0,)
    assert "joins" not in FIRST.to_dict()  # a single recording is stored as before
