"""Issue 21's precision rules, each on the case that showed it was missing."""

from __future__ import annotations

from interviewer.analysis import score_answer
from interviewer.banks import Library


def covered(library: Library, question: str, text: str) -> dict[str, list[str]]:
    feedback = score_answer(library.question(question), text, library)
    return {p.label: p.matched for p in feedback.key_points if p.covered}


BARISTA = ("At the coffee shop the queue got crowded every morning and customers left. I "
           "noticed the espresso machine was slow, so I moved the milk station next to it. "
           "Waiting times dropped and the owner was happy with the result.")


def test_an_everyday_story_earns_no_process_points(library: Library) -> None:
    """No "Found the cause" from "noticed", no "What they changed" from "crowded" fuzzily
    read as "created", no "Measurable result" from "dropped" with no figure."""
    assert covered(library, "ar-specialist/improved-ar-process", BARISTA) == {}


def test_crowded_is_never_read_as_created(library: Library) -> None:
    from interviewer.analysis.matching import TextIndex
    from interviewer.analysis.phrases import compile_phrase
    from interviewer.analysis.tokens import tokenize

    index = TextIndex(tokenize("the room was crowded"))
    assert index.find(compile_phrase("created")[0]) == []
    index = TextIndex(tokenize("we sped up cache application"))
    assert index.find(compile_phrase("cash application")[0]) != []


def test_one_word_is_evidence_for_one_point_at_most(library: Library) -> None:
    text = ("Our customers' bank details sit in the billing system. I lock my screen whenever I "
            "leave my desk and keep the invoices with account numbers in a locked drawer.")
    points = covered(library, "ar-coordinator/protecting-confidential-information", text)
    words = [w.lower() for matched in points.values() for w in matched]
    assert sum("lock" in w for w in words) <= 1 or len(
        [p for p, m in points.items() if any("lock" in w.lower() for w in m)]) == 1


def test_the_gate_judges_the_stretch_not_the_answer(library: Library) -> None:
    """One sentence about invoices does not make a deck story evidence: the stretch is
    the WINDOW words (12) either side of the evidence."""
    question = "ar-coordinator/project-with-minimal-supervision"
    deck = ("One day I decided to build a deck at home. Nobody told me how, so I made my own "
            "plans, bought the timber and worked every weekend. The result was a lovely deck "
            "and I learned a lot.")
    alone = covered(library, question, deck)
    mixed = covered(library, question, "I reconcile invoices and the ledger at work, but what "
                                       "I love most is the time at home with my family and "
                                       "friends on weekends. " + deck)
    assert "Result" not in alone and "Result" not in mixed
    assert "I learned" not in mixed.get("What lasted or what they learned", [])


def test_a_point_that_asks_for_a_figure_needs_one(library: Library) -> None:
    question = "ar-specialist/improved-ar-process"
    vague = covered(library, question, "At my last job unapplied cash piled up every month. "
                                       "I set up a matching checklist and unapplied cash "
                                       "dropped.")
    exact = covered(library, question, "At my last job unapplied cash piled up every month. "
                                       "I set up a matching checklist and unapplied cash "
                                       "dropped from 90,000 to 15,000 dollars.")
    assert "Measurable result" not in vague
    assert "Measurable result" in exact


# Written for this test, not taken from the evaluation set: personal finance that borrows
# the trade's words (bill, refund, payment, credit, balance).
HOME_FINANCE = ("When my son started college, my phone bill and my credit card balance went "
                "up. I called the bank about my tax refund and my loan payments, and the "
                "result was a lower payment. Now I always check my statements.")


def test_a_story_about_home_money_earns_nothing(library: Library) -> None:
    """"my phone bill", "my tax refund" are the speaker's own money and "son" is private
    life: the answer never shows the question's topic, so no everyday phrase counts."""
    for question in ("ar-coordinator/invoice-never-received",
                     "ar-specialist/difficult-collection-call",
                     "ar-coordinator/difficult-customer-payment-plan"):
        assert covered(library, question, HOME_FINANCE) == {}, question


def test_a_word_about_family_never_lowers_a_work_answer(library: Library) -> None:
    """The home gate reads only the clause around a word of private life, so a sentence
    about the family added to a work answer takes nothing away."""
    question = "ar-coordinator/invoice-never-received"
    work = ("I'd check our side first, resend the invoice to their accounts payable team and "
            "agree a payment date.")
    alone = covered(library, question, work)
    assert alone and covered(library, question, f"My son and my wife laugh at me. {work}") \
        == alone


def test_the_same_words_about_a_customer_still_count(library: Library) -> None:
    """The gate reads whose money it is: the customer's overdue bill is the subject."""
    text = ("A customer's overdue invoice for 8,000 dollars had gone to their old address. "
            "I called their accounts payable team, resent the invoice while we were on the "
            "phone and agreed a payment date for Friday.")
    points = covered(library, "ar-coordinator/invoice-never-received", text)
    assert "Sends a copy at once" in points and "Agrees when it will be paid" in points


def test_three_stop_words_make_a_phrase_two_never_do() -> None:
    from interviewer.analysis.matching import TextIndex
    from interviewer.analysis.phrases import compile_phrase
    from interviewer.analysis.tokens import tokenize

    index = TextIndex(tokenize("from then on we called every account by day five"))
    assert index.find(compile_phrase("from then on")[0]) == [(0, 2)]
    assert compile_phrase("so i") == () and compile_phrase("to the") == ()
