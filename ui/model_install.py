"""Installing a speech model from the app: in the background, with progress and Cancel.

Cancelling stops the install at its next progress step; the speech installer then
removes its half-made folder, so nothing changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from interviewer.errors import InterviewerError
from interviewer.speech.models import ModelInfo
from interviewer.ui import services
from interviewer.ui.jobs import Job, Jobs, Report

STAGE_NAMES = {"download": "Downloading", "unpack": "Unpacking"}


class InstallCancelledError(InterviewerError):
    """The user pressed Cancel."""


Stage = tuple[str, int, int | None]  # stage, done, total


def _install(source: str, stop: threading.Event, report: Report[Stage]) -> ModelInfo:
    def progress(stage: str, done: int, total: int | None) -> None:
        if not report((stage, done, total)) or stop.is_set():
            raise InstallCancelledError("the model install was cancelled", "nothing was changed")
    return services.install_model(source, progress)


class ModelInstaller:
    """Owns one install: the job and its progress dialog."""

    def __init__(self, jobs: Jobs, parent: QWidget, on_done: Callable[[ModelInfo], None],
                 on_error: Callable[[InterviewerError], None]) -> None:
        self.jobs, self.parent = jobs, parent
        self.on_done, self.on_error = on_done, on_error
        self.dialog: QProgressDialog | None = None
        self.job: Job | None = None
        self.stop = threading.Event()
        self.ended = False

    def start(self, source: str) -> None:
        dialog = QProgressDialog(f"Installing {source}…", "Cancel", 0, 0, self.parent)
        dialog.setWindowTitle("Installing a speech model")
        dialog.setAccessibleName("Model install progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        stop = self.stop
        self.job = self.jobs.run_reporting(lambda report: _install(source, stop, report),
                                           on_progress=self._progress, on_done=self._done,
                                           on_error=self._failed)
        dialog.show()

    def cancel(self) -> None:
        """Stop at the installer's next step; the user hears about it once."""
        self.stop.set()
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self._failed(InstallCancelledError("the model install was cancelled",
                                           "nothing was changed"))

    def _progress(self, value: Stage) -> None:
        stage, done, total = value
        if self.dialog is None:
            return
        name = STAGE_NAMES.get(stage, stage.capitalize())
        if total:
            self.dialog.setMaximum(100)
            self.dialog.setValue(int(done * 100 / total))
            if self.dialog is None:  # a modal dialog's setValue handles events: it may be done
                return
            amount = (f"{done / 1e6:.1f} of {total / 1e6:.1f} MB" if stage == "download"
                      else f"file {done} of {total}")
            self.dialog.setLabelText(f"{name}: {amount}")
        else:
            self.dialog.setMaximum(0)
            self.dialog.setLabelText(f"{name}…")

    def _done(self, info: ModelInfo) -> None:
        if not self.ended:
            self.ended, self.job = True, None
            self._close()
            self.on_done(info)

    def _failed(self, error: InterviewerError) -> None:
        if not self.ended:
            self.ended, self.job = True, None
            self._close()
            self.on_error(error)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
