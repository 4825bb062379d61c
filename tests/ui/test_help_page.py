"""F1 opens Help: how scoring, the figures and review work, where files live, and how
to add a voice or model offline; the folders are this machine's own."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from interviewer import paths
from tests.ui.conftest import shot


def test_f1_opens_help_that_explains_in_plain_words(make_window, qtbot, artifacts) -> None:
    window = make_window()
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = getattr(window, "help_dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(50, read_and_close)
            return
        seen.append(dialog.page.toPlainText())
        shot(dialog, artifacts, "help-how-it-works")
        dialog.reject()

    QTimer.singleShot(50, read_and_close)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # the key a person presses
    (text,) = seen
    for section in ("How an answer is scored", "What each figure means", "How review works",
                    "Where your recordings and history are",
                    "Add a voice or a speech model without a network"):
        assert section in text
    assert str(paths.recordings_dir()) in text and str(paths.history_db()) in text
    assert "less than 45%" in text and "100 to 165" in text
    assert "interviewer voices install NAME.onnx" in text
    assert "Install from a file" in text
