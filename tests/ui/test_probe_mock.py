"""Issue 23's mock through the microphone: spoken answers played into the virtual
microphone of a real PulseAudio server, the interviewer's voice on its speaker.

The story answer leaves out why the customer was not paying and how it ended; the
interviewer speaks two probes (the result first, then the cause), the spoken answers to
them cover those points, and the summary and the PDF report say "covered after a probe".
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from interviewer import settings as settings_store
from interviewer.banks import load_library
from interviewer.practice.exchange import AFTER_PROBE, after_probe_labels
from interviewer.practice.probing import result_probe
from interviewer.ui.audio_in import MicrophoneInput
from interviewer.ui.jobs import Jobs
from interviewer.ui.main_window import MainWindow
from tests.speaker_tap import SpeakerTap
from tests.ui.conftest import shot
from tests.ui.file_dialog import answer_file_dialog

HERE = Path(__file__).resolve().parent / "probe_mock"
SPOKEN = [HERE / f"{name}.flac" for name in
          ("p1-opening", "p2-story", "p3-result", "p4-cause", "p5-closing")]
SEED = 48  # ar-coordinator, 3 questions: opening, difficult-customer-payment-plan, closing
CAUSE = "Found out why they weren't paying"


def test_a_spoken_mock_probes_the_missing_cause_and_result(qtbot, pulse_server, artifacts,
                                                           tmp_path) -> None:
    s = settings_store.load()
    s.speak_questions, s.auto_record, s.silence_stop_s = True, True, 2.5
    s.mode, s.mock_count, s.bank_id, s.probes = "mock", 3, "ar-coordinator", "two"
    window = MainWindow(Jobs(), s, load_library(), input_factory=lambda _s: MicrophoneInput())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    ctl, qs = window.controller, window.question_screen
    ctl.seed = SEED
    said: list[str] = []  # every line the interviewer's voice was given
    speak = ctl.voice.say
    ctl.voice.say = lambda text: (said.append(text), speak(text))[1]
    queue = list(SPOKEN)
    players: list[subprocess.Popen] = []

    def answer_out_loud() -> None:  # the candidate starts talking once recording starts
        if queue:
            players.append(pulse_server.play_into_mic(queue.pop(0)))

    ctl.recording_started.connect(answer_out_loud)
    tap = SpeakerTap(tmp_path / "speaker.raw")
    try:
        qtbot.keyClick(window.start_screen.start_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ctl.round is not None, timeout=60000)  # the persona loaded
        plan = list(ctl.round.questions)
        assert [q.slug for q in plan] == ["accounting-and-ar-experience",
                                          "difficult-customer-payment-plan", "why-this-role"]
        story = plan[1]
        # the story question, while the spoken answer runs: the length bar against 60-120 s
        qtbot.waitUntil(lambda: ctl.round.index == 1 and ctl.capture is not None
                        and qs.length.bar.value() >= 6, timeout=240000)
        assert qs.length.target == (60, 120) and "aim for 60-120 s" in qs.length.bar.format()
        shot(window, artifacts, "23-probe-mock-question-timer")
        qtbot.waitUntil(lambda: len(ctl.round.attempts_for(story.id)) == 3, timeout=400000)
        with qtbot.waitSignal(ctl.round_finished, timeout=300000):
            pass
    finally:
        heard = tap.loud_seconds()
        for player in players:
            player.wait(timeout=60)

    first, probed, second = ctl.round.attempts_for(story.id)
    cause = next(k for k in story.key_points if k.label == CAUSE)
    # the interviewer spoke both probes, the result first, each after the story
    assert [a.follow_up for a in (first, probed, second)] == [
        None, result_probe(story).line, cause.probes[0]]
    spoken_story = said.index(next(line for line in said if line.endswith(story.text)))
    assert said[spoken_story + 1:spoken_story + 3] == [probed.follow_up, second.follow_up]
    assert heard > 5  # the voice really went out on the speaker
    assert all(a.transcript.engine not in ("typed", "") for a in (first, probed, second))
    # the first answer missed both points; the answers to the probes covered them
    missed_first = {p.label for p in first.feedback.key_points if not p.covered}
    assert {"Result", CAUSE} <= missed_first
    assert set(after_probe_labels(first.feedback, second.feedback)) >= {"Result", CAUSE}
    assert sum(len(ctl.round.attempts_for(q.id)) for q in plan) == 5

    summary = window.summary_screen
    assert window.stack.currentWidget() is summary
    table = summary.table
    assert f"↳ follow-up: {probed.follow_up}" in table.item(1, 0).text()
    assert f"↳ follow-up: {second.follow_up}" in table.item(1, 0).text()
    assert AFTER_PROBE in table.item(1, 3).text() and CAUSE in table.item(1, 3).text()
    assert summary.glance.follow_ups.number.text() == "2"
    shot(window, artifacts, "23-probe-mock-summary")

    report = tmp_path / "probe-mock.pdf"
    qtbot.waitUntil(lambda: second.history_id is not None, timeout=20000)
    answer_file_dialog(report)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.keyClick(summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Saved the session report" in window.messages.message,
                    timeout=60000)
    text = subprocess.run(["pdftotext", "-layout", str(report), "-"], capture_output=True,
                          text=True, check=True).stdout
    shutil.copy(report, artifacts / "23-probe-mock-report.pdf")  # for a person to read
    words = unicodedata.normalize("NFKC", " ".join(text.split()))
    assert f"Follow-up: {probed.follow_up}" in words
    assert f"Follow-up: {second.follow_up}" in words
    assert f"Result ({AFTER_PROBE})" in words and f"{CAUSE} ({AFTER_PROBE})" in words
    window.controller.shutdown()
    window.jobs.wait(20000)
