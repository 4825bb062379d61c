"""The probe and wrap-up settings, set in the Settings dialog as a person would, reach
the round: "One" probe means one follow-up, the cue can be turned off."""

from __future__ import annotations

from PySide6.QtCore import Qt

from interviewer.ui.settings_dialog import SettingsDialog


def test_probe_settings_in_the_dialog(make_window, qtbot) -> None:
    from interviewer.settings import Settings

    assert Settings().probe_practice  # on by default; make_window turns it off
    window = make_window(probe_practice=True)
    dialog = SettingsDialog(window.settings, window.jobs, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.probes.currentData() == "two" and dialog.probe_practice.isChecked()
    assert dialog.wrap_up.isChecked()
    dialog.probes.setFocus()
    qtbot.keyClick(dialog.probes, Qt.Key.Key_Up)  # "Up to two" -> "One"
    dialog.wrap_up.setFocus()
    qtbot.keyClick(dialog.wrap_up, Qt.Key.Key_Space)
    chosen = dialog.result_settings()
    assert chosen.probes == "one" and not chosen.wrap_up_cue and chosen.probe_practice
    dialog.reject()


def test_the_length_bar_cues_once_at_the_top_of_the_target(make_window) -> None:
    window = make_window(auto_record=False)
    bar = window.question_screen.length
    bar.set_target((60, 120))
    bar.set_elapsed(30)
    assert bar.bar.value() == 30 and "aim for 60-120 s" in bar.bar.format()
    bar.set_elapsed(121)
    bar.wrap_up()
    bar.wrap_up()
    assert bar.cued and bar.cue.text() == "Time to wrap up" and bar._pulses == 6
    bar.set_target((30, 90))  # the next answer starts quiet again
    assert not bar.cued and bar.cue.text() == ""
