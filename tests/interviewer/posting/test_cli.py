"""`interviewer posting` and `interviewer practice --posting`, as a person runs them."""

from __future__ import annotations

import json

from interviewer.cli.main import main
from interviewer.history import HistoryStore
from interviewer.posting.store import saved_postings
from tests.interviewer.cli.test_practice_cli import run_cli
from tests.interviewer.posting.postings import HERE, TEST_HALF

ANSWER = ("I have five years in collections at a gas utility, handling about 400 accounts a "
          "month. I set up payment arrangements for customers who fell behind and since then "
          "our past due balance went down by 20 percent. I learned to listen first.")


def test_posting_prints_the_interview_with_the_words_that_chose_it(capsys) -> None:
    assert main(["posting", str(TEST_HALF[0])]) == 0
    out = capsys.readouterr().out
    assert "Job: Accounts Receivable Specialist at Halvorsen Pump & Valve" in out
    assert "Tools and systems: lockbox, ACH, wire, NetSuite" in out
    assert "chosen for: " in out and "Duties and requirements covered: 14 of 14" in out
    assert "interviewer practice --posting" in out


def test_posting_json_and_clear_errors(capsys, tmp_path) -> None:
    assert main(["posting", str(TEST_HALF[2]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["job"] == "Patient Billing Coordinator at Riverbend Family Health Clinics"
    assert data["questions"][0]["id"] == "general/tell-me-about-yourself"
    assert data["coverage"] >= 0.8 and "Epic" in data["vocabulary"]
    empty = tmp_path / "job.txt"
    empty.write_text("")
    assert main(["posting", str(empty)]) == 1
    err = capsys.readouterr().err
    assert "job.txt is empty" in err and "copy the whole posting" in err
    assert main(["posting", "posting-nothing-here"]) == 1
    assert "no saved posting 'posting-nothing-here'" in capsys.readouterr().err


def test_practice_for_a_posting_saves_it_and_the_report_names_the_job(tmp_path) -> None:
    report = tmp_path / "report.md"
    done = run_cli(["practice", "--posting", str(HERE / "collections_utility.html"), "--typed",
                    "--no-voice", "--report", str(report)], {}, stdin=f"{ANSWER}\n\n" * 2)
    assert done.returncode == 0, done.stderr
    assert "Job: Collections Representative at Tri-County Power & Light" in done.stdout
    assert "Question 1 of 11" in done.stdout
    title = report.read_text(encoding="utf-8").splitlines()[0]
    assert title == ("# Practice report: Job posting: Collections Representative at "
                     "Tri-County Power & Light, session 1")
    listed = run_cli(["history"], {})
    assert "(Job posting: Collections Representative at Tri-County Power & Light)" in \
        listed.stdout
    [saved] = saved_postings()
    short = run_cli(["practice", "--posting", saved.bank_id, "--mock", "3", "--typed",
                     "--no-voice"], {}, stdin="")
    assert short.returncode == 0 and "Question 1 of 3" in short.stdout, short.stderr
    # run it again by its id: the same interview, the same session bank
    again = run_cli(["practice", "--posting", saved.bank_id, "--typed", "--no-voice"], {},
                    stdin=f"{ANSWER}\n")
    assert again.returncode == 0, again.stderr
    with HistoryStore() as store:
        assert [s.bank_id for s in store.sessions()] == [saved.bank_id] * 3
        assert store.attempts()[0].question_id == "general/tell-me-about-yourself"
