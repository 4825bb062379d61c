"""Scrolling the settings with the mouse wheel scrolls them: a value box under the pointer
keeps its value until it is clicked or tabbed into."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from interviewer.settings import Settings
from interviewer.ui.jobs import Jobs
from interviewer.ui.settings_dialog import SettingsDialog


def wheel_over(widget: QWidget, notches: int) -> bool:
    """A wheel turn with the pointer over the middle of `widget`; True when it took it.

    Offscreen Qt has no pointer to turn, so the event goes straight to the box (where
    the system's turn arrives after passing its inner text field); an event it leaves
    unaccepted travels on to the scroll area behind it.
    """
    centre = widget.rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_leaves_an_unfocused_spin_box_alone(qtbot) -> None:
    dialog = SettingsDialog(Settings(silence_stop_s=3.0, time_limit_s=180), Jobs())
    qtbot.addWidget(dialog)
    dialog.resize(500, 300)  # short: the fields scroll
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.findChild(QScrollArea)
    dialog.note.setFocus()
    area.ensureWidgetVisible(dialog.silence)
    for _ in range(5):
        assert not wheel_over(dialog.silence, -1)  # left for the dialog to scroll
        assert not wheel_over(dialog.limit, -1)
        assert not wheel_over(dialog.engine, -1)
    assert dialog.silence.value() == 3.0
    assert dialog.limit.value() == 180
    assert dialog.engine.currentData() == "auto"
    assert dialog.result_settings().silence_stop_s == 3.0

    dialog.silence.setFocus()  # clicked into: now the wheel is meant for it
    qtbot.waitUntil(dialog.silence.hasFocus)
    assert wheel_over(dialog.silence, -1)
    assert dialog.silence.value() < 3.0


def test_voices_in_the_questions_language_unless_all_are_asked_for(qtbot) -> None:
    from interviewer.voices.selection import VoiceInfo

    voices = [VoiceInfo(id="de", name="German", languages=("de",), backend="pyttsx3"),
              VoiceInfo(id="en-us", name="English (America)", languages=("en-us",),
                        backend="pyttsx3"),
              VoiceInfo(id="en_US-joe-medium", name="Joe", languages=("en-us",),
                        backend="piper"),
              VoiceInfo(id="fr", name="French", languages=("fr-fr",), backend="pyttsx3")]
    dialog = SettingsDialog(Settings(voice="pyttsx3:fr"), Jobs())
    qtbot.addWidget(dialog)
    dialog.voice_picker.set_voices(voices, "pyttsx3:fr")
    listed = [dialog.voice.itemText(i) for i in range(dialog.voice.count())]
    # the saved French voice stays listed and chosen; German is left out
    assert listed == ["Persona's voice", "Joe - natural", "English (America) - system",
                      "French - system"]
    assert dialog.voice.currentData() == "pyttsx3:fr"
    dialog.voice_picker.all_languages.click()
    assert dialog.voice.count() == 5
    assert dialog.voice.currentData() == "pyttsx3:fr"
