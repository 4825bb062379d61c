"""The same scripted answers through the app and through `practice --answers` save the
same attempts, coverage and review state: one flow, two front ends.

Real recordings, the real recognizer on both sides (the app streams them through its
capture path, the terminal reads the files), real history files in two homes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.banks.probes import GENERIC_PROBES
from interviewer.cli.main import main
from interviewer.history import HistoryStore
from interviewer.practice.exchange import stored_exchange
from tests.interviewer.cli.test_practice_cli import BANK_CSV, MOCK_ANSWERS, RECORDING, answers_dir
from tests.ui.recordings import pcm_of

ANSWERS = MOCK_ANSWERS


def import_bank(folder: Path) -> str:
    from interviewer.banks.importer import import_file

    source = folder / "austen.csv"
    source.write_text(BANK_CSV, encoding="utf-8")
    result = import_file(source)
    assert result.problems == []
    return result.bank_id


def saved_state() -> tuple[list[tuple], list[tuple]]:
    """What history holds, without ids, times and file names (they differ by design)."""
    with HistoryStore() as store:
        attempts = store.attempts()
        ids = {a.id: n for n, a in enumerate(attempts)}
        rows = [(a.question_id, a.transcript.text, round(a.coverage, 3),
                 ids.get(a.followup_of) if a.followup_of else None, a.transcript.engine,
                 stored_exchange(a.feedback))  # the probe asked, and what it brought out
                for a in attempts]
        reviews = [(s.question_id, s.box, round(s.last_score, 3), s.review_count, s.lapses)
                   for s in store.review_states()]
        modes = [s.mode for s in store.sessions()]
    return rows, sorted(reviews) + [tuple(modes)]


def test_a_mock_interview_saves_the_same_both_ways(make_window, qtbot, tmp_path, monkeypatch,
                                                   capsys) -> None:
    bank = import_bank(tmp_path)
    window = make_window([pcm_of(RECORDING[name]) for name in ANSWERS], speed=4.0,
                         mode="mock", mock_count=3, bank_id=bank)
    ctl = window.controller
    ctl.seed = 1
    with qtbot.waitSignal(ctl.round_finished, timeout=300000):
        window.start_screen.start_button.click()
    qtbot.waitUntil(lambda: len(ctl.history.saved) == 4, timeout=30000)
    window.jobs.wait(20000)
    app_rows, app_reviews = saved_state()

    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path / "terminal-home"))
    assert import_bank(tmp_path) == bank
    folder = answers_dir(tmp_path, *ANSWERS)
    assert main(["practice", "--bank", bank, "--mock", "3", "--seed", "1", "--answers",
                 str(folder), "--no-voice"]) == 0
    out = capsys.readouterr().out
    assert "Saved 3 answer(s) and 1 follow-up(s)" in out
    term_rows, term_reviews = saved_state()

    assert len(app_rows) == 4 and sum(r[3] is not None for r in app_rows) == 1
    assert [r[5][0] for r in app_rows if r[5][0]] == [GENERIC_PROBES["action"]]  # same probe
    assert term_rows == app_rows
    assert term_reviews == app_reviews
    assert all(review[3] == 1 for review in app_reviews[:-1])  # one review per question
    assert "young man" in app_rows[0][1]  # the recognizer heard the recordings


def test_typed_practice_with_a_retry_reviews_once_in_the_app(make_window, qtbot,
                                                             tmp_path) -> None:
    """The app's Retry keeps both attempts but moves the review once (on the first)."""
    bank = import_bank(tmp_path)
    window = make_window(bank_id=bank, shuffle=False, auto_record=False)
    ctl, qs, rs = window.controller, window.question_screen, window.result_screen
    window.start_screen.start_button.click()
    first_question = ctl.round.current
    for text in ("He was a young man.",
                 "He was not an ill disposed young man, and he was kind."):
        qs.show_typing()
        qs.typed.setPlainText(text)
        with qtbot.waitSignal(ctl.result_shown, timeout=30000):
            qs.submit_typed.click()
        if "disposed" not in text:
            rs.retry_button.click()
    with qtbot.waitSignal(ctl.round_finished, timeout=30000):
        ctl.finish_round()
    qtbot.waitUntil(lambda: len(ctl.history.saved) == 2, timeout=10000)
    window.jobs.wait(20000)
    with HistoryStore() as store:
        weak, strong = store.attempts()
        state = store.review_state(first_question.id)
    assert strong.coverage > weak.coverage
    assert state.review_count == 1
    assert state.last_score == pytest.approx(weak.coverage, abs=1e-3)
