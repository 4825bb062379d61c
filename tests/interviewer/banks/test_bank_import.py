"""`interviewer banks import` and `banks new`: CSV and Markdown into real bank files."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer import paths
from interviewer.banks import load_library, read_bank
from interviewer.banks.importer import import_file
from interviewer.cli.main import main
from tests.conftest import REPO

CSV_TEXT = '''\
Question,Answer,Key Points,Difficulty,Category,Tips
How do you prioritise overdue accounts?,"I start from the aging report and call the largest, \
oldest balances first.","Aging report: aging report, aging; Largest balances: largest, oldest \
balances",medium,technical,Name the aging buckets.
What is DSO?,Days sales outstanding is the average number of days to collect after a sale.,\
"DSO: dso, days sales outstanding",easy,technical,
Tell me about a dispute you resolved.,"A customer disputed a bill; I pulled the proof of \
delivery and we collected within a week.",Proof of delivery: proof of delivery,superhard,\
behavioral,
"Describe a time you
cut DSO.","We cut DSO from 52 to 41 days by calling
every invoice at day 25.","DSO cut: cut dso, 41 days",hard,behavioral,
Why this job?,I enjoy solving billing problems.,Motivation: love numbers,easy,closing,
'''

MARKDOWN_TEXT = '''\
# AR Manager

Questions for a first-line AR manager.

## How do you run month-end close for receivables?
Category: technical
Difficulty: hard
Level: experienced

I reconcile the subledger to the general ledger, review the aging report
and book the bad debt reserve before the third working day.

### Key points
- Reconciliation: reconcile, reconciliation
- Bad debt reserve: bad debt reserve, allowance

### Tips
- Name the day you close by.

## How do you coach a collector who misses targets?
Category: leadership
Difficulty: medium

I listen to their calls with them and set weekly goals.

### Key points
- Call reviews: listen to their calls
'''


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_bad_rows_keeps_the_good_ones_and_names_the_lines(tmp_path, capsys) -> None:
    source = write(tmp_path, "ar_extra.csv", CSV_TEXT)
    code = main(["banks", "import", str(source)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{source}:4: question 'tell-me-about-a-dispute-you-resolved' has difficulty " \
           "'superhard'; use one of: easy, medium, hard" in err
    assert f"{source}:8: " in err and "(love numbers) appears in any sample answer" in err
    assert "Imported 3 questions as \"Ar Extra\" (bank 'ar-extra')" in out
    bank = load_library().bank("ar-extra")
    assert [q.slug for q in bank.questions] == [
        "how-do-you-prioritise-overdue-accounts", "what-is-dso", "describe-a-time-you-cut-dso"]
    first = bank.questions[0]
    assert first.tips == ("Name the aging buckets.",)
    assert [k.label for k in first.key_points] == ["Aging report", "Largest balances"]
    assert first.key_points[1].phrases == ("largest", "oldest balances")
    assert bank.questions[2].text == "Describe a time you cut DSO."
    assert not bank.builtin and bank.path.parent == paths.user_banks_dir()


def test_imported_bank_appears_in_every_command(tmp_path, capsys) -> None:
    import_file(write(tmp_path, "extra.csv", CSV_TEXT))
    capsys.readouterr()
    assert main(["banks"]) == 0
    assert "extra" in capsys.readouterr().out
    assert main(["banks", "show", "extra"]) == 0
    assert "extra/what-is-dso" in capsys.readouterr().out


def test_markdown_import_reads_fields_answer_key_points_and_tips(tmp_path, capsys) -> None:
    source = write(tmp_path, "manager.md", MARKDOWN_TEXT)
    result = import_file(source, bank_id="ar-manager")
    assert result.kept == 1
    assert [str(p) for p in result.problems] == [
        f"{source}:20: question 'how-do-you-coach-a-collector-who' has category "
        "'leadership'; use one of: opening, experience, behavioral, situational, technical, "
        "closing"]
    bank, problems = read_bank(result.path)
    assert problems == []
    assert bank.title == "AR Manager"
    assert bank.description == "Questions for a first-line AR manager."
    question = bank.questions[0]
    assert question.difficulty == "hard" and question.sample_answers[0].level == "experienced"
    assert question.sample_answers[0].text.startswith("I reconcile the subledger")
    assert [k.label for k in question.key_points] == ["Reconciliation", "Bad debt reserve"]
    assert question.tips == ("Name the day you close by.",)


def test_missing_columns_and_unknown_types_are_clear_errors(tmp_path, capsys) -> None:
    source = write(tmp_path, "short.csv", "question,answer\nWhat?,That.\n")
    assert main(["banks", "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:1: missing columns: key points, difficulty, category" in err
    assert not paths.user_banks_dir().exists() or not list(paths.user_banks_dir().iterdir())
    assert main(["banks", "import", str(write(tmp_path, "bank.xlsx", "x"))]) == 1
    assert "import a .csv spreadsheet or a .md" in capsys.readouterr().err
    assert main(["banks", "import", str(tmp_path / "nope.csv")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_import_never_overwrites_without_force(tmp_path, capsys) -> None:
    source = write(tmp_path, "extra.csv", CSV_TEXT)
    import_file(source)
    target = paths.user_banks_dir() / "extra.toml"
    target.write_text(target.read_text() + "# my own edit\n")
    assert main(["banks", "import", str(source)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert "# my own edit" in target.read_text()
    import_file(source, force=True)
    assert "# my own edit" not in target.read_text()


def test_import_cannot_take_a_builtin_id(tmp_path) -> None:
    from interviewer.errors import BankError
    with pytest.raises(BankError, match="already used"):
        import_file(write(tmp_path, "x.csv", CSV_TEXT), bank_id="ar-specialist")


def test_banks_new_writes_a_valid_commented_template(capsys) -> None:
    assert main(["banks", "new", "Accounts Receivable Manager"]) == 0
    path = paths.user_banks_dir() / "accounts-receivable-manager.toml"
    assert str(path) in capsys.readouterr().out
    text = path.read_text()
    assert text.count("\n#") >= 5
    bank, problems = read_bank(path)
    assert problems == []
    assert bank.title == "Accounts Receivable Manager"
    assert "an Accounts Receivable Manager" in bank.questions[0].text
    assert load_library().bank("accounts-receivable-manager")
    assert main(["banks", "new", "Accounts Receivable Manager"]) == 1
    assert "already exists" in capsys.readouterr().err


def _doc_example(language: str) -> str:
    text = (REPO / "docs" / "bank-format.md").read_text(encoding="utf-8")
    return text.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def test_the_documented_examples_import_cleanly(tmp_path) -> None:
    for name, language in (("doc_csv.csv", "csv"), ("doc_md.md", "markdown")):
        result = import_file(write(tmp_path, name, _doc_example(language)))
        assert result.problems == [] and result.kept == 1, result.problems


def test_excel_csv_with_bom_blank_cells_and_extra_cells(tmp_path) -> None:
    text = ("\ufeffQuestion,Answer,Key_Points,Difficulty,Category\r\n"
            "What is DSO?,Days sales outstanding.,DSO: days sales outstanding,Easy,Technical\r\n"
            "Why us?,I like the team.,Team: team,,closing\r\n"
            "What is a credit memo?,It reduces an invoice.,Reduce: reduces,easy,technical,x\r\n")
    source = tmp_path / "excel.csv"
    source.write_bytes(text.encode("utf-8"))
    result = import_file(source)
    assert result.kept == 2  # the row with no difficulty is kept, as medium, with a note
    assert [str(n) for n in result.notes] == [
        f"{source}:3: no difficulty given; set to medium (edit the bank to change it)"]
    messages = [str(p) for p in result.problems]
    assert len(messages) == 1
    assert messages[0].startswith(f"{source}:4: row has 6 cells but the header names 5")


def test_markdown_unknown_sub_heading_and_no_questions(tmp_path) -> None:
    source = write(tmp_path, "notes.md", "# Notes\n\n## What is DSO?\nCategory: technical\n"
                   "Difficulty: easy\n\nDays sales outstanding.\n\n### Answer notes\n- x\n"
                   "### Key points\n- DSO: days sales outstanding\n")
    result = import_file(source)
    assert result.kept == 1
    assert [str(p) for p in result.problems] == [
        f"{source}:9: unknown sub-heading 'Answer notes' (use '### Key points' or '### Tips')"]
    empty = write(tmp_path, "empty.md", "# Nothing here\n\nJust prose.\n")
    result = import_file(empty)
    assert result.path is None
    assert "no questions found" in str(result.problems[0])


def test_the_delimiter_is_found_from_the_header() -> None:
    from interviewer.banks.import_csv import detect_delimiter

    header = ["Question", "Answer", "Key Points", "Difficulty", "Category"]
    row = ["What is DSO?", "Days sales outstanding, the days to collect.", "DSO: dso, days",
           "easy", "technical"]
    for delimiter in (",", ";", "\t"):
        text = delimiter.join(header) + "\n" + delimiter.join(
            f'"{c}"' if "," in c else c for c in row) + "\n"
        assert detect_delimiter(text) == delimiter
    assert detect_delimiter("") == ","


def test_a_tab_separated_file_imports_every_row(tmp_path, capsys) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(
        csv.reader(io.StringIO(CSV_TEXT)))  # the same cells, tab-separated
    source = write(tmp_path, "tabs.csv", out.getvalue())
    result = import_file(source)
    assert result.kept == 3 and result.kept_lines == [2, 3, 5]
    assert [p.line for p in result.problems] == [4, 8]
