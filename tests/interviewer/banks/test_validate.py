"""`interviewer banks validate`: every kind of error names the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.banks.validate import check_bank, read_bank
from interviewer.cli.main import main
from tests.interviewer.bank_texts import VALID, line_of


def _problems(text: str) -> list[str]:
    bank, problems = check_bank(Path("b.toml"), text)
    assert (bank is None) == bool(problems)
    return [str(p) for p in problems]


def test_valid_bank_has_no_problems() -> None:
    bank, problems = check_bank(Path("b.toml"), VALID)
    assert problems == []
    assert bank is not None
    assert [q.id for q in bank.questions] == ["test-bank/first", "test-bank/second"]
    assert bank.questions[0].sample_answers[0].level == "entry"
    assert bank.questions[1].sample_answers[0].level is None


def test_bad_toml_reports_its_line() -> None:
    text = VALID.replace('difficulty = "easy"', 'difficulty = easy')
    [problem] = _problems(text)
    assert problem.startswith(f"b.toml:{line_of(text, 'difficulty = easy')}: not valid TOML")


@pytest.mark.parametrize(
    ("old", "new", "expect", "line_fragment"),
    [
        ('category = "technical"\ndifficulty = "easy"', 'difficulty = "easy"',
         "missing required field 'category'", ("[[questions]]", 2)),
        ('difficulty = "easy"', 'dificulty = "easy"', "unknown field 'dificulty'", "dificulty"),
        ('difficulty = "easy"', 'difficulty = "brutal"', "difficulty 'brutal'",
         'difficulty = "brutal"'),
        ('category = "technical"\ndifficulty = "easy"',
         'category = "chitchat"\ndifficulty = "easy"', "category 'chitchat'", "chitchat"),
        ('slug = "second"', 'slug = "first"', "duplicate question id 'test-bank/first'",
         ('slug = "first"', 2)),
        ('text = "Days sales outstanding is the average number of days to collect after a sale."',
         'text = "  "', "sample answer 1 is empty", ('text = "  "', 1)),
        ('phrases = ["dso", "days sales outstanding"]', 'phrases = ["cei"]',
         "key point 'DSO': none of its phrases (cei) appears in any sample answer",
         'phrases = ["cei"]'),
        ('phrases = ["dso", "days sales outstanding"]', 'phrases = ["@result"]',
         "@result finds a stated result or a figure, but a key point also needs an ordinary "
         'phrase the answers use; add one next to it, for example phrases = ["@result", '
         '"went down by"]', 'phrases = ["@result"]'),
        ('level = "entry"', 'level = "senior"', "level 'senior'", "senior"),
        ('schema = 1', 'schema = 7', "schema 7 is not supported", "schema = 7"),
    ],
)
def test_each_kind_of_error_names_its_line(old, new, expect, line_fragment) -> None:
    assert old in VALID
    text = VALID.replace(old, new)
    if isinstance(line_fragment, tuple):
        line = line_of(text, *line_fragment)
    else:
        line = line_of(text, line_fragment)
    problems = _problems(text)
    assert any(p.startswith(f"b.toml:{line}: ") and expect in p for p in problems), problems


def test_missing_bank_field_and_no_questions() -> None:
    problems = _problems('schema = 1\ntitle = "x"\n')
    assert any("missing required field 'id'" in p for p in problems)
    assert any("missing required field 'questions'" in p for p in problems)


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    bank, problems = read_bank(tmp_path / "absent.toml")
    assert bank is None
    assert "cannot read the file" in str(problems[0])


def test_cli_validate_exit_codes(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.toml"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(VALID.replace('difficulty = "easy"', 'difficulty = "brutal"'), "utf-8")
    assert main(["banks", "validate", str(good)]) == 0
    assert main(["banks", "validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:{line_of(bad.read_text(), 'brutal')}: " in out
    assert str(good) + ":" not in out


def test_cli_validate_rejects_two_files_with_one_id(tmp_path: Path, capsys) -> None:
    for name in ("a.toml", "b.toml"):
        (tmp_path / name).write_text(VALID, encoding="utf-8")
    assert main(["banks", "validate", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]) == 1
    assert "bank id 'test-bank' is also used by" in capsys.readouterr().out
