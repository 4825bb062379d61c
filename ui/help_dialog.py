"""The help screen: every keyboard shortcut, so a whole round works without the mouse."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout

from ui.widgets import heading, label

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
    ("F1", "Anywhere", "This help"),
    ("Ctrl+Q", "Anywhere", "Quit"),
)


class HelpDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Help: keyboard shortcuts")
        self.setAccessibleName("Help")
        lay = QVBoxLayout(self)
        lay.addWidget(heading("Keyboard shortcuts", "Help title"))
        lay.addWidget(label("Hear the question, press Space and answer out loud, press Space "
                            "again. Then compare your words with the sample answer: key "
                            "points you hit are green in both texts, the ones you missed are "
                            "listed and amber in the sample.", "How a round works"))
        table = QTableWidget(len(SHORTCUTS), 3)
        table.setAccessibleName("Shortcuts")
        table.setHorizontalHeaderLabels(["Key", "Where", "What it does"])
        for row, cells in enumerate(SHORTCUTS):
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close help")
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 720)
