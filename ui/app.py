"""Start the desktop app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from interviewer import __version__


def build_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("interviewer")
    label = QLabel("interviewer: the practice screens are being built. "
                   "Meanwhile: interviewer --help")
    label.setMargin(24)
    window.setCentralWidget(label)
    window.resize(720, 480)
    return window


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("interviewer")
    app.setApplicationVersion(__version__)
    window = build_window()
    window.show()
    return app.exec()
