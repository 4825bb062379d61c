"""The settings dialog's voice row: natural voices first, and a sample heard on the speaker."""

from __future__ import annotations

from pathlib import Path

import soundfile

from interviewer.settings import Settings
from interviewer.ui.jobs import Jobs
from interviewer.ui.settings_dialog import SettingsDialog
from interviewer.voices.cache import TtsCache
from tests.speaker_tap import SpeakerTap


def open_dialog(qtbot, settings: Settings) -> SettingsDialog:
    dialog = SettingsDialog(settings, Jobs())
    qtbot.addWidget(dialog)
    dialog.show()
    # listed off the UI thread; English only unless all languages are asked for
    qtbot.waitUntil(lambda: len(dialog.voice_picker._voices) > 100, timeout=60_000)
    assert 2 < dialog.voice.count() < 30
    dialog.voice_picker.all_languages.click()
    assert dialog.voice.count() > 100
    dialog.voice_picker.all_languages.click()
    return dialog


def hear(qtbot, dialog: SettingsDialog, tap: SpeakerTap) -> float:
    dialog.voice_picker.hear_button.click()
    qtbot.waitUntil(lambda: dialog.note.text().startswith("Playing"), timeout=60_000)
    player = dialog.voice_picker._player
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=30_000)  # heard to the end
    return tap.loud_seconds()


def test_the_natural_voice_comes_first_and_its_sample_is_heard(pulse_server, qtbot,
                                                               tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, Settings())
    assert dialog.voice.itemText(0) == "Persona's voice"
    assert dialog.voice.itemText(1) == "Joe (English, United States) - natural"
    assert dialog.voice.itemData(1) == "piper:en_US-joe-medium"
    assert dialog.voice.itemText(2).endswith(" - system")
    dialog.voice.setCurrentIndex(1)
    assert hear(qtbot, dialog, SpeakerTap(tmp_path / "speaker.raw")) > 0.5
    (sample,) = TtsCache().entries()
    data, rate = soundfile.read(str(sample), dtype="int16")
    # joe at the default persona's volume (0.9 of Piper's full-scale sentences), 22.05 kHz
    assert rate == 22050 and abs(data.astype("int32")).max() == int(0.9 * 32767)
    assert dialog.result_settings().voice == "piper:en_US-joe-medium"


def test_a_saved_system_voice_is_selected_and_sampled(pulse_server, qtbot,
                                                      tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, Settings(voice="gmw/en"))  # saved before backends were named
    assert dialog.voice.currentData() == "pyttsx3:gmw/en"
    dialog.rate.setValue(200)
    assert hear(qtbot, dialog, SpeakerTap(tmp_path / "speaker.raw")) > 0.5
    assert "English (Great Britain) - system" in dialog.note.text()
    assert dialog.result_settings().voice == "pyttsx3:gmw/en"
