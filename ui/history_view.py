"""The history screen: attempts per question, progress over time, replay, compare two answers.

Self-contained: give it a HistoryStore and place it anywhere. Every read runs in the
background (`read_snapshot`) and is shown when it arrives (`loaded`); call `refresh()`
after a new attempt is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interviewer import question_coverage
from interviewer.history import AttemptRecord, HistoryStore, SessionRecord
from interviewer.practice.exchange import stored_exchange
from interviewer.reports import format as fmt
from interviewer.ui.attempt_pane import AttemptPane
from interviewer.ui.history_chart import ProgressChart
from interviewer.ui.jobs import Jobs
from interviewer.ui.widgets import button

ALL = ""  # the tree item that stands for every question
ID_ROLE = Qt.ItemDataRole.UserRole


def _grouped(attempts: list[AttemptRecord]) -> dict[str, list[AttemptRecord]]:
    """Attempts per question, questions ordered by their latest attempt, newest first."""
    groups: dict[str, list[AttemptRecord]] = {}
    for attempt in attempts:
        groups.setdefault(attempt.question_id, []).append(attempt)
    return dict(sorted(groups.items(), key=lambda kv: kv[1][-1].created_at, reverse=True))


@dataclass(frozen=True)
class Snapshot:
    """Everything the screen shows, read in one go off the UI thread."""

    attempts: list[AttemptRecord]
    sessions: list[SessionRecord]
    due: int
    jobs: dict[int, str] = field(default_factory=dict)  # session id: the job posting's name


def read_snapshot(store: HistoryStore) -> Snapshot:
    from interviewer.posting.store import job_name

    sessions = store.sessions()
    jobs = {s.id: name for s in sessions if (name := job_name(s.bank_id))}
    return Snapshot(store.attempts(), sessions, len(store.due_questions()), jobs)


class HistoryView(QWidget):
    loaded = Signal()  # a snapshot is on screen

    def __init__(self, store: HistoryStore, jobs: Jobs | None = None, parent=None,
                 select: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.jobs = jobs or Jobs(self)
        self.groups: dict[str, list[AttemptRecord]] = {}
        self.sessions: list[SessionRecord] = []
        self.job_names: dict[int, str] = {}
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Question / attempt", "Best", "Pace"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0") * 4)
        # long questions and dates are cut with "…" and shown whole on hover, never scrolled
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Question / att…", not cut
        self.tree.setAccessibleName("Questions and attempts")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = ProgressChart()
        self.left_pane = AttemptPane("Compare: earlier")
        self.right_pane = AttemptPane("with: later")
        self.summary = QLabel("Reading your history…")
        self.summary.setWordWrap(True)
        self._build_layout()
        self._connect_callbacks()
        self.refresh(select)

    def _build_layout(self) -> None:
        compare = QWidget()
        row = QHBoxLayout(compare)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.left_pane)
        row.addWidget(self.right_pane)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        right.addWidget(compare)
        right.setSizes([300, 400])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.tree)
        main.addWidget(right)
        # question names need room: at a large font the list takes about 30 characters
        main.setSizes([max(460, self.fontMetrics().horizontalAdvance("0") * 30), 740])
        main.setStretchFactor(0, 2)
        main.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(main, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = button("Close", "Close history", "Close this window", "Escape",
                                   self._close, self)
        row.addWidget(self.close_button)
        layout.addLayout(row)

    def _close(self) -> None:
        self.close()

    def _connect_callbacks(self) -> None:
        self.tree.currentItemChanged.connect(self._on_tree_item)

    def refresh(self, select: str = "") -> None:
        """Reload from the store in the background, then show `select` (a question id)
        or keep the current choice; `loaded` is emitted once it is shown."""
        store = self.store
        self.jobs.run(lambda: read_snapshot(store), lane="history-view",
                      on_done=lambda snapshot: self.show_snapshot(snapshot, select))

    def show_snapshot(self, snapshot: Snapshot, select: str = "") -> None:
        """Fill the screen, keeping the selected question when it is still there."""
        keep = select or self.selected_question()
        self.groups = _grouped(snapshot.attempts)
        self.sessions, self.job_names = snapshot.sessions, snapshot.jobs
        self.summary.setText(
            f"{fmt.count(len(snapshot.sessions), 'session')}, "
            f"{fmt.count(len(snapshot.attempts), 'attempt')} at "
            f"{fmt.count(len(self.groups), 'question')}; {snapshot.due} due for review.")
        self.tree.blockSignals(True)
        self.tree.clear()
        everything = QTreeWidgetItem(["All questions (per session)", "", ""])
        everything.setData(0, ID_ROLE, ALL)
        self.tree.addTopLevelItem(everything)
        for question_id, attempts in self.groups.items():
            self.tree.addTopLevelItem(self._question_item(question_id, attempts))
        self.tree.blockSignals(False)
        self.select_question(keep if keep in self.groups else
                             next(iter(self.groups), ALL))
        self.loaded.emit()

    def _question_item(self, question_id: str, attempts: list[AttemptRecord]) -> QTreeWidgetItem:
        text = attempts[-1].question_text or question_id
        best = max(b.coverage for b in (question_coverage.standing_record(group) for group in
                                        _by_session(attempts)) if b is not None)
        item = QTreeWidgetItem([f"{text} ({len(attempts)})", fmt.percent(best), ""])
        item.setToolTip(0, f"{escape(text)} ({len(attempts)} attempts; {escape(question_id)})")
        item.setToolTip(1, f"Best coverage of {len(attempts)} attempts, each answer with its "
                           f"follow-ups: {fmt.percent(best)}")
        item.setData(0, ID_ROLE, question_id)
        for number, attempt in enumerate(attempts, 1):
            probe, _ = stored_exchange(attempt.feedback)
            asked = f" ↳ {probe}" if probe else ""
            cells = [f"#{number} {fmt.when(attempt.created_at)}{asked}",
                     fmt.percent(attempt.coverage), fmt.wpm(attempt.wpm)]
            child = QTreeWidgetItem(cells)
            job = self.job_names.get(attempt.session_id)
            child.setToolTip(0, f"Attempt {number} of this question, "
                                f"{fmt.when(attempt.created_at)}"
                                + (f"; {escape(job)}" if job else ""))
            if job:
                child.setText(0, f"{cells[0]} · {job.removeprefix('Job posting: ')}")
            for column in (1, 2):
                child.setToolTip(column, cells[column])
            child.setData(0, ID_ROLE, question_id)
            child.setData(1, ID_ROLE, attempt.id)
            item.addChild(child)
        return item

    def selected_question(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def select_question(self, question_id: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, ID_ROLE) == question_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                self._show_question(question_id)
                return

    def compare(self, earlier_id: int, later_id: int) -> None:
        """Put two attempts of the selected question side by side."""
        ids = [a.id for a in self.groups.get(self.selected_question() or ALL, [])]
        self.left_pane.chooser.setCurrentIndex(ids.index(earlier_id))
        self.right_pane.chooser.setCurrentIndex(ids.index(later_id))

    def _on_tree_item(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self._show_question(item.data(0, ID_ROLE))
        attempt_id = item.data(1, ID_ROLE)
        if attempt_id is not None:  # an attempt row: show it on the right, latest on the left
            ids = [a.id for a in self.groups[item.data(0, ID_ROLE)]]
            self.right_pane.chooser.setCurrentIndex(ids.index(attempt_id))

    def _show_question(self, question_id: str) -> None:
        if question_id == ALL:
            sessions = [s for s in self.sessions if s.attempt_count]
            self.chart.plot("Every session: mean coverage and pace",
                            [(s.started_at, s.mean_coverage or 0.0, s.mean_wpm)
                             for s in sessions], unit="Session")
            for pane in (self.left_pane, self.right_pane):
                pane.set_attempts([], -1)
            return
        attempts = self.groups.get(question_id, [])
        title = attempts[-1].question_text if attempts else question_id
        title = title if len(title) <= 90 else title[:87] + "..."
        self.chart.plot(title, [(a.created_at, a.coverage, a.wpm) for a in attempts])
        self.left_pane.set_attempts(attempts, max(len(attempts) - 2, 0))
        self.right_pane.set_attempts(attempts, len(attempts) - 1)


def _by_session(attempts: list[AttemptRecord]) -> list[list[AttemptRecord]]:
    """One question's attempts split by session: each session's score follows the rule."""
    groups: dict[int, list[AttemptRecord]] = {}
    for a in attempts:
        groups.setdefault(a.session_id, []).append(a)
    return list(groups.values())
