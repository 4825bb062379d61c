"""Open and Save dialogs that start where the user keeps files, not where the app runs.

The first dialog opens in the user's Documents folder; after that, in the folder the
user last picked a file from or saved one to (kept in the settings).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from interviewer import paths
from interviewer.settings import Settings


def start_folder(settings: Settings) -> Path:
    """The last folder used if it still exists, else Documents (else the home folder)."""
    for folder in (Path(settings.last_folder) if settings.last_folder else None,
                   paths.documents_dir(), Path.home()):
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


def remember(settings: Settings, chosen: Path) -> None:
    settings.last_folder = str(chosen.parent)


def open_file(parent: QWidget, settings: Settings, title: str, filters: str) -> Path | None:
    """Ask for one existing file; None when the user cancels."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(settings)), filters)
    if not name:
        return None
    remember(settings, Path(name))
    return Path(name)


def save_file(parent: QWidget, settings: Settings, title: str, file_name: str,
              filters: str) -> tuple[Path, str] | None:
    """Ask where to save `file_name`; the path and the filter chosen, None on cancel."""
    suggested = start_folder(settings) / file_name
    name, kind = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    if not name:
        return None
    remember(settings, Path(name))
    return Path(name), kind
