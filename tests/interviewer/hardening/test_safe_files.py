"""The safe reader, the shape checks behind it, and the guards that use them: each on
real files in the test's own home, in-process (the hostile set runs the commands)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from interviewer import paths, settings
from interviewer.analysis.answer_limits import MAX_SCORED_WORDS, scored_part
from interviewer.banks.importer import import_file
from interviewer.banks.validate import check_bank
from interviewer.clean_text import without_surrogates
from interviewer.cli.main import main
from interviewer.cli.progress import working
from interviewer.cli.safe_output import terminal_safe
from interviewer.errors import BankError
from interviewer.history import HistoryStore
from interviewer.safe_read import (
    UnreadableFileError,
    nesting_depth,
    parse_json,
    parse_toml,
    read_text,
)
from interviewer.transcript import Transcript

REPO = Path(__file__).resolve().parents[3]


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_a_folder_a_fifo_and_dev_zero_are_refused_without_leaking(tmp_path: Path) -> None:
    folder = tmp_path / "x.toml"
    folder.mkdir()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    before = _open_fds()
    for path in (folder, fifo, Path("/dev/zero")):
        with pytest.raises(UnreadableFileError, match="not a regular file"):
            read_text(path)
    assert _open_fds() == before


def test_size_and_encoding_are_named(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(UnreadableFileError, match="the file is 4 KB; at most 1 KB is read"):
        read_text(big, limit=1024)
    bad = tmp_path / "bad"
    bad.write_bytes(b"ok \xff\xfe")
    with pytest.raises(UnreadableFileError, match=r"not UTF-8 text \(byte 3\)"):
        read_text(bad)
    with pytest.raises(UnreadableFileError, match="cannot read the file"):
        read_text(tmp_path / "a\x00b")


def test_nesting_is_measured_outside_strings_and_comments() -> None:
    assert nesting_depth('{"a": "[[[[", "b": [[1]]}') == 3
    assert nesting_depth("x = '[[[[' # [[[[\ny = [[1]]\n", toml=True) == 2
    with pytest.raises(UnreadableFileError, match="nested too deeply"):
        parse_json("[" * 100_000)
    with pytest.raises(UnreadableFileError, match="nested too deeply"):
        parse_toml("x = " + "[" * 2000 + "]" * 2000)


def test_dotted_keys_are_counted_before_tomllib() -> None:
    assert parse_toml('"a.b.c" = 1\n[x.y]\nz = "a.b.c.d"\ntext = """\nOne. Two. Three.\n"""\n') \
        == {"a.b.c": 1, "x": {"y": {"z": "a.b.c.d", "text": "One. Two. Three.\n"}}}
    with pytest.raises(UnreadableFileError, match="a key has 20000 dotted parts"):
        parse_toml(".".join(["a"] * 20_000) + " = 1\n")  # refused before tomllib's 5 s
    for bank in (REPO / "banks").glob("*.toml"):
        parse_toml(bank.read_text())  # every built-in bank is well within the limits


@pytest.mark.parametrize("text", ['{"schema": "x"}', "null", "[" * 100_000, "\xff",
                                  '{"model_path": "a\\u0000b", "difficulties": ["impossible"],'
                                  ' "categories": [1]}'])
def test_settings_fall_back_to_defaults_with_one_warning(text: str, capsys) -> None:
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-8", "surrogateescape") if text != "\xff" else b"\xff")
    loaded = settings.load()
    assert loaded.model_path == "" and loaded.difficulties == [] and loaded.categories == []
    warnings = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(warnings) <= 1 and all(str(path) in w for w in warnings)


def _store_with_bad_rows() -> HistoryStore:
    store = HistoryStore()
    session = store.start_session("ar-coordinator")
    for text in ("first", "second", "third"):
        store.add_attempt(session, "ar-coordinator/x", text, {"coverage": 0.5})
    conn = sqlite3.connect(paths.history_db())
    with conn:
        conn.execute("UPDATE attempts SET words = '[[1,2' WHERE id = 1")
        conn.execute("UPDATE attempts SET coverage = 'abc' WHERE id = 2")
    conn.close()
    return store


def test_bad_history_rows_are_skipped_and_listed(capsys) -> None:
    with _store_with_bad_rows() as store:
        assert [a.transcript.text for a in store.attempts()] == ["third"]
        assert [str(b) for b in store.check()] == [
            "attempts row 1: words '[[1,2' is not a list of timed words",
            "attempts row 2: coverage 'abc' is not a number"]
        assert store.sessions()[0].mean_coverage == 0.5  # 'abc' is not averaged in
    assert main(["history", "--check"]) == 1
    assert "attempts row 2: coverage 'abc' is not a number" in capsys.readouterr().out
    assert main(["history"]) == 0
    assert "2 damaged history rows skipped" in capsys.readouterr().err


def test_a_failed_save_of_any_kind_keeps_the_answer() -> None:
    with HistoryStore() as store:
        session = store.start_session("ar-coordinator")
        attempt = store.add_attempt(session, "ar-coordinator/x", "aging \udcff\udcfe report", {})
        assert store.attempt(attempt).transcript.text == "aging \ufffd\ufffd report"

        class Exploding:
            def to_dict(self) -> dict:
                raise RuntimeError("a bug in the scorer's output")

        with pytest.raises(Exception, match="The answer is kept in"):
            store.add_attempt(session, "ar-coordinator/x", "keep me", Exploding())
    kept = list(paths.recordings_dir().glob("*.unsaved.json"))
    assert len(kept) == 1 and "keep me" in kept[0].read_text()
    assert without_surrogates("ok") == "ok"


def test_import_force_keeps_the_old_bank_when_the_new_one_would_not_load(tmp_path) -> None:
    csv = tmp_path / "my-bank.csv"
    csv.write_text("Question,Answer,Key Points,Difficulty,Category\n"
                   'What first?,I check the aging report.,"Aging: aging report",easy,technical\n')
    first = import_file(csv)
    assert first.path is not None
    good = first.path.read_bytes()
    markdown = tmp_path / "my-bank.md"
    markdown.write_text("# My bank\n\nIntro \x1b]52;c;ZXZp\x07\n\n## What first?\n"
                        "Category: technical\nDifficulty: easy\n\nI check the aging report.\n\n"
                        "### Key points\n- Aging: aging report\n")
    with pytest.raises(BankError, match="would not load.*control character"):
        import_file(markdown, force=True)
    assert first.path.read_bytes() == good
    assert sorted(p.name for p in first.path.parent.iterdir()) == ["my-bank.toml"]
    csv.write_text(csv.read_text().replace("What first?", "What comes first?"))
    import_file(csv, force=True)  # a good replacement: written, and no .bak left
    assert b"What comes first?" in first.path.read_bytes()
    assert sorted(p.name for p in first.path.parent.iterdir()) == ["my-bank.toml"]


def test_a_key_point_with_too_many_phrases_is_refused() -> None:
    bank = (REPO / "tests" / "interviewer" / "hardening" / "test_hostile_set.py").read_text()
    text = bank.split("MY_BANK = '''", 1)[1].split("'''", 1)[0]
    many = ", ".join(f'"p{i}"' for i in range(600))
    _, problems = check_bank(Path("b.toml"), text.replace('["aging report"]',
                                                          f'["aging report", {many}]'))
    assert any("has 601 phrases; at most 500" in p.message for p in problems)


def test_only_the_start_of_a_huge_answer_is_scored() -> None:
    text = "word " * (MAX_SCORED_WORDS + 500)
    part = scored_part(Transcript.typed(text))
    assert len(part.text.split()) == MAX_SCORED_WORDS and "were scored" in part.note
    short = Transcript.typed("I check the aging report.")
    assert scored_part(short) is short


def test_terminal_output_keeps_colour_and_escapes_the_rest() -> None:
    assert terminal_safe("\x1b[1mbold\x1b[0m") == "\x1b[1mbold\x1b[0m"
    assert terminal_safe("a\x1b]52;c;ZXZp\x07b\x1b[2J\x9b") == \
        "a\\x1b]52;c;ZXZp\\x07b\\x1b[2J\\x9b"
    assert terminal_safe("\rprogress 50%\r") == "\rprogress 50%\\x0d"
    assert terminal_safe("lone \udcff") == "lone \ufffd"


def test_a_long_step_prints_progress(capsys) -> None:
    with working("doing it", first_after=0.05, every=0.05):
        time.sleep(0.3)
    lines = capsys.readouterr().err.splitlines()
    assert lines and all(line.startswith("interviewer: doing it... ") for line in lines)
    with working("quick"):
        pass
    assert capsys.readouterr().err == ""
