"""Answer the real Open or Save dialog the app shows, as a person would: the path goes in
the file name box, then Open or Save.

QFileDialog.selectFile() is ignored while that box has focus (a name not yet on disk), so
the box is filled directly, and the answer waits until the dialog reads it back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit


def answer_file_dialog(path: Path, seen: list[Path] | None = None) -> None:
    """Once the next file dialog is up, choose `path`; `seen` gets the folder it opened in."""
    opened_in: list[Path] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        if not opened_in:
            opened_in.append(Path(dialog.directory().absolutePath()))
            if seen is not None:
                seen.append(opened_in[0])
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        if dialog.selectedFiles() != [str(path)]:  # the folder is still loading: again
            QTimer.singleShot(20, answer)
            return
        dialog.accept()
    QTimer.singleShot(0, answer)
