"""The history screen on a real store: tree, chart, side-by-side compare and real playback."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from interviewer import paths
from interviewer.history import HistoryStore
from interviewer.ui.history_view import ALL, HistoryView
from tests.interviewer.history.practice_run import (
    BANK,
    START,
    feedback_for,
    scripted_practice_run,
    spoken,
)

RECORDING = Path("/usr/share/pocketsphinx/test/data/librivox/"
                 "sense_and_sensibility_01_austen_64kb-0880.wav")


def third_session_with_audio(store: HistoryStore, run) -> int:
    """A later spoken attempt whose recording is a real human voice on disk."""
    audio = paths.ensure(paths.recordings_dir()) / "attempt.wav"
    shutil.copy(RECORDING, audio)
    question = run.questions["full-cycle-ar-experience"]
    when = START + timedelta(days=14)
    session = store.start_session(BANK, "review", started_at=when)
    transcript = spoken("I handle invoicing and the aging report and reconcile accounts", 0.45)
    return store.add_attempt(session, question, transcript, feedback_for(question, transcript),
                             corrected_text="I handle invoicing, the aging report and I "
                                            "reconcile accounts.",
                             audio_path=audio, created_at=when)


def test_history_view_shows_progress_and_compares(qtbot, pulse_server, artifacts: Path) -> None:
    store = HistoryStore()
    run = scripted_practice_run(store)
    latest = third_session_with_audio(store, run)
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    with qtbot.waitSignal(view.loaded, timeout=10000):  # read off the UI thread
        view.show()
    qtbot.waitExposed(view)

    # One row for all sessions, then the questions, most recently practised first.
    tree = view.tree
    assert tree.topLevelItemCount() == 1 + len(run.questions)
    top = tree.topLevelItem(1)
    cycle = run.questions["full-cycle-ar-experience"]
    assert top.data(0, Qt.ItemDataRole.UserRole) == cycle.id and top.childCount() == 3
    assert "(3)" in top.text(0) and top.text(1) == "100 %"
    assert "3 sessions, 7 attempts at 3 questions" in view.summary.text()

    # The chart plots this question's attempts: coverage in %, pace where it was spoken.
    attempts = store.attempts(question_id=cycle.id)
    assert view.selected_question() == cycle.id
    assert [p.y() for p in view.chart.coverage.points()] == [a.coverage * 100 for a in attempts]
    assert [round(p.y(), 1) for p in view.chart.pace.points()] == [a.wpm for a in attempts]

    # Side by side: the one before on the left, the latest on the right.
    assert view.left_pane.current.id == attempts[1].id
    assert view.right_pane.current.id == latest
    right = view.right_pane.text.toPlainText()
    assert "I handle invoicing, the aging report and I reconcile accounts." in right
    assert "As recognised: I handle invoicing and the aging report" in right
    view.compare(attempts[0].id, attempts[1].id)
    assert "I handle invoicing and I call customers" in view.left_pane.text.toPlainText()
    assert "I own the receivables cycle end to end" in view.right_pane.text.toPlainText()
    assert not view.right_pane.play_button.isEnabled()  # typed-in run kept no recording

    # Clicking an attempt row shows it; the latest one can be heard again.
    tree.setCurrentItem(top.child(2))
    pane = view.right_pane
    assert pane.current.id == latest and pane.play_button.isEnabled()
    view.grab().save(str(artifacts / "history_view.png"))
    qtbot.mouseClick(pane.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.player.position() > 300, timeout=15000)
    assert pane.player.is_playing()
    assert pane.play_button.text() == "Stop"
    assert "application.name" in pulse_server.pactl("list", "sink-inputs")  # heard by the server
    qtbot.mouseClick(pane.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.play_button.text() == "Play recording", timeout=5000)
    # Let the player's audio thread wind down while the UI is idle, as it is after a
    # person clicks Stop: PySide6 6.12 can deadlock if it does so during chart updates.
    qtbot.wait(1500)

    # The all-sessions row charts each session's mean.
    view.select_question(ALL)
    means = [round(s.mean_coverage * 100, 3) for s in store.sessions()]
    assert [round(p.y(), 3) for p in view.chart.coverage.points()] == means
    assert view.chart.chart().title() == "Every session: mean coverage and pace"
    qtbot.wait(100)  # let the chart lay out its new title before the picture
    view.grab().save(str(artifacts / "history_view_sessions.png"))


def test_empty_history_view(qtbot) -> None:
    view = HistoryView(HistoryStore())
    qtbot.addWidget(view)
    assert view.summary.text() == "Reading your history…"
    with qtbot.waitSignal(view.loaded, timeout=10000):
        pass  # the reading finishes in the background; the view fills in when it arrives
    assert view.tree.topLevelItemCount() == 1
    assert "0 sessions, 0 attempts" in view.summary.text()
    assert view.chart.coverage.count() == 0
