"""Matching that reads people: contractions, irregular forms, synonyms, numbers, evidence."""

from __future__ import annotations

import pytest

from interviewer.analysis import score_answer
from interviewer.analysis.matching import TextIndex
from interviewer.analysis.phrases import compile_phrase
from interviewer.analysis.tokens import tokenize
from interviewer.banks import KeyPoint, Library, Question, SampleAnswer


def hits(phrase: str, text: str) -> list[str]:
    index = TextIndex(tokenize(text))
    return [text[a:b] for a, b in index.spans(compile_phrase(phrase))]


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    ("does not match", "the remittance doesn't match the invoice", "doesn't match"),
    ("does not match", "it doesnt match", "doesnt match"),
    ("i am calling", "I'm calling about invoice 4411", "I'm calling"),
    ("pay", "they paid on Friday", "paid"),
    ("speak to the customer", "I spoke to the customer", "spoke to the customer"),
    ("call the customer", "I rang the client", "rang the client"),
    ("call the customer", "I phoned the client", "phoned the client"),
    ("call the customer", "I reached out to the client", "reached out to the client"),
    ("escalate to my manager", "I handed it to my boss", "handed it to my boss"),
    ("escalate to my manager", "so I escalated it to the supervisor",
     "escalated it to the supervisor"),
    ("paid the invoice", "they settled the bill", "settled the bill"),
    ("paid the invoice", "they cleared the invoice", "cleared the invoice"),
    ("send a copy", "I sent them another duplicate", "sent them another duplicate"),
    ("payment plan", "they could pay it off in instalments", "pay it off in instalments"),
    ("applied to the invoice", "I applied it to the right invoice",
     "applied it to the right invoice"),
    ("52 days", "fifty-two days", "fifty-two days"),
    ("80 percent", "it fell by eighty percent", "eighty percent"),
    ("80 percent", "it fell by 80%", "80%"),
    ("# accounts", "I looked after about three hundred accounts", "three hundred accounts"),
    ("in # months", "they paid it off in 6 months", "in 6 months"),
    ("# percent", "unapplied cash fell by eighty percent", "eighty percent"),
])
def test_the_ways_people_say_it(phrase: str, text: str, expected: str) -> None:
    assert hits(phrase, text) == [expected]


@pytest.mark.parametrize(("phrase", "text"), [
    ("does not match", "it matches"),
    ("call the customer", "I called a meeting"),
    ("payment plan", "a payment or two and then a plan"),
])
def test_near_misses_stay_misses(phrase: str, text: str) -> None:
    assert hits(phrase, text) == []


def question(points: dict[str, tuple[str, ...]], text: str = "How do you handle a customer "
             "who disputes an invoice?") -> Question:
    sample = "I check the invoice, call the customer and note the credit risk. " \
             "They paid in full."
    return Question(id="test/q", bank_id="test", slug="q", text=text, category="behavioral",
                    difficulty="medium", source="test",
                    sample_answers=(SampleAnswer(sample),),
                    key_points=tuple(KeyPoint(k, v) for k, v in points.items()), tips=())


def covered(q: Question, answer: str, library: Library) -> list[str]:
    return [p.label for p in score_answer(q, answer, library).key_points if p.covered]


def test_one_generic_word_never_carries_a_point(library: Library) -> None:
    q = question({"Risk": ("risk", "credit risk"), "Records": ("notes", "note it"),
                  "Any number": ("#",)})
    answer = "The invoice was disputed; there was some risk and I took notes."
    assert covered(q, answer, library) == []
    assert covered(q, "The disputed invoice carried credit risk, so I noted it.",
                   library) == ["Risk", "Records"]


def test_an_answer_off_the_topic_scores_nothing(library: Library) -> None:
    q = question({"Risk": ("credit risk",), "Listened": ("listened to",),
                  "Result": ("@result", "paid in full")})
    camping = ("On a camping trip the tent collapsed in the rain. I listened to everyone, "
               "weighed the risk, and in the end we fixed it with rope from the bank.")
    assert covered(q, camping, library) == []
    on_topic = ("The customer disputed an overdue invoice. I listened to her, checked the "
                "credit risk, and in the end she paid in full.")
    assert covered(q, on_topic, library) == ["Risk", "Listened", "Result"]


def test_markers_stand_for_the_detectors(library: Library) -> None:
    q = question({"Outcome": ("@result",), "Figure": ("@figure",)})
    assert covered(q, "The disputed invoice was corrected and DSO went from 52 to 41 days.",
                   library) == ["Outcome", "Figure"]
    assert covered(q, "The disputed invoice was corrected quickly.", library) == []


def test_a_marker_is_shown_in_the_sample_answer(library: Library) -> None:
    q = question({"Outcome": ("@result",)})
    feedback = score_answer(q, "they paid in full after the invoice dispute", library)
    point = feedback.key_points[0]
    sample = q.sample_answers[0].text
    assert [sample[a:b] for a, b in point.sample_spans[0]] == ["They paid in full"]
    assert point.matched == ["they paid in full"]
