"""Probes on key points: required where a question asks for a story, read by every path in."""

from __future__ import annotations

from pathlib import Path

from interviewer.banks import Library, load_library
from interviewer.banks.drafts import parse_key_points
from interviewer.banks.probes import GENERIC_PROBES, PROBED_CATEGORIES, infer_kind
from interviewer.banks.template import template_text
from interviewer.banks.validate import check_bank
from interviewer.cli.main import main
from tests.interviewer.bank_texts import VALID, line_of

BEHAVIORAL = VALID.replace('category = "technical"\ndifficulty = "medium"',
                           'category = "behavioral"\ndifficulty = "medium"')


def test_a_behavioral_bank_without_probes_is_refused_at_the_key_point() -> None:
    bank, problems = check_bank(Path("b.toml"), BEHAVIORAL)
    assert bank is None
    [problem] = problems
    assert problem.line == line_of(BEHAVIORAL, "[[questions.key_points]]")
    assert "key point 'Aging report' has no probes" in problem.message
    assert 'probes = ["..."]' in problem.message


def test_a_probe_makes_it_valid_and_is_kept_on_the_point() -> None:
    text = BEHAVIORAL.replace('phrases = ["aging report", "aging"]',
                              'phrases = ["aging report", "aging"]\n'
                              'probes = ["Which report do you start from?"]\nkind = "action"')
    bank, problems = check_bank(Path("b.toml"), text)
    assert problems == [] and bank is not None
    point = bank.questions[0].key_points[0]
    assert point.probes == ("Which report do you start from?",)
    assert point.point_kind == "action"


def test_empty_too_many_and_unknown_kind_are_named() -> None:
    for probes, expect in (("[]", "empty probes list"), ('["a?", "b?", "c?"]', "has 3 probes")):
        text = BEHAVIORAL.replace('phrases = ["aging report", "aging"]',
                                  f'phrases = ["aging report", "aging"]\nprobes = {probes}')
        _, problems = check_bank(Path("b.toml"), text)
        assert [expect in p.message for p in problems] == [True], problems
    text = VALID.replace('phrases = ["dso", "days sales outstanding"]',
                         'phrases = ["dso", "days sales outstanding"]\nkind = "feeling"')
    _, problems = check_bank(Path("b.toml"), text)
    message = problems[0].message
    assert "kind 'feeling'" in message and "cause, action, result" in message


def test_technical_points_may_go_without_and_get_the_generic_probe() -> None:
    bank, problems = check_bank(Path("b.toml"), VALID)
    assert problems == [] and bank is not None
    point = bank.questions[1].key_points[0]
    assert point.probes == () and point.probe_lines == (GENERIC_PROBES["action"],)


def test_every_builtin_story_question_has_a_probe_on_every_point(capsys) -> None:
    library: Library = load_library()
    from interviewer.banks.loader import builtin_dir

    assert main(["banks", "validate", *map(str, sorted(builtin_dir().glob("ar_*.toml")))]) == 0
    story = [q for q in library.all_questions() if q.category in PROBED_CATEGORIES]
    assert len(story) >= 30
    for question in library.all_questions():
        for point in question.key_points:
            assert 1 <= len(point.probes) <= 2, (question.id, point.label)
            assert all(p.rstrip().endswith(("?", ".")) for p in point.probes)
    # written for the question: no two points of a bank share a probe
    for bank in library.banks:
        probes = [p for q in bank.questions for k in q.key_points for p in k.probes]
        assert len(set(probes)) == len(probes), bank.id


def test_kind_is_inferred_from_result_marker_and_label() -> None:
    assert infer_kind("Outcome", ["@result"]) == "result"
    assert infer_kind("Found out why they weren't paying") == "cause"
    assert infer_kind("What changed afterwards or what they learned") == "learning"
    assert infer_kind("Size of the book") == "scale"
    assert infer_kind("Payment plan or agreement") == "action"


def test_import_syntax_takes_a_probe_after_a_bar_or_falls_back_by_kind() -> None:
    points = parse_key_points("Found the cause: why, the reason | How did you find out why?;"
                              " Result: @result, paid")
    assert points[0]["probes"] == ["How did you find out why?"]
    assert points[1]["probes"] == [GENERIC_PROBES["result"]]


def test_the_template_shows_probes_and_is_valid() -> None:
    text = template_text("Payroll Clerk", "payroll-clerk", "payroll-clerk.toml")
    bank, problems = check_bank(Path("t.toml"), text)
    assert problems == [] and bank is not None
    assert all(k.probes for k in bank.questions[0].key_points)


def test_a_csv_import_keeps_the_written_probe_and_fills_the_generic_one(tmp_path) -> None:
    from interviewer.banks.importer import import_file
    from interviewer.banks.validate import read_bank

    source = tmp_path / "story.csv"
    source.write_text(
        "question,answer,key points,difficulty,category\n"
        "Tell me about a late payer.,\"They paid late because of cash flow; in the end they "
        "paid in full.\",\"Cause: cash flow | What was behind the late payments?; "
        "Outcome: paid in full\",medium,behavioral\n", encoding="utf-8")
    result = import_file(source)
    assert result.problems == [] and result.kept == 1
    bank, problems = read_bank(result.path)
    assert problems == [] and bank is not None
    cause, outcome = bank.questions[0].key_points
    assert cause.probes == ("What was behind the late payments?",)
    assert outcome.probes == (GENERIC_PROBES["result"],)  # "Outcome" names a result
