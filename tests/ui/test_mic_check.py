"""The microphone check: speech from the audio server's virtual microphone moves the
level, two seconds of it come back out of the speaker, and the recognizer says what it
heard; offered on first start and from Settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from interviewer.capture.mic_check import playback_clip, verdict
from interviewer.pcm import BYTES_PER_SECOND
from interviewer.settings import Settings
from interviewer.ui.jobs import Jobs
from interviewer.ui.mic_check import MicCheckDialog
from interviewer.ui.settings_dialog import SettingsDialog
from tests.speaker_tap import SpeakerTap
from tests.ui.recordings import DASHWOOD, pcm_of


def test_speak_see_the_level_hear_it_back_and_read_what_was_heard(
        qtbot, pulse_server, tmp_path: Path, artifacts) -> None:
    dialog = MicCheckDialog(Jobs(), Settings(engine="sphinx"), first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    levels: list[int] = []
    dialog.level.valueChanged.connect(levels.append)
    dialog.test_button.click()
    player = pulse_server.play_into_mic(DASHWOOD)
    qtbot.waitUntil(lambda: max(levels, default=0) > 30, timeout=10000)
    tap = SpeakerTap(tmp_path / "speaker.raw")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Played back"), timeout=30000)
    qtbot.waitUntil(lambda: "heard:" in dialog.heard.text(), timeout=60000)
    player.wait(30)
    loud = tap.loud_seconds()
    assert 0.5 < loud <= 2.1  # two seconds of speech came out, not the whole test
    heard = dialog.heard.text().lower()
    assert any(word in heard for word in ("family", "dashwood", "sussex", "long", "settled"))
    dialog.grab().save(str(artifacts / "mic-check-heard.png"))
    dialog.accept()


def test_settings_opens_the_check_and_keeps_the_microphone_chosen(qtbot) -> None:
    dialog = SettingsDialog(Settings(), Jobs())
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[str] = []

    def answer() -> None:
        check = QApplication.activeModalWidget()
        if not isinstance(check, MicCheckDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(check.windowTitle())
        check.accept()

    QTimer.singleShot(0, answer)
    dialog.check_microphone.click()
    assert seen == ["Check your microphone"]
    dialog.jobs.wait(30000)  # the voice list it asked for has come
    qtbot.wait(50)


def test_first_start_offers_the_check_once(make_window, qtbot) -> None:
    window = make_window(microphone_checked=False)
    shown: list[bool] = []

    def skip() -> None:
        check = QApplication.activeModalWidget()
        if not isinstance(check, MicCheckDialog):
            QTimer.singleShot(20, skip)
            return
        shown.append(True)
        check.reject()  # Skip

    QTimer.singleShot(0, skip)
    window.first_start_check()
    assert shown == [True] and window.settings.microphone_checked
    window.first_start_check()  # the next start: not again
    assert shown == [True]


def test_the_playback_starts_at_the_first_word_and_lasts_two_seconds() -> None:
    speech = pcm_of(DASHWOOD)
    pcm = b"\0\0" * 16000 + speech  # a second of silence first
    clip = playback_clip(pcm)
    assert len(clip) == 2 * BYTES_PER_SECOND
    assert clip.strip(b"\0")  # speech, not the silence before it
    assert verdict(b"\0" * 1000, None).startswith("Nothing came from this microphone")
    assert "very quiet" in verdict(b"\x00\x01" * 16000, "")
    assert "too quiet to hear" in verdict(b"\x10\x00" * 16000, "")
    assert verdict(speech, "hello there") == ("The recognizer heard: \u201chello there\u201d. "
                                             "If that is what you said, you are ready.")
