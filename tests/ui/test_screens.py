"""Every screen a person sees: saved as PNG, every control named, shortcuts in tooltips."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from interviewer import settings as settings_store
from interviewer.ui.help_dialog import SHORTCUTS, HelpDialog
from interviewer.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import shot

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QProgressBar,
            QAbstractSpinBox, QListWidget, QTableWidget)


def unnamed_controls(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} '{getattr(w, 'text', lambda: '')()}'"
            for w in root.findChildren(QWidget)
            if isinstance(w, CONTROLS) and not w.accessibleName()
            and not w.objectName().startswith("qt_")  # Qt's own parts (corner, menu ext.)
            and w.parent() is not None and type(w.parent()).__name__ not in
            ("QComboBox", "QAbstractSpinBox", "QSpinBox", "QDoubleSpinBox")
            and not type(w).__name__.startswith("QComboBoxPrivate")]


def test_every_control_has_an_accessible_name(make_window) -> None:
    window = make_window()
    assert unnamed_controls(window) == []
    dialog = SettingsDialog(window.settings, window.jobs, window)
    assert unnamed_controls(dialog) == []
    assert unnamed_controls(HelpDialog(window)) == []


def test_tooltips_show_the_keys(make_window) -> None:
    window = make_window()
    qs, rs = window.question_screen, window.result_screen
    expected = {qs.record_button: "Space", qs.replay_button: "(R)", rs.reveal_button: "(S)",
                rs.next_button: "(N)", rs.retry_button: "(Ctrl+Z)"}
    for widget, key in expected.items():
        assert key in widget.toolTip(), widget.toolTip()
    keys = {row[0] for row in SHORTCUTS}
    assert {"Space", "R", "S", "N", "Ctrl+Z"} <= keys


def test_settings_and_help_screens(make_window, qtbot, artifacts) -> None:
    window = make_window()
    seen: dict = {}

    def capture_dialog(name: str, attr: str) -> None:
        dialog = getattr(window, attr, None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(50, lambda: capture_dialog(name, attr))
            return
        qtbot.wait(300)  # the voices list arrives from the background
        seen[name] = shot(dialog, artifacts, name)
        dialog.reject()

    QTimer.singleShot(50, lambda: capture_dialog("07-settings", "settings_dialog"))
    window.settings_action.trigger()
    QTimer.singleShot(50, lambda: capture_dialog("08-help", "help_dialog"))
    window.help_action.trigger()
    assert set(seen) == {"07-settings", "08-help"}
    assert window.help_dialog.findChild(QTableWidget).rowCount() == len(SHORTCUTS)


def test_settings_dialog_saves_typed_values(make_window, qtbot) -> None:
    window = make_window()
    dialog = SettingsDialog(window.settings, window.jobs, window)
    dialog.font_size.setValue(15)
    dialog.silence.setValue(2.5)
    dialog.auto_record.setChecked(False)
    new = dialog.result_settings()
    assert (new.font_pt, new.silence_stop_s, new.auto_record) == (15, 2.5, False)
    assert window.settings.font_pt != 15  # the dialog edits a copy until saved
    window.settings.font_pt = 15
    window.apply_font()
    try:
        assert QApplication.font().pointSize() == 15
        assert window.result_screen.details.font().pointSize() == 15
    finally:
        window.settings.font_pt = 11
        window.apply_font()


def test_opens_on_the_last_choice(make_window, qtbot) -> None:
    window = make_window(bank_id="ar-collector", shuffle=False)
    start = window.start_screen
    start.mode_buttons["review"].setChecked(True)
    start.difficulty_boxes["hard"].setChecked(True)
    start.store(window.settings)
    window.close()
    saved = settings_store.load()
    assert (saved.bank_id, saved.mode, saved.difficulties) == ("ar-collector", "review",
                                                               ["hard"])
    again = make_window()
    choice = again.start_screen.choice()
    assert (choice.bank_id, choice.mode, choice.difficulties) == ("ar-collector", "review",
                                                                  ("hard",))


def test_hidden_question_is_only_heard(make_window, qtbot, artifacts) -> None:
    from PySide6.QtCore import Qt

    from interviewer.ui.question_screen import HIDDEN_TEXT

    window = make_window(bank_id="ar-specialist", auto_record=False)
    window.start_screen.start_button.click()
    qs = window.question_screen
    question = window.controller.round.current.text
    assert qs.question.text() == question
    qtbot.keyClick(qs.record_button, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert qs.question.text() == HIDDEN_TEXT and window.settings.hide_question_text
    shot(window, artifacts, "02b-question-hidden")
    window.controller.next_question()
    assert qs.question.text() == HIDDEN_TEXT  # the choice holds for the next question
    qtbot.keyClick(qs.record_button, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert qs.question.text() == window.controller.round.current.text
