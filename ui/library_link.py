"""Question banks from the app: reload them and import new ones, off the UI thread.

Banks imported from the terminal (`interviewer banks import`) appear the next time
the start screen shows; banks imported from the app's menu appear at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from interviewer.banks import Library, load_library
from interviewer.banks.importer import ImportResult, bank_file, default_bank_id, import_file
from ui.jobs import Jobs

LANE = "banks"


def import_target(source: Path) -> Path:
    """Where importing `source` writes its bank."""
    return bank_file(default_bank_id(source))


def import_message(result: ImportResult) -> str:
    """One line for the message bar: what was kept, and the first row left out."""
    if result.path is None:
        first = result.problems[0] if result.problems else "no questions found"
        return f"Nothing was imported: every question had a problem, e.g. {first}"
    said = f"Imported {result.kept} question{'s' if result.kept != 1 else ''} as '{result.bank_id}'"
    if not result.problems:
        return said + "."
    first, rest = result.problems[0], result.problems[1:]
    lines = ", ".join(str(p.line) for p in rest)
    return (f"{said}; {len(result.problems)} left out: {first}"
            + (f"; also line{'s' if len(rest) > 1 else ''} {lines}" if rest else ""))


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

        self.jobs.run(import_file, source, force=force, lane=LANE, on_done=done,
                      on_error=self.problem.emit)

