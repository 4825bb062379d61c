"""What the app offers at start: answers a crash left unsaved, and how many questions are due."""

from __future__ import annotations

import os
import wave
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer

from interviewer import paths
from interviewer.banks import load_library
from interviewer.capture.recording import recording_name
from interviewer.errors import InterviewerError
from interviewer.history import HistoryStore, find_orphans
from interviewer.speech.wer import normalized_wer
from interviewer.ui.jobs import Jobs
from tests.interviewer.recordings import crashed_recording
from tests.ui.conftest import shot
from tests.ui.recordings import NOT_ILL, long_answer, pcm_of


def test_an_answer_a_crash_cut_off_is_offered_back_and_saved(make_window, qtbot,
                                                              artifacts) -> None:
    library = load_library()
    question = library.bank("ar-coordinator").questions[3]
    folder = paths.ensure(paths.recordings_dir())
    spoken = pcm_of(NOT_ILL)
    crashed = crashed_recording(folder / recording_name(question), spoken)

    window = make_window(auto_record=False)
    start, ctl = window.start_screen, window.controller
    qtbot.waitUntil(start.recover_button.isVisible, timeout=10000)
    assert start.orphan_note.text().startswith("1 recorded answer was not saved")
    shot(window, artifacts, "08-start-unsaved-answer")

    seen = {}

    def pick_it() -> None:  # runs inside the dialog, as a person would click
        dialog = window.orphan_dialog
        seen["rows"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen["chosen"] = dialog.chosen()
        shot(dialog, artifacts, "09-recover-dialog")
        dialog.score_button.click()

    QTimer.singleShot(0, pick_it)
    with qtbot.waitSignal(ctl.result_shown, timeout=60000) as shown:
        qtbot.keyClick(start, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert len(seen["rows"]) == 1 and seen["rows"][0].endswith(question.text)
    assert seen["chosen"] == (crashed, question)

    attempt = shown.args[0]
    assert attempt.question == question and attempt.audio_path == crashed
    # the whole answer, to its last words, whichever engine finished it
    assert normalized_wer("he was not an ill disposed young man", attempt.transcript.text) <= 0.25
    assert attempt.transcript.duration * 32000 == len(spoken)  # the lagging second too
    assert sorted(folder.iterdir()) == [crashed]  # scored from where it was, not copied
    assert window.stack.currentWidget() is window.result_screen
    assert not start.recover_button.isVisible()

    # Leaving the result screen any way at all keeps the attempt.
    window.start_action.trigger()
    qtbot.waitUntil(lambda: attempt.history_id is not None, timeout=10000)
    with HistoryStore() as store:
        saved = store.attempt(attempt.history_id)
        assert saved.audio_path == crashed and saved.question_id == question.id
        assert find_orphans(store, library) == []


def test_the_start_screen_says_how_many_questions_are_due(make_window, qtbot,
                                                          artifacts) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=30)
    with HistoryStore() as store:
        store.record_review("ar-specialist/prioritize-overdue-accounts", 0.1, now=long_ago)
        store.record_review("ar-specialist/full-cycle-ar-experience", 0.2, now=long_ago)
    window = make_window(bank_id="ar-specialist", auto_record=False)
    start = window.start_screen
    qtbot.waitUntil(start.due.isVisible, timeout=10000)
    assert start.due.text().startswith("Review: 2 questions in this role are due now")
    assert start.mode_buttons["review"].text().endswith("(2 due)")
    assert not start.recover_button.isVisible()  # no unsaved answers: nothing offered
    shot(window, artifacts, "10-start-due")

    start.bank.setCurrentIndex(start.bank.findData("ar-collector"))  # follows the role
    qtbot.waitUntil(lambda: "nothing is due" in start.due.text(), timeout=10000)
    assert start.mode_buttons["review"].text().endswith("(0 due)")


def test_the_recovery_dialog_deletes_only_what_it_is_asked_to(qtbot, tmp_path) -> None:
    from interviewer.ui.orphan_dialog import OrphanDialog

    library = load_library()
    question = library.bank("ar-specialist").questions[1]
    folder = paths.ensure(paths.recordings_dir())
    kept = crashed_recording(folder / recording_name(question, now=1_000.0), pcm_of(NOT_ILL))
    gone = crashed_recording(folder / "answer-19700101-000000-000000.wav", pcm_of(NOT_ILL))
    os.utime(kept, (1_000, 1_000))  # the unnamed one is newer, so it comes first
    with HistoryStore() as store:
        orphans = find_orphans(store, library)
    jobs = Jobs()
    dialog = OrphanDialog(orphans, library, jobs)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and dialog.chosen() == (gone, library.banks[0].questions[0])
    dialog.delete(0)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    assert not gone.exists() and kept.exists() and dialog.deleted == [gone]
    assert dialog.chosen() == (kept, question)
    dialog.delete(0)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10000)
    assert not dialog.score_button.isEnabled() and not dialog.delete_button.isEnabled()
    assert dialog.chosen() is None


def test_a_recording_that_cannot_be_deleted_is_named(tmp_path) -> None:
    from interviewer.ui.orphan_dialog import remove_recording

    stuck = tmp_path / "answer.wav"
    stuck.mkdir()  # a folder where the file should be: unlink refuses, even for root
    with pytest.raises(InterviewerError, match=r"answer\.wav: cannot delete it") as info:
        remove_recording(stuck)
    assert "permissions" in info.value.hint and stuck.exists()


def test_quitting_mid_answer_keeps_it_for_the_next_start(make_window, qtbot) -> None:
    first = make_window([long_answer(30)], bank_id="ar-collector", shuffle=False,
                        auto_record=False)
    ctl = first.controller
    first.start_screen.start_button.click()
    question = ctl.round.current
    ctl.start_recording()
    qtbot.waitUntil(lambda: ctl.capture is not None and ctl.capture.seconds > 3, timeout=30000)
    first.close()  # the candidate quits while still talking

    again = make_window(auto_record=False)
    qtbot.waitUntil(again.start_screen.recover_button.isVisible, timeout=10000)
    (orphan,) = again.orphans
    assert orphan.question == question and orphan.seconds > 3
    with wave.open(str(orphan.path)) as recorded:  # closed properly: the header counts all
        assert recorded.getnframes() * 2 == orphan.path.stat().st_size - 44
