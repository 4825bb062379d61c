"""Start the desktop app: load settings and banks, open the start screen."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from interviewer import __version__, settings
from interviewer.banks import load_library
from interviewer.ui.app_icon import app_icon
from interviewer.ui.jobs import Jobs
from interviewer.ui.main_window import MainWindow
from interviewer.ui.quit_signals import close_on_signals


def build_window(jobs: Jobs | None = None, **kwargs) -> MainWindow:
    """The main window on the start screen, opened on the last choice."""
    window = MainWindow(jobs or Jobs(), settings.load(), load_library(), **kwargs)
    window.setWindowIcon(app_icon())
    return window


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationName("interviewer")
    app.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("interviewer")  # docks match the launcher entry by it
    QApplication.setWindowIcon(app_icon())
    window = build_window()
    close_on_signals(window)  # a logout or `kill` saves the answer on screen, as Quit does
    window.show()
    QTimer.singleShot(0, window.first_start_check)  # first start: hear yourself first
    return app.exec()
