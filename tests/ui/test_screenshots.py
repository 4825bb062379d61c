"""Every screen at 1366x768, at the default and the largest font size, saved as PNG to be
looked at; and nothing a person must read is cut off (labels fit, no horizontal scroll)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QScrollArea, QWidget

from interviewer.ui.settings_dialog import SettingsDialog
from tests.conftest import REPO
from tests.ui.conftest import shot
from tests.ui.recordings import AMIABLE, DASHWOOD, NOT_ILL, pcm_of

SCREEN = (1366, 768)
LARGEST = SettingsDialog.LARGEST_FONT if hasattr(SettingsDialog, "LARGEST_FONT") else 32


def cut_off(root: QWidget) -> list[str]:
    """Visible one-line labels narrower than their text, and views that scroll sideways."""
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.window() is not root.window():
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and not w.pixmap() \
                and "<" not in w.text() and w.width() < w.sizeHint().width() - 1:
            found.append(f"label '{w.text()[:40]}' {w.width()} < {w.sizeHint().width()}")
        if isinstance(w, QAbstractScrollArea) and w.horizontalScrollBar().isVisible():
            found.append(f"{type(w).__name__} '{w.accessibleName()}' scrolls sideways")
        if isinstance(w, QScrollArea) and w.widget() is not None \
                and w.widget().width() > w.viewport().width():
            found.append(f"'{w.accessibleName()}' is wider than its view: the right is cut")
    return found


def _look(window: QWidget, artifacts, name: str, problems: dict) -> None:
    QApplication.processEvents()
    shot(window, artifacts, name)
    problems[name] = cut_off(window)
    if window.width() > SCREEN[0] or window.height() > SCREEN[1]:  # forced past the screen
        problems[name].append(f"{window.width()}x{window.height()} does not fit 1366x768")


def _dialog_shot(window, attr: str, artifacts, name: str, problems: dict, qtbot) -> None:
    def capture() -> None:
        dialog = getattr(window, attr, None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(50, capture)
            return
        qtbot.wait(300)
        _look(dialog, artifacts, name, problems)
        dialog.reject()
    QTimer.singleShot(50, capture)


def test_screens_under_xvfb_at_1366x768() -> None:
    """The screens below, drawn by a real X server (Xvfb) with a 1366x768 screen of its
    own, in a process of their own: the Qt platform is chosen once per process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24",
                           sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"{__file__}::test_every_screen_at_1366x768"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "2 passed" in done.stdout


def _every_screen(make_window, qtbot, artifacts, font_pt) -> None:
    spoken = [pcm_of(p) for p in (NOT_ILL, DASHWOOD, AMIABLE)] * 3
    window = make_window(spoken, bank_id="ar-coordinator", shuffle=False,
                         auto_record=False, font_pt=font_pt, mock_count=3,
                         microphone_checked=False)
    window.resize(*SCREEN)  # as maximized on a 1366x768 display (Xvfb has no window manager)
    window.apply_font()
    ctl, qs, start = window.controller, window.question_screen, window.start_screen
    problems: dict[str, list[str]] = {}
    size = f"{font_pt}pt"
    _dialog_shot(window, "mic_check", artifacts, f"shot-{size}-0-microphone-check", problems,
                 qtbot)
    window.first_start_check()  # what a first start shows before anything else
    window.activateWindow()  # back from the dialog: keys go to the window again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    _look(window, artifacts, f"shot-{size}-1-start", problems)

    qtbot.keyClick(start.start_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is qs, timeout=10000)
    _look(window, artifacts, f"shot-{size}-2-question", problems)
    with qtbot.waitSignal(ctl.result_shown, timeout=60000):
        qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)  # the recording plays in
    _look(window, artifacts, f"shot-{size}-3-result", problems)
    qtbot.keyClick(window.result_screen, Qt.Key.Key_S)
    _look(window, artifacts, f"shot-{size}-3b-result-sample", problems)

    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(start.review_now.isVisible, timeout=10000)  # that answer was weak
    _look(window, artifacts, f"shot-{size}-1b-review-start", problems)
    start.mode_buttons["mock"].click()
    qtbot.keyClick(start.start_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.round is not None and ctl.round.mode == "mock", timeout=10000)
    while window.stack.currentWidget() is not window.summary_screen:
        asked = (ctl.round.index, ctl.follow_up)
        qtbot.keyClick(qs.record_button, Qt.Key.Key_Space)  # a recording plays in
        qtbot.waitUntil(lambda a=asked: (ctl.round.index, ctl.follow_up) != a
                        or window.stack.currentWidget() is window.summary_screen,
                        timeout=60000)
    _look(window, artifacts, f"shot-{size}-4-mock-summary", problems)
    assert len(window.summary_screen.glance.pace.values) == 3  # every spoken answer's pace

    window.history_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "history_window", None) is not None, timeout=10000)
    history = window.history_window
    history.resize(*SCREEN)
    qtbot.waitUntil(lambda: "attempt" in history.summary.text(), timeout=10000)
    qtbot.wait(200)
    _look(history, artifacts, f"shot-{size}-5-history", problems)
    history.close()

    _dialog_shot(window, "help_dialog", artifacts, f"shot-{size}-6-help", problems, qtbot)
    window.help_action.trigger()
    _dialog_shot(window, "settings_dialog", artifacts, f"shot-{size}-7-settings", problems,
                 qtbot)
    window.settings_action.trigger()
    assert {k: v for k, v in problems.items() if v} == {}
    assert len(problems) == 10


if os.environ.get("QT_QPA_PLATFORM") == "xcb":  # only in the X server process started above
    @pytest.mark.parametrize("font_pt", [11, LARGEST])
    def test_every_screen_at_1366x768(make_window, qtbot, artifacts, font_pt) -> None:
        screen = QApplication.primaryScreen().availableGeometry()
        assert (screen.width(), screen.height()) == SCREEN
        _every_screen(make_window, qtbot, artifacts, font_pt)
