"""The help screen (F1): how interviewer works in plain words, and every keyboard
shortcut, so a whole round works without the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from interviewer.ui.help_page import help_page
from interviewer.ui.widgets import label

SHORTCUTS = (
    ("Enter", "Start screen", "Start the round"),
    ("Ctrl+R", "Start screen", "Recover answers a crash left unsaved (when there are any)"),
    ("Space", "Question", "Start or stop recording your answer"),
    ("R", "Question", "Replay the question"),
    ("Esc", "Question", "Stop the interviewer's voice"),
    ("Ctrl+H", "Question", "Hide or show the question text"),
    ("T", "Question", "Type your answer instead of speaking"),
    ("Ctrl+Enter", "Question / Result", "Score the typed or corrected answer"),
    ("Ctrl+O", "Question", "Load a recording of your answer"),
    ("Ctrl+E", "Question", "End the round"),
    ("S", "Result", "Show the sample answer"),
    ("E", "Result", "Correct the transcript"),
    ("P", "Result", "Play your own recording"),
    ("H", "Result", "Hear the sample answer read aloud"),
    ("Ctrl+Z", "Result", "Retry the question (every attempt is kept)"),
    ("1 to 5", "Result", "Rate how the answer felt (optional; review mode weighs it)"),
    ("N", "Result", "Next question"),
    ("Ctrl+S", "Summary", "Save the session report (PDF, HTML or Markdown)"),
    ("Ctrl+,", "Anywhere", "Settings"),
    ("Ctrl+Shift+H", "Anywhere", "History and progress"),
    ("Ctrl+I", "Anywhere", "Import a question bank from a CSV or Markdown file"),
    ("Ctrl+J", "Anywhere", "Practise for a job posting: paste it or open its file"),
    ("F1", "Anywhere", "This help"),
    ("Ctrl+Q", "Anywhere", "Quit"),
)


class HelpDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Help")
        self.setAccessibleName("Help")
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Help topics")
        self.page = help_page()
        self.tabs.addTab(self.page, "How it works")
        keys = QWidget()
        keys_lay = QVBoxLayout(keys)
        keys_lay.addWidget(label("Hear the question, press Space and answer out loud, press "
                                 "Space again. Every step has a key:", "How a round works"))
        table = QTableWidget(len(SHORTCUTS), 3)
        table.setAccessibleName("Shortcuts")
        table.setHorizontalHeaderLabels(["Key", "Where", "What it does"])
        for row, cells in enumerate(SHORTCUTS):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, col, item)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # the description wraps inside the window's width: no sideways scrolling
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
        self.table = table
        keys_lay.addWidget(table, 1)
        self.tabs.addTab(keys, "Keyboard shortcuts")
        lay.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close help")
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._fit()

    def _fit(self) -> None:
        """About 75 characters wide and tall enough for the shortcuts, within the screen."""
        room = self.screen().availableGeometry()
        char = self.fontMetrics().horizontalAdvance("0")
        line = self.fontMetrics().lineSpacing()
        self.resize(min(char * 75, round(room.width() * 0.95)),
                    min(line * (len(SHORTCUTS) + 12), round(room.height() * 0.95)))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()
