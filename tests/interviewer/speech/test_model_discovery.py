"""Models found without installing: the settings file and SpeechRecognition's download folder."""

from __future__ import annotations

import json
from pathlib import Path

from interviewer import paths
from interviewer.speech.models import choose_model, find_models, speechrecognition_model
from tests.interviewer.speech.test_model_install import MODEL_FILES


def fake_model(folder: Path) -> Path:
    for name, data in MODEL_FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_setting_names_a_model(tmp_path: Path) -> None:
    model = fake_model(tmp_path / "my-english-model")
    paths.ensure(paths.config_dir())
    paths.settings_file().write_text(json.dumps({"vosk_model": str(model)}), encoding="utf-8")
    chosen = choose_model(english_only=True)
    assert (chosen.source, chosen.path) == ("setting", model)
    assert find_models()[0] == chosen


def test_broken_settings_file_is_ignored() -> None:
    paths.ensure(paths.config_dir())
    paths.settings_file().write_text("{not json", encoding="utf-8")
    assert [m.source for m in find_models()] == ["package"]


def test_speechrecognition_download_folder(tmp_path: Path) -> None:
    assert speechrecognition_model(tmp_path) is None
    fake_model(tmp_path / "models" / "vosk")
    found = speechrecognition_model(tmp_path)
    assert found.source == "speechrecognition" and found.path == tmp_path / "models" / "vosk"
