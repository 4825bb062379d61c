"""Issue 21: a mock with a follow-up shows one coverage per question everywhere.

A 3-question mock runs through the real flow (typed answers, real scoring, a real
history file); the second answer states no result, so the interviewer follows up. The
summary screen, History (the store and `interviewer history --json`) and the PDF report
must then show the same coverage for each question, by interviewer.question_coverage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from interviewer.banks import load_library
from interviewer.history import HistoryStore
from interviewer.reports import format as fmt
from interviewer.reports.export import write_report
from interviewer.reports.model import build_report
from interviewer.ui.summary_screen import SummaryScreen
from tests.interviewer.practice.test_practice_flow import GOOD, run_round

OPENING = ("I have six years running the full receivables cycle at a distributor with about "
           "300 customer accounts. I check each invoice before it goes out, work the aging "
           "report every week and chase overdue balances, reconcile customer accounts every "
           "month, and sort out disputes with sales and the warehouse. Last year I cut our "
           "over 90 day balance from 14 to 6 percent.")
STORY = ("A customer shouted at me on a collection call about an invoice he said was wrong. "
         "I stayed calm, let him finish and found the real problem: a missing credit. I "
         "agreed a payment date with him in writing.")
RESULT = "In the end he paid the full 12,000 dollars within two weeks and he is still a customer."


def percent(value: float) -> str:
    return fmt.percent(value).replace(" ", "")


def test_a_mock_with_a_follow_up_shows_one_number_everywhere(qtbot, tmp_path: Path,
                                                              monkeypatch) -> None:
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path))
    bank = {q.id.split("/")[1]: q for q in load_library().bank("ar-specialist").questions}
    questions = [bank["full-cycle-ar-experience"], bank["difficult-collection-call"],
                 bank["prioritize-overdue-accounts"]]
    with HistoryStore() as store:
        script, flow = run_round(store, "mock", questions, [OPENING, STORY, RESULT, GOOD],
                                  probes="one")
        assert flow.finished
        assert sum(e.startswith("follow-up:") for e in script.events) == 1
        assert script.summary is not None
        report = build_report(store)
        session = store.sessions()[-1]

    screen = SummaryScreen()
    qtbot.addWidget(screen)
    screen.show_round("Mock interview complete", script.summary.groups())
    summary = {screen.question_ids[r]: screen.table.item(r, 2).text().replace(" ", "")
               for r in range(screen.table.rowCount())}

    env = {**os.environ, "INTERVIEWER_HOME": str(tmp_path)}
    listed = json.loads(subprocess.run(
        [sys.executable, "-m", "interviewer", "history", "--json"], capture_output=True,
        text=True, env=env, check=True).stdout)
    history = {q["question_id"]: percent(q["coverage"]) for q in listed[-1]["questions"]}

    pdf = write_report(report, tmp_path / "report.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    in_report = {q.attempt.question_id: percent(q.attempt.coverage) for q in report.questions}

    print("\nsummary", summary, "\nhistory --json", history, "\nreport", in_report)
    assert summary == history == in_report
    assert len(summary) == 3
    for q in report.questions:
        assert f"Coverage: {fmt.percent(q.attempt.coverage)}" in text
    story = questions[1].id
    # the follow-up supplied the result: the question scores on both answers together
    assert summary[story] == percent(report.questions[1].attempt.coverage)
    assert report.questions[1].attempt.followup_of is not None
    mean = sum(q.attempt.coverage for q in report.questions) / 3
    assert session.mean_coverage is not None and abs(session.mean_coverage - mean) < 1e-9
    assert listed[-1]["mean_coverage"] == session.mean_coverage

    # the PDF renders, and every STAR cell holds its whole sentence (issue 26: cells were
    # cut mid-figure, "over $", "52 to")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")],
                   check=True)
    assert all(p.stat().st_size > 10_000 for p in tmp_path.glob("page*.png"))
    words = unicodedata.normalize("NFKC", " ".join(text.split()))  # "ﬁ" ligatures: "fi"
    quoted = [(part, sentence) for q in report.questions for part, sentence in q.star
              if sentence]
    assert quoted, "the mock's answers show STAR parts"
    for part, sentence in quoted:
        assert " ".join(sentence.split()) in words, (part, sentence)
    # one length per question, the first answer's against the question's target
    for q in report.questions:
        lengths = [n for n in q.notes if " s " in n and ("Length" in n or " long" in n)]
        assert len(lengths) <= 1, q.notes
