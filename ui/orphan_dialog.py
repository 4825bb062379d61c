"""Recordings a crash left unsaved, offered back: score one on its question, or delete it.

The dialog only chooses; the window starts the round that scores the recording.
Deleting is disk work, so it runs on a background lane and the list follows when done.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from interviewer.banks import Library, Question
from interviewer.errors import InterviewerError
from interviewer.ui.jobs import Jobs
from interviewer.ui.widgets import label

FILES_LANE = "files"


def remove_recording(path: Path, sidecar: Path | None = None) -> Path:
    """Delete one recording (and the text a failed save kept with it) for good; a refusal
    becomes a message that names the file."""
    try:
        path.unlink(missing_ok=True)
        if sidecar is not None:
            sidecar.unlink(missing_ok=True)
    except OSError as exc:
        raise InterviewerError(f"{path}: cannot delete it ({exc.strerror})",
                               "check the folder's permissions") from exc
    return path


class OrphanDialog(QDialog):
    def __init__(self, orphans: list, library: Library, jobs: Jobs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.setWindowTitle("Recover unsaved answers")
        self.setAccessibleName("Recover unsaved answers")
        self.orphans = list(orphans)
        self.deleted: list[Path] = []
        lay = QVBoxLayout(self)
        lay.addWidget(label(
            "These answers were recorded, but the app stopped before they were scored and "
            "saved. Pick one and the question it answers, then score it.", "Explanation"))
        self.list = QListWidget()
        self.list.setAccessibleName("Unsaved recordings")
        self.list.setWordWrap(True)
        lay.addWidget(self.list, 1)
        form = QFormLayout()
        self.question = QComboBox()
        self.question.setAccessibleName("The question it answers")
        self.question.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.question.setMinimumContentsLength(50)  # long questions must not widen the dialog
        self.questions: dict[str, Question] = {}
        for bank in library.banks:
            for q in bank.questions:
                self.questions[q.id] = q
                self.question.addItem(f"{bank.title}: {q.text}", q.id)
        form.addRow("&Question:", self.question)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.score_button = buttons.addButton("&Score this answer",
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button = buttons.addButton("&Delete recording…",
                                               QDialogButtonBox.ButtonRole.ActionRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Later")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._confirm_delete)
        lay.addWidget(buttons)
        self.list.currentRowChanged.connect(self._on_row)
        self._fill()
        self.resize(760, 420)

    def _fill(self) -> None:
        self.list.clear()
        for orphan in self.orphans:
            item = QListWidgetItem(orphan.label)
            item.setToolTip(str(orphan.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.score_button.setEnabled(bool(self.orphans))
        self.delete_button.setEnabled(bool(self.orphans))

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.orphans) and self.orphans[row].question is not None:
            index = self.question.findData(self.orphans[row].question.id)
            self.question.setCurrentIndex(max(index, 0))

    def chosen(self) -> tuple[Path, Question] | None:
        """The recording to score and the question to score it on."""
        row = self.list.currentRow()
        question = self.questions.get(self.question.currentData() or "")
        if not 0 <= row < len(self.orphans) or question is None:
            return None
        return self.orphans[row].path, question

    def _confirm_delete(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.orphans):
            return
        path = self.orphans[row].path
        answer = QMessageBox.question(
            self, "Delete this recording?",
            f"Delete {path.name} for good? It is the only copy of this answer.")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(row)

    def delete(self, row: int) -> None:
        """Remove one recording from disk, then from the list (asked for explicitly)."""
        path = self.orphans[row].path
        self.delete_button.setEnabled(False)
        sidecar = getattr(self.orphans[row], "sidecar", None)
        self.jobs.run(lambda: remove_recording(path, sidecar), lane=FILES_LANE,
                      on_done=self._deleted, on_error=self._not_deleted)

    def _deleted(self, path: Path) -> None:
        self.deleted.append(path)
        self.orphans = [o for o in self.orphans if o.path != path]
        self._fill()

    def _not_deleted(self, error: InterviewerError) -> None:
        self.delete_button.setEnabled(bool(self.orphans))
        QMessageBox.warning(self, "Not deleted", f"{error.message}; {error.hint}.")
