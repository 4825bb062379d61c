"""Spoken answers: stated results, STAR without punctuation, delivery through a correction."""

from __future__ import annotations

import pytest

from interviewer.analysis import Feedback, score_answer
from interviewer.analysis.alignment import realign
from interviewer.analysis.results import find_results
from interviewer.analysis.tokens import tokenize
from interviewer.banks import Library
from interviewer.practice.mock import follow_up_for
from interviewer.transcript import Transcript, Word

QUESTION = "ar-coordinator/project-with-minimal-supervision"


def said(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[a].start:tokens[b].end] for a, b in find_results(tokens)]


@pytest.mark.parametrize(("text", "result"), [
    ("The result was that nobody chased the wrong invoice again.", "The result"),
    ("the result was that nobody chased the wrong invoice again", "the result"),
    ("unapplied cash dropped by a third", "dropped by a third"),
    ("D.S.O. went from 52 to 41 days.", "from 52 to 41"),
    ("d s o went from fifty two to forty one days", "from fifty two to forty one"),
    ("we got a full day back every month", "got a full day back"),
    ("and they paid in full two weeks later", "paid in full"),
    ("they are still a customer today", "are still a customer"),
    ("unapplied cash fell by eighty percent", "fell by eighty"),
    ("we brought it down to twelve days", "brought it down to twelve"),
])
def test_a_stated_result_is_recognised(text: str, result: str) -> None:
    assert any(result in found for found in said(text)), said(text)


@pytest.mark.parametrize("text", [
    "i called the customer and sent the invoice again",
    "i went to three customers that week",
    "so i spoke to my manager and we agreed on a plan",
])
def test_no_result_where_none_is_stated(text: str) -> None:
    assert said(text) == []


STORY = ("at my last company unapplied cash kept piling up in the lockbox my task was to clean "
         "it up before the audit so i built a matching rule in the e r p and trained the team "
         "on it in the end unapplied cash fell by eighty percent and d s o went from fifty two "
         "to forty one days")


def test_star_on_unpunctuated_speech_quotes_each_part_in_its_own_words(
        library: Library) -> None:
    question = library.question(QUESTION)
    feedback = score_answer(question, STORY, library)
    parts = {p.part: p.sentence for p in feedback.structure.star}
    assert parts["situation"].startswith("at my last company")
    assert parts["task"].startswith("my task was")
    assert "built a matching rule" in parts["action"]
    assert parts["result"].startswith("in the end")
    spans = [p.span for p in feedback.structure.star]
    assert all(spans) and len(set(spans)) == 4
    assert follow_up_for(feedback, question) is None


def timed(text: str, gaps: dict[int, float] | None = None, lead: float = 0.0,
          tail: float = 0.0) -> Transcript:
    """Recognizer output: each word 0.3 s with 0.1 s between, extra silence where asked."""
    words, t = [], lead
    for i, w in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        words.append(Word(w, round(t, 3), round(t + 0.3, 3)))
        t += 0.4
    return Transcript(text, tuple(words), duration=round(t + tail, 3), engine="vosk")


def test_pauses_cut_speech_with_no_cue_words(library: Library) -> None:
    text = ("the customer disputed every invoice i listened to all of it the invoices went to "
            "an old address they paid everything two weeks later")
    cut = {text.split().index("i"): 1.0, text.split().index("they"): 1.0}
    question = library.question(QUESTION)
    plain = score_answer(question, text, library).structure.star
    paused = score_answer(question, timed(text, cut), library).structure.star
    result = next(p for p in paused if p.part == "result")
    assert result.sentence == "they paid everything two weeks later"
    assert next(p for p in plain if p.part == "result").sentence != result.sentence


def test_a_follow_up_only_when_there_is_neither_result_nor_figure(library: Library) -> None:
    question = library.question(QUESTION)
    vague = score_answer(question, "i looked at the process and worked hard with the team to "
                         "make it better for everyone", library)
    assert follow_up_for(vague, question) is not None
    for answer in ("the biggest result was bringing d s o from fifty two to forty one days",
                   "i rebuilt the lockbox rules and now the customer is still a customer",
                   "i rebuilt the lockbox rules for 40000 dollars of unapplied cash"):
        assert follow_up_for(score_answer(question, answer, library), question) is None


def test_pace_is_over_speaking_time_not_the_recording(library: Library) -> None:
    text = " ".join(["invoice"] * 50)
    transcript = timed(text, lead=5.0, tail=8.0)
    delivery = score_answer(library.question(QUESTION), transcript, library).delivery
    assert delivery is not None
    assert delivery.duration == pytest.approx(49 * 0.4 + 0.3)
    assert delivery.recorded == pytest.approx(transcript.duration)
    assert delivery.wpm == pytest.approx(50 * 60 / delivery.duration, rel=0.01)


def test_fillers_of_typed_text_are_counted_on_bare_words(library: Library) -> None:
    feedback = score_answer(library.question(QUESTION),
                            "Um... uh, like, you know, I fixed the lockbox.", library)
    assert feedback.delivery is None
    assert "4 fillers (um x1, uh x1, like x1, you know x1)" in feedback.observations


def test_a_corrected_transcript_keeps_its_timings() -> None:
    heard = timed("um we took checks through a lock box and wire transfers", {4: 2.5})
    fixed = realign(heard, "Um, we took cheques through a lockbox, and uh wire transfers.")
    assert fixed.text.startswith("Um, we took cheques")
    words = {w.word: w for w in fixed.words}
    original = {w.word: w for w in heard.words}
    assert words["through"] == original["through"]
    assert words["took"].start == original["took"].start
    lockbox = words["lockbox,"]
    assert (lockbox.start, lockbox.end) == (original["lock"].start, original["box"].end)
    assert original["and"].end <= words["uh"].start <= words["uh"].end <= original["wire"].start
    assert fixed.duration == heard.duration


def test_a_correction_is_scored_with_its_delivery(library: Library) -> None:
    heard = timed("um we took checks through a lock box and uh wire transfers", {4: 2.5})
    fixed = realign(heard, "we take checks through a lockbox and, um, wire transfers")
    delivery = score_answer(library.question(QUESTION), fixed, library).delivery
    assert delivery is not None
    assert [f.text for f in delivery.fillers] == ["um"]
    assert len(delivery.pauses) == 1
    assert delivery.word_count == len(fixed.text.split())


def test_feedback_reads_back_from_its_dict(library: Library) -> None:
    feedback = score_answer(library.question(QUESTION), timed(STORY, {10: 2.5}), library)
    again = Feedback.from_dict(feedback.to_dict())
    assert again.to_dict() == feedback.to_dict()
    old = feedback.to_dict()
    del old["delivery"]["recorded"]
    assert Feedback.from_dict(old).delivery.recorded == 0.0


def test_a_pause_inside_a_figure_never_cuts_the_quote(library: Library) -> None:
    """Issue 21: STAR quoted "52 to" when the speaker paused before "41"."""
    text = ("at my last company d s o was too high so i called every late customer and in the "
            "end d s o went from fifty two to forty one days and over four hundred thousand "
            "dollars came in")
    said = text.split()
    gaps = {said.index("forty"): 1.5, said.index("four"): 1.2}
    feedback = score_answer(library.question(QUESTION), timed(text, gaps), library)
    result = next(p.sentence for p in feedback.structure.star if p.part == "result")
    assert result is not None and "fifty two to forty one" in result
    for part in feedback.structure.star:
        assert not (part.sentence or "").endswith((" to", " over", "from"))


def test_a_written_amount_is_quoted_whole(library: Library) -> None:
    """Issue 21: a quote ended "over $" when "$480,000" was read as "480000 dollars"."""
    text = ("At my last company over $480,000 was past due and my task was to clean it up so "
            "I called every customer and in the end we collected $400,000 within ten weeks")
    feedback = score_answer(library.question(QUESTION), text, library)
    for part in feedback.structure.star:
        assert not (part.sentence or "").endswith("$"), part
