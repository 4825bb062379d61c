"""The app follows the system's light or dark palette, highlights included."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.practice import Attempt
from interviewer.transcript import Transcript
from interviewer.ui.highlight import HIT, colors_for
from interviewer.ui.result_screen import ResultScreen, is_dark


def _dark() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#202124"),
                        (QPalette.ColorRole.Base, "#2b2b2b"),
                        (QPalette.ColorRole.Text, "#e8e8e8"),
                        (QPalette.ColorRole.WindowText, "#e8e8e8")):
        palette.setColor(role, QColor(color))
    return palette


def test_highlights_switch_with_the_palette(qtbot) -> None:
    app = QApplication.instance()
    light = app.palette()
    question = load_library().question("ar-specialist/full-cycle-ar-experience")
    screen = ResultScreen()
    qtbot.addWidget(screen)
    answer = Transcript.typed("I work the aging report every week.")
    attempt = Attempt(question, 1, answer, feedback=score_answer(question, answer))
    screen.show_attempt(attempt, None, is_last=False)
    screen.reveal_sample()
    assert colors_for(False)[HIT] in screen.answer_view.toHtml()
    try:
        app.setPalette(_dark())
        qtbot.waitUntil(lambda: screen.palette().color(QPalette.ColorRole.Base).name()
                        == "#2b2b2b", timeout=5000)
        assert is_dark()
        assert colors_for(True)[HIT] in screen.answer_view.toHtml()
        assert colors_for(True)[HIT] in screen.sample_view.toHtml()
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: colors_for(False)[HIT] in screen.answer_view.toHtml(),
                    timeout=5000)
