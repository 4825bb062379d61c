"""Question banks from the app: reload them and import new ones, off the UI thread.

Banks imported from the terminal (`interviewer banks import`) appear the next time
the start screen shows; banks imported from the app's menu appear at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from interviewer.banks import Library, load_library
from interviewer.banks.import_report import import_summary, problem_lines
from interviewer.banks.importer import ImportResult, bank_file, default_bank_id, import_file
from interviewer.ui.jobs import Jobs

LANE = "banks"


def import_target(source: Path) -> Path:
    """Where importing `source` writes its bank."""
    return bank_file(default_bank_id(source))


def import_message(result: ImportResult) -> str:
    """For the message bar: what was kept, under which title, and every problem by line."""
    return "\n".join([import_summary(result), *problem_lines(result)])


def import_hint(result: ImportResult) -> str:
    """What to do next, true to what happened (nothing kept is not "the good rows are kept")."""
    if result.path is None:
        return "fix those lines and import the file again"
    if result.problems:
        return ("the other rows are in the bank, chosen on the start screen; fix those "
                "lines and import again (Replace) to add them")
    return "it is chosen under Role on the start screen"


class LibraryLink(QObject):
    loaded = Signal(object, str)  # Library, the bank id to select ("" keeps the choice)
    imported = Signal(object)  # ImportResult
    problem = Signal(object)  # InterviewerError

    def __init__(self, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs

    def reload(self, select: str = "") -> None:
        self.jobs.run(load_library, lane=LANE, on_done=lambda lib: self._loaded(lib, select),
                      on_error=self.problem.emit)

    def _loaded(self, library: Library, select: str) -> None:
        self.loaded.emit(library, select)

    def import_file(self, source: Path, force: bool = False) -> None:
        """Import in the background; on success the library reloads with the new bank."""
        def done(result: ImportResult) -> None:
            self.imported.emit(result)
            if result.path is not None:
                self.reload(select=result.bank_id)

        self.jobs.run(lambda: import_file(source, force=force), lane=LANE, on_done=done,
                      on_error=self.problem.emit)

