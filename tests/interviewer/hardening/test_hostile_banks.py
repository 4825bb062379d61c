"""Shared banks as an attacker would make them: each ends in a one-line problem or an
error and a non-zero exit, never a traceback, a hang or an unbounded read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.interviewer.hardening.cli_run import error_lines, run_cli

GOOD = (Path(__file__).resolve().parents[3] / "banks" / "ar_coordinator.toml")


def _user_banks(home: Path) -> Path:
    folder = home / "data" / "banks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _small_bank(bank_id: str, text: str = "What do you do first?") -> str:
    return f'''schema = 1
id = "{bank_id}"
title = "{bank_id.title()}"

[[questions]]
slug = "first"
text = "{text}"
category = "behavioural"
difficulty = "easy"
source = "test"

[[questions.sample_answers]]
text = "I check the aging report."

[[questions.key_points]]
label = "Aging"
phrases = ["aging report"]
'''


@pytest.mark.parametrize("command", [["banks"], ["banks", "show", "ar-coordinator"],
                                     ["score", "ar-coordinator/QUESTION", "--text",
                                      "I have worked in AR."],
                                     ["practice", "--typed", "--no-voice", "--count", "1"]])
def test_a_bank_nested_500_deep_breaks_no_command(interviewer_home, command) -> None:
    nested = "schema=1\nid=\"n\"\ntitle=\"N\"\nx=" + "[" * 500 + "]" * 500 + "\n"
    (_user_banks(interviewer_home) / "n.toml").write_text(nested)
    first = GOOD.read_text().split('slug = "', 1)[1].split('"', 1)[0]
    command = [c.replace("QUESTION", first) for c in command]
    done = run_cli(command, interviewer_home, stdin="I check the aging report.\n")
    assert done.returncode == 0, done.stderr  # the other banks load and work
    if command[0] == "banks":
        assert "n.toml:1: values are nested too deeply" in done.stderr


def test_fifo_and_dev_zero_banks_are_refused_without_reading(interviewer_home) -> None:
    folder = _user_banks(interviewer_home)
    os.mkfifo(folder / "pipe.toml")  # nobody ever writes to it: reading would wait forever
    (folder / "zero.toml").symlink_to("/dev/zero")  # reading would never end
    (folder / "huge.toml").write_bytes(b"# " + b"x" * (9 * 1024 * 1024))
    done = run_cli(["banks"], interviewer_home, timeout=60, memory=1 << 31)
    assert done.returncode == 0
    assert "pipe.toml: not a regular file" in done.stderr
    assert "zero.toml: not a regular file" in done.stderr
    assert "huge.toml: the file is 9216 KB; at most 8 MB is read" in done.stderr


def test_escape_codes_are_refused_and_never_printed_raw(interviewer_home, tmp_path) -> None:
    osc52 = "\x1b]52;c;ZXZpbA==\x07"  # writes "evil" to the clipboard of many terminals
    bank = _small_bank("evil", text="What do you do first?" + osc52).replace(
        "\x1b", "\\u001b").replace("\x07", "\\u0007")  # as TOML escapes
    bank = bank.replace('source = "test"', 'source = "test"\n"key\\u001b[2J" = 1')
    (_user_banks(interviewer_home) / "evil.toml").write_text(bank)
    for command in (["banks"], ["banks", "validate",
                                str(_user_banks(interviewer_home) / "evil.toml")]):
        done = run_cli(command, interviewer_home)
        assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stderr
        assert "holds a control character (U+001B)" in done.stderr + done.stdout
        assert "evil.toml:7: 'questions.0.text' holds" in done.stderr + done.stdout
    assert "evil" not in run_cli(["banks"], interviewer_home).stdout

    csv = tmp_path / "shared.csv"
    csv.write_text("question,answer,key points,difficulty,category\n"
                   f"Why us?{osc52},I like the aging report.,aging report,easy,closing\n")
    done = run_cli(["banks", "import", str(csv)], interviewer_home)
    assert done.returncode == 1 and "\x1b" not in done.stderr + done.stdout
    assert "control character (U+001B)" in done.stderr and "Nothing was imported" in done.stderr
    done = run_cli(["banks", "new", "Clerk\x1b[31m"], interviewer_home)
    assert done.returncode == 1 and "\x1b" not in done.stderr
    assert error_lines(done) == [
        "interviewer: error: the role holds a control character (U+001B)"]


def test_bom_british_spelling_and_an_unreadable_bank_folder(interviewer_home) -> None:
    folder = _user_banks(interviewer_home)
    (folder / "bom.toml").write_bytes(b"\xef\xbb\xbf" + _small_bank("bom").encode())
    done = run_cli(["banks", "show", "bom"], interviewer_home)
    assert done.returncode == 0 and "bom/first  behavioral" in done.stdout
    assert done.stderr == ""

    folder.chmod(0)
    try:
        done = run_cli(["banks"], interviewer_home, as_user=True)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0 and "ar-coordinator" in done.stdout
    assert f"warning: {folder}: cannot read the bank folder (Permission denied)" in done.stderr


def test_an_id_with_a_newline_is_no_id(interviewer_home, tmp_path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("question,answer,key points,difficulty,category\n"
                   "Why us?,I like the aging report.,aging report,easy,closing\n")
    for command in (["banks", "import", str(csv), "--id", "evil\n"],
                    ["banks", "new", "Clerk", "--id", "evil\n"]):
        done = run_cli(command, interviewer_home)
        assert done.returncode == 1 and len(error_lines(done)) == 1
    assert not any(_user_banks(interviewer_home).iterdir())


def test_a_csv_cell_over_128_kb_keeps_every_row(interviewer_home, tmp_path) -> None:
    long_answer = "I check the aging report. " * 6000  # 156,000 characters
    rows = [f"Question {n}?,{long_answer if n == 2 else 'I check the aging report.'},"
            "aging report,easy,technical" for n in range(1, 6)]
    csv = tmp_path / "long.csv"
    csv.write_text("question,answer,key points,difficulty,category\n" + "\n".join(rows) + "\n")
    done = run_cli(["banks", "import", str(csv)], interviewer_home)
    assert done.returncode == 0, done.stderr
    assert 'Imported 5 questions as "Long"' in done.stdout


def test_import_defaults_a_missing_difficulty_and_keeps_acronyms(interviewer_home,
                                                                  tmp_path) -> None:
    csv = tmp_path / "AR_Manager_Questions.csv"
    csv.write_text("Question,Answer,Key Points,Difficulty,Category\n"
                   "Why AR?,I like the aging report.,aging report,,Behavioural\n"
                   "What is DSO?,Days sales outstanding.,DSO: days sales outstanding,hard,"
                   "technical\n")
    done = run_cli(["banks", "import", str(csv)], interviewer_home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith('Imported 2 questions as "AR Manager Questions" '
                                  "(bank 'ar-manager-questions') from lines 2, 3; 1 had no "
                                  "difficulty and was set to medium.")
    assert f"note: {csv}:2: no difficulty given; set to medium" in done.stderr
    shown = run_cli(["banks", "show", "ar-manager-questions"], interviewer_home).stdout
    assert "behavioral  medium" in shown


def test_banks_new_and_import_on_a_full_disk_leave_nothing_behind(interviewer_home,
                                                                  tmp_path) -> None:
    folder = _user_banks(interviewer_home)
    done = run_cli(["banks", "new", "AR Manager"], interviewer_home, fsize=1000)
    assert done.returncode == 1
    assert error_lines(done) == [f"interviewer: error: {folder}/ar-manager.toml: cannot write "
                                 "the bank (File too large)"]
    csv = tmp_path / "big.csv"
    csv.write_text("question,answer,key points,difficulty,category\n"
                   + "Why?,I like the aging report a lot.,aging report,easy,closing\n" * 40)
    done = run_cli(["banks", "import", str(csv)], interviewer_home, fsize=1000)
    assert done.returncode == 1 and "cannot write the bank (File too large)" in done.stderr
    assert list(folder.iterdir()) == []  # no empty bank that warns on every command
    assert run_cli(["banks"], interviewer_home).stderr == ""


def test_a_read_only_home_gives_one_line_errors(interviewer_home, tmp_path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("question,answer,key points,difficulty,category\n"
                   "Why us?,I like the aging report.,aging report,easy,closing\n")
    run_cli(["practice", "--typed", "--no-voice", "--count", "1"], interviewer_home,
            stdin="I like the aging report.\n")
    data = interviewer_home / "data"
    modes = {p: p.stat().st_mode for p in [interviewer_home, data, *data.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        model = tmp_path / "vosk-model-small-en-us-0.15"
        for part in ("am/final.mdl", "conf/model.conf", "graph/HCLG.fst"):
            (model / part).parent.mkdir(parents=True, exist_ok=True)
            (model / part).write_bytes(b"x")
        for command in (["banks", "new", "Clerk"], ["banks", "import", str(csv)],
                        ["say", "hello", "--out", str(data / "x.wav")],
                        ["model", "install", str(model)]):
            done = run_cli(command, interviewer_home, as_user=True)
            assert done.returncode == 1 and len(error_lines(done)) == 1, command
        listed = run_cli(["history"], interviewer_home, as_user=True)  # reading still works
        assert listed.returncode == 0 and "Session 1: ar-collector" in listed.stdout
        report = run_cli(["report", "--out", str(tmp_path / "r.md")], interviewer_home,
                         as_user=True)
        assert report.returncode == 0
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
