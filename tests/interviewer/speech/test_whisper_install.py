"""Installing Whisper models from a folder or a zip: checked, recorded, atomic."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from interviewer.cli.main import main
from interviewer.speech import ModelError
from interviewer.speech.install import install_model
from interviewer.speech.whisper_models import bundled, choose_whisper, root
from tests.conftest import REPO

BUNDLED = bundled()[0]


def test_a_folder_installs_with_its_digest_and_is_preferred() -> None:
    stages = []
    model = install_model(str(BUNDLED.path), progress=lambda s, d, t: stages.append(s))
    assert model.path == root() / "model" and model.sha256 == BUNDLED.sha256
    assert "check" in stages and "unpack" in stages
    assert choose_whisper().path == model.path
    assert not [p for p in root().iterdir() if p.name.startswith(".")]  # no leftovers


def test_a_zip_installs_under_its_folder_name(tmp_path: Path) -> None:
    archive = tmp_path / "whisper-tiny.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in BUNDLED.path.iterdir():
            out.write(file, f"tiny-copy/{file.name}")
    model = install_model(str(archive), sha256=BUNDLED.sha256)
    assert model.name == "tiny-copy" and (model.path / "interviewer-model.json").is_file()


def test_a_wrong_checksum_installs_nothing(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="checksum mismatch"):
        install_model(str(BUNDLED.path), sha256="0" * 64)
    assert not root().exists() or not any(root().iterdir())


def test_a_tampered_install_is_refused_at_load(capsys: pytest.CaptureFixture) -> None:
    model = install_model(str(BUNDLED.path))
    manifest = model.path / "interviewer-model.json"
    manifest.write_text(json.dumps({"name": "model", "sha256": "1" * 64}))
    assert main(["transcribe", "--engine", "whisper",
                 str(REPO / "tests" / "speech_answers" / "a19.flac")]) != 0
    err = capsys.readouterr().err
    assert "not the expected ones" in err and "Traceback" not in err


def test_model_list_says_what_gives_live_text_and_final(capsys: pytest.CaptureFixture) -> None:
    assert main(["model", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["live"] == "sphinx" and data["final"] == "tiny.en"
    assert data["whisper"][0]["kind"] == "whisper"
    assert main(["model", "list"]) == 0
    out = capsys.readouterr().out
    assert "final transcript" in out and "live text" in out
