"""The general bank: the arc of an interview, both levels, and scores that separate."""

from __future__ import annotations

from statistics import mean

from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.banks.loader import builtin_dir
from interviewer.cli.main import main
from interviewer.transcript import Transcript

ARC = {
    "opening": {"tell-me-about-yourself", "walk-me-through-your-resume"},
    "motivation": {"why-do-you-want-this-job", "why-this-company", "why-are-you-leaving",
                   "what-motivates-you"},
    "strengths and weaknesses": {"greatest-strength", "greatest-weakness",
                                 "how-would-colleagues-describe-you"},
    "teamwork and conflict": {"conflict-with-a-colleague", "worked-well-in-a-team",
                              "disagreed-with-your-manager", "difficult-customer"},
    "failure and pressure": {"a-mistake-you-made", "a-time-you-failed",
                             "working-under-pressure", "juggling-priorities"},
    "goals": {"where-in-five-years"},
    "closing": {"why-should-we-hire-you", "salary-expectations", "anything-else-we-should-know",
                "questions-for-us"},
}


def test_the_general_bank_validates(capsys) -> None:
    assert main(["banks", "validate", str(builtin_dir() / "general.toml")]) == 0
    assert "1 file(s) valid" in capsys.readouterr().out


def test_twenty_questions_across_the_arc_with_both_levels_and_probes() -> None:
    bank = load_library().bank("general")
    slugs = {q.slug for q in bank.questions}
    assert len(bank.questions) >= 20
    for stage, wanted in ARC.items():
        assert wanted <= slugs, stage
    for q in bank.questions:
        assert {a.level for a in q.sample_answers} == {"entry", "experienced"}, q.id
        assert q.tips and all(1 <= len(k.probes) <= 2 for k in q.key_points), q.id
    assert bank.questions[0].category == "opening"
    assert bank.questions[-1].slug == "questions-for-us"


def test_samples_score_high_on_their_question_and_low_on_the_others() -> None:
    library = load_library()
    questions = library.bank("general").questions
    own, other = [], []
    for q in questions:
        for source in questions:
            for answer in source.sample_answers:
                coverage = score_answer(q, Transcript.typed(answer.text), library).coverage
                (own if source is q else other).append(coverage)
    print(f"own samples: mean {mean(own):.2f}, min {min(own):.2f}; "
          f"other questions' samples: mean {mean(other):.2f}")
    assert min(own) >= 0.99
    assert mean(other) <= 0.2


def test_probes_take_one_or_two_questions() -> None:
    from pathlib import Path

    from interviewer.banks.validate import check_bank
    from tests.interviewer.bank_texts import VALID

    good = VALID.replace('phrases = ["aging report", "aging"]',
                         'phrases = ["aging report", "aging"]\nprobes = ["Which report?"]')
    bank, problems = check_bank(Path("b.toml"), good)
    assert problems == [] and bank is not None
    assert bank.questions[0].key_points[0].probes == ("Which report?",)
    bad = good.replace('probes = ["Which report?"]', 'probes = ["a?", "b?", "c?"]')
    _, problems = check_bank(Path("b.toml"), bad)
    assert len(problems) == 1 and "has 3 probes; keep one or two" in problems[0].message
