"""Session reports from a scripted practice run: the text says what the candidate needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.cli.main import main
from interviewer.history import HistoryStore
from interviewer.reports import build_report, render_html, render_markdown, write_report
from tests.interviewer.history.practice_run import scripted_practice_run


@pytest.fixture
def practised() -> tuple[HistoryStore, object]:
    store = HistoryStore()
    run = scripted_practice_run(store)
    yield store, run
    store.close()


def test_markdown_report_has_every_section(practised) -> None:
    store, run = practised
    report = build_report(store)  # the latest session by default
    assert report.session.id == run.sessions[-1]
    text = render_markdown(report)
    cycle = run.questions["full-cycle-ar-experience"]
    assert text.startswith("# Practice report: Accounts Receivable Specialist, session 2\n")
    assert f"### 1. {cycle.text}" in text
    assert "**Coverage:** 100 % (up 83 points from 17 % last time)" in text
    assert "- [x] Aging and follow-up on overdue balances" in text
    disputes = report.questions[2]
    assert disputes.missed and all(f"- [ ] {m} (missed)" in text for m in disputes.missed)
    assert f"- Pace: {report.questions[0].attempt.wpm:.0f} words per minute (ok)" in text
    assert f"- {cycle.tips[0]}" in text
    assert "| 1 | " in text and "| **2 (this one)** |" in text  # progress table
    assert "- Result: I own the receivables cycle" not in text  # no number in that answer
    assert "- Result: missing" in text and "Say what the result was" in text


def test_first_session_report_and_escaping(practised) -> None:
    store, run = practised
    report = build_report(store, run.sessions[0])
    markdown = render_markdown(report)
    assert "This is your first session with this bank" in markdown
    assert "(first attempt)" in markdown
    assert "fix the invoice \\<quickly\\> & politely" in markdown
    html = render_html(report)
    assert "fix the invoice &lt;quickly&gt; &amp; politely" in html
    assert "<quickly>" not in html
    assert html.count("<h3>") == 3


def test_html_and_markdown_files_are_written(practised, tmp_path: Path) -> None:
    store, _ = practised
    report = build_report(store)
    out = tmp_path / "out"
    out.mkdir()
    html = write_report(report, out / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Key points missed" in html
    assert write_report(report, out / "r.md").read_text(encoding="utf-8") == \
        render_markdown(report)
    assert sorted(p.name for p in out.iterdir()) == ["r.html", "r.md"]  # no temp left


def test_history_json_lists_the_run(practised, capsys: pytest.CaptureFixture[str]) -> None:
    _, run = practised
    assert main(["history", "--json"]) == 0
    sessions = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in sessions] == run.sessions
    listed = [a["id"] for s in sessions for a in s["attempts"]]
    assert listed == run.attempts
    first = sessions[1]["attempts"][0]
    assert first["question_id"] == "ar-specialist/full-cycle-ar-experience"
    words = len(first["transcript"].split())  # spoken at 0.4 s a word, each 0.32 s long
    assert first["wpm"] == pytest.approx(words / ((words - 1) * 0.4 + 0.32) * 60, abs=0.1)
    assert (first["coverage"], first["engine"]) == (1.0, "vosk")
    assert main(["history", "--question", "ar-specialist/prioritize-overdue-accounts"]) == 0
    out = capsys.readouterr().out
    assert out.count("ar-specialist/prioritize-overdue-accounts") == 2
    assert "Session 2: ar-specialist, practice" in out


def test_history_due_lists_weak_questions(practised, capsys: pytest.CaptureFixture[str]) -> None:
    store, run = practised
    assert main(["history", "--due", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    # The run was weeks ago: every question is due; the weakest waited longest.
    assert [d["question_id"] for d in due] == store.due_questions()
    assert {d["question_id"] for d in due} == {q.id for q in run.questions.values()}
    assert [d["box"] for d in due] == [store.review_state(d["question_id"]).box for d in due]
    assert due[0]["box"] == 1


def test_report_errors_are_one_line(practised, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "99", "--out", str(tmp_path / "r.md")]) == 1
    assert "interviewer: error: no practice session 99" in capsys.readouterr().err
    assert main(["report", "--out", str(tmp_path / "r.docx")]) == 1
    assert "unknown report format '.docx'" in capsys.readouterr().err
    assert main(["report", "--out", str(tmp_path / "missing" / "r.md")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # nothing written


def test_empty_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["history"]) == 0
    assert "No practice sessions yet" in capsys.readouterr().out
    assert main(["report", "--out", str(tmp_path / "r.html")]) == 1
    assert "no practice sessions to report on yet" in capsys.readouterr().err
