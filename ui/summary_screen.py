"""The end of a round: every question, its best coverage, and the follow-ups asked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ui.attempt import Attempt
from ui.widgets import button, heading, label


class SummaryScreen(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Summary screen")
        lay = QVBoxLayout(self)
        self.title = heading("Round complete", "Summary title", 1.5)
        lay.addWidget(self.title)
        self.overall = label("", "Overall result")
        lay.addWidget(self.overall)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Answers in this round")
        self.table.setHorizontalHeaderLabels(["Question", "Attempts", "Coverage", "Missed"])
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)
        self.back_button = button("Back to start", "Back to start", "Choose another round",
                                  "Return", self.back_requested.emit, self)
        lay.addWidget(self.back_button)

    def focus_target(self) -> QWidget:
        return self.back_button

    def show_round(self, title: str, attempts: list[list[Attempt]], closing: str = "") -> None:
        """`attempts` holds, per question asked, every attempt at it (follow-ups included)."""
        self.title.setText(title)
        rows = [group for group in attempts if group]
        self.table.setRowCount(len(rows))
        scores = []
        for row, group in enumerate(rows):
            main = [a for a in group if not a.follow_up] or group
            best = max(main, key=lambda a: a.feedback.coverage if a.feedback else -1)
            coverage = best.feedback.coverage if best.feedback else None
            if coverage is not None:
                scores.append(coverage)
            follow = [a for a in group if a.follow_up]
            text = group[0].question.text + (f"\n↳ follow-up: {follow[0].follow_up}"
                                              if follow else "")
            missed = ", ".join(best.feedback.missed) if best.feedback else "not scored"
            cells = [text, str(len(main)), f"{coverage:.0%}" if coverage is not None else "—",
                     missed]
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        average = f"Average coverage {sum(scores) / len(scores):.0%}" if scores else ""
        answered = f"{len(rows)} question{'s' if len(rows) != 1 else ''} answered"
        self.overall.setText(" · ".join(p for p in (closing, answered, average) if p))
        self.back_button.setFocus()
