"""The end of a round: every question, its best coverage, the follow-ups asked, the
strongest and weakest answers, delivery trends, and the session report."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interviewer.practice import Attempt
from interviewer.practice.exchange import AFTER_PROBE, after_probe_labels
from interviewer.practice.mock_summary import AnswerScore, Summary, standing_attempt, summarise
from interviewer.reports.format import clip
from interviewer.ui.glance import RoundGlance
from interviewer.ui.widgets import button, heading, label, scrolling


class SummaryScreen(QWidget):
    back_requested = Signal()
    report_requested = Signal()
    details_requested = Signal(str)  # a question id: show its answers in full

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Summary screen")
        page = QVBoxLayout(self)
        content = QWidget()
        lay = QVBoxLayout(content)
        lay.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scrolling(content, "Round summary"), 1)
        self.title = heading("Round complete", "Summary title", 1.5)
        lay.addWidget(self.title)
        self.overall = label("", "Overall result")
        lay.addWidget(self.overall)
        self.glance = RoundGlance()
        lay.addWidget(self.glance)
        self.highlights = label("", "Strongest, weakest and delivery")
        lay.addWidget(self.highlights)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Answers in this round")
        self.table.setHorizontalHeaderLabels(
            ["Question", "Attempts", "Coverage", "Missed · after a probe"])
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.Stretch,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip("Double-click or press Enter on a question to see your answers "
                              "in full")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellActivated.connect(self._on_row_activated)
        self.question_ids: list[str] = []
        lay.addWidget(self.table, 1)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        row = QHBoxLayout()
        self.report_button = button("Save the session &report…", "Save the session report",
                                    "Write this session as HTML, PDF or Markdown", "Ctrl+S",
                                    self.report_requested.emit, self)
        row.addWidget(self.report_button)
        row.addStretch(1)
        self.back_button = button("Back to start", "Back to start", "Choose another round",
                                  "Return", self.back_requested.emit, self)
        row.addWidget(self.back_button)
        page.addLayout(row)

    def focus_target(self) -> QWidget:
        return self.back_button

    def show_round(self, title: str, attempts: list[list[Attempt]], closing: str = "") -> None:
        """`attempts` holds, per question asked, every attempt at it (follow-ups included)."""
        self.title.setText(title)
        rows = [group for group in attempts if group]
        self.question_ids = [group[0].question.id for group in rows]
        self.table.setRowCount(len(rows))
        scores: list[AnswerScore] = []
        for row, group in enumerate(rows):
            main = [a for a in group if not a.follow_up] or group
            follow = [a for a in group if a.follow_up]
            best = standing_attempt(group) or group[0]
            coverage = best.feedback.coverage if best.feedback else None
            if coverage is not None:
                scores.append(_score(best, main + follow, len(follow)))
            text = _exchange_text(group[0].question.text, main[0], follow)
            missed = ", ".join(best.feedback.missed) if best.feedback else "not scored"
            after = after_probe_labels(best.root.feedback, best.feedback) if follow else []
            if after:
                missed = "\n".join(p for p in (missed, f"{AFTER_PROBE}: {', '.join(after)}")
                                   if p)
            cells = [text, str(len(main)), f"{coverage:.0%}" if coverage is not None else "—",
                     missed]
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        summary = summarise(scores) if scores else None
        self.glance.show_round(len(rows), summary)
        average = f"Average coverage {summary.overall:.0%}" if summary else ""
        answered = f"{len(rows)} question{'s' if len(rows) != 1 else ''} answered"
        self.overall.setText(" · ".join(p for p in (closing, answered, average) if p))
        self.highlights.setText(highlight_text(summary) if summary and len(scores) > 1 else "")
        self.highlights.setVisible(bool(self.highlights.text()))
        self.back_button.setFocus()

    def _on_row_activated(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.question_ids):
            self.details_requested.emit(self.question_ids[row])

    def set_report_available(self, available: bool) -> None:
        """A report needs the session in history; without history there is none to save."""
        self.report_button.setEnabled(available)


def _exchange_text(question: str, first: Attempt, follow: list[Attempt]) -> str:
    """The question as it went: the question, the answer, each probe and its answer."""
    lines = [question, f"  “{clip(first.text, 80)}”"]
    for attempt in follow:
        lines += [f"↳ follow-up: {attempt.follow_up}", f"  “{clip(attempt.text, 80)}”"]
    return "\n".join(lines)


def _score(best: Attempt, group: list[Attempt], followed_up: int) -> AnswerScore:
    """The question's score from its best attempt; pace and fillers from the best attempt
    that was spoken (a typed retry has no timings), so every spoken answer's pace counts."""
    score = AnswerScore.from_feedback(best.question, best.feedback, followed_up)
    timed = [(a.feedback.coverage, a.feedback.delivery) for a in group
             if a.feedback is not None and a.feedback.delivery is not None]
    if score.wpm is not None or not timed:
        return score
    spoken = max(timed, key=lambda pair: pair[0])[1]
    return replace(score, wpm=float(spoken.wpm), fillers=len(spoken.fillers))


def highlight_text(s: Summary) -> str:
    """Strongest and weakest answers, in words; pace and follow-ups are in the glance row."""
    if s.strongest.coverage == s.weakest.coverage:
        return f"Every answer covered {s.strongest.coverage:.0%} of its key points."
    return "\n".join([
        f"Strongest: {s.strongest.coverage:.0%}, {clip(s.strongest.question_text, 90)}",
        f"Weakest: {s.weakest.coverage:.0%}, {clip(s.weakest.question_text, 90)}"])
