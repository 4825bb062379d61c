"""PDF reports through Qt's own writer: real text in a real PDF, a page looked at as PNG."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from interviewer.history import HistoryStore
from tests.conftest import REPO
from tests.interviewer.history.practice_run import scripted_practice_run


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real `interviewer` command in a fresh process, as a user runs it (no display)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "interviewer", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_practice_run_then_history_json_and_pdf_report(tmp_path: Path, artifacts: Path) -> None:
    with HistoryStore() as store:
        run = scripted_practice_run(store)

    listed = run_cli("history", "--json")
    assert listed.returncode == 0, listed.stderr
    attempts = [a["id"] for s in json.loads(listed.stdout) for a in s["attempts"]]
    assert attempts == run.attempts

    pdf = tmp_path / "r.pdf"
    written = run_cli("report", "--out", str(pdf))
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip() == f"wrote {pdf} (session 2, 3 questions)"
    assert pdf.read_bytes().startswith(b"%PDF-")

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = " ".join(text.split())
    assert "Practice report: Accounts Receivable Specialist, session 2" in words
    for question in run.questions.values():
        assert " ".join(question.text.split()[:6]) in words
    assert "up 83 points from 17 % last time" in words
    assert "Key points missed" in words and "Logs the dispute" in words
    assert "STAR" in words and "Tips" in words
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "A4" in info
    assert "Title:           Practice report: Accounts Receivable Specialist, session 2" in info

    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    shutil.copy(page, artifacts / "report_page1.png")
    shutil.copy(pdf, artifacts / "report.pdf")
    assert page.stat().st_size > 20_000  # a page with text on it, not a blank sheet
